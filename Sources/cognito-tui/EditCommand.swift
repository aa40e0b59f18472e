import ArgumentParser
import CognitoAdmin

/// `cognito-tui edit KIND IDS...`: an update as JSON in the operator's editor.
struct EditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit a resource's update as JSON in $VISUAL, $EDITOR or vi, then review the diff and send it.",
        discussion: """
            The resource is read and written to a file as the input of its update call (UpdateGroup, \
            UpdateUserPool, SetIdentityPoolRoles, …), with # comments on top. Save and quit to see the \
            field diff; an invalid edit reopens the editor with the error on top; an emptied file \
            cancels. On a terminal you answer y to send (on a protected profile, type the last id); \
            without a terminal pass --yes (on a protected profile, --confirm with the last id). The \
            resource is read again just before sending; if it changed meanwhile nothing is sent \
            without asking again.
            Kinds and their ids: \(EditTarget.allCases.map(\.usage).joined(separator: "; ")).
            Examples:
              cognito-tui edit group eu-west-1_AbC123def staff
              cognito-tui edit identity-pool-roles eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789
              EDITOR=nano cognito-tui edit user-attributes eu-west-1_AbC123def ann
            """
    )
    @Argument(help: ArgumentHelp("What to edit: \(EditTarget.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
    var kind: EditTarget
    @Argument(help: ArgumentHelp("Its ids, e.g. POOL GROUP for a group.", valueName: "ids"))
    var ids: [String] = []
    @Flag(name: .customLong("dry-run"), help: "Show the diff of the edit and send nothing.")
    var dryRun = false
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try kind.check(ids)
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let updater = kind.updater
        if !dryRun { try admin.refuseIfReadOnly([updater.operation]) }
        var ids = self.ids
        if !kind.inIdentityPool { ids[0] = try await admin.pool(ids[0]) }
        let resource = ids.joined(separator: "/")
        let base = try await updater.read(admin.backend, ids)
        let editor = EditorSession(updater: updater, resource: resource, environment: admin.session.context.environment)
        guard let plan = try editor.edit(base) else { return }
        try await UpdateSender(updater: updater, path: ids, resource: resource)
            .finish(plan, label: "\(resource)", dryRun: dryRun, confirmation: confirmation, weight: .update,
                    name: ids[ids.count - 1], what: "send \(updater.operation) for \(resource)", admin: admin)
    }
}
