import ArgumentParser
import CognitoAPI
import CognitoAdmin

struct IdpoolsUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change an identity pool's name, unauthenticated access, classic flow or other settings; the rest is kept.",
        discussion: """
            UpdateIdentityPool resets whatever it is not sent, so the pool is read first, what is \
            named is merged in, and the field diff is printed; the pool is read again just before \
            sending, and if it changed meanwhile nothing is sent without asking again. --file takes \
            some members of the UpdateIdentityPool input as JSON (e.g. {"SamlProviderARNs": [...]}); \
            the options win over the file.
            Examples:
              cognito-tui idpools update prod_identities --allow-classic-flow
              cognito-tui idpools update prod_identities --no-allow-unauthenticated --dry-run
              cognito-tui idpools update eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789 --file providers.json
            """
    )
    @Argument(help: IdentityPoolHelp.argument)
    var idpool: String
    @Option(help: ArgumentHelp("The new name.", valueName: "name"))
    var name: String?
    @Flag(name: .customLong("allow-unauthenticated"), inversion: .prefixedNo,
          help: "Whether guests (unauthenticated identities) get credentials.")
    var allowUnauthenticated: Bool?
    @Flag(name: .customLong("allow-classic-flow"), inversion: .prefixedNo, help: "Whether the classic (basic) flow is allowed.")
    var allowClassicFlow: Bool?
    @Option(help: ArgumentHelp("Members of the UpdateIdentityPool input to change, as JSON.", valueName: "file"))
    var file: String?
    @Flag(name: .customLong("dry-run"), help: "Print the diff and send nothing.")
    var dryRun = false
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.identityPool(idpool)
        guard name != nil || allowUnauthenticated != nil || allowClassicFlow != nil || file != nil else {
            throw ValidationError("Say what to change: --name, --[no-]allow-unauthenticated, --[no-]allow-classic-flow or --file.")
        }
        if let name { try InputChecks.member("IdentityPoolName", .string(name), of: "UpdateIdentityPool") }
    }

    /// The members to set: the file's, then the options'.
    func edits(id: String) throws -> [String: JSONValue?] {
        var members: [String: JSONValue?] = [:]
        if let file {
            guard case .object(let given) = try InputFile.json(file, what: "members of an UpdateIdentityPool input") else {
                throw CommandFailure.usage("\(file) must hold a JSON object: members of the UpdateIdentityPool input.")
            }
            for (key, value) in given where !(key == "IdentityPoolId" && value == .string(id)) { members[key] = value }
        }
        if let name { members["IdentityPoolName"] = .string(name) }
        if let allowUnauthenticated { members["AllowUnauthenticatedIdentities"] = .bool(allowUnauthenticated) }
        if let allowClassicFlow { members["AllowClassicFlow"] = .bool(allowClassicFlow) }
        return members
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let updater = Updaters.identityPool
        if !dryRun { try admin.refuseIfReadOnly([updater.operation]) }
        let id = try await admin.identityPool(idpool)
        let plan = try await updater.plan(admin.backend, path: [id], edit: .members(try edits(id: id)))
        try await UpdateSender(updater: updater, path: [id], resource: id)
            .finish(plan, label: "\(id)", dryRun: dryRun, confirmation: confirmation, weight: .reversible,
                    name: id, what: "update identity pool \(id)", admin: admin)
    }
}
