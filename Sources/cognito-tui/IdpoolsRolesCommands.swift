import ArgumentParser
import CognitoAPI
import CognitoAdmin

struct IdpoolsRolesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles",
        abstract: "Show an identity pool's roles and role mappings (GetIdentityPoolRoles).",
        discussion: """
            Prints JSON that `idpools set-roles --file` takes back.
            Examples:
              cognito-tui idpools roles prod_identities > roles.json
            """
    )
    @Argument(help: IdentityPoolHelp.argument)
    var idpool: String
    @OptionGroup var global: GlobalOptions

    func validate() throws { try InputChecks.identityPool(idpool) }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let id = try await admin.identityPool(idpool)
        try Output.json(try await Updaters.identityPoolRoles.read(admin.backend, [id]))
    }
}

struct IdpoolsSetRolesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-roles",
        abstract: "Set an identity pool's roles and role mappings from a file (SetIdentityPoolRoles).",
        discussion: """
            The file holds the SetIdentityPoolRoles input without the pool id: Roles and \
            RoleMappings, as `idpools roles` prints them. It is checked before anything is sent: \
            at most 25 rules for a provider and 10 providers with mappings, provider keys that name \
            one of the pool's providers (a user pool as PROVIDER:CLIENT), the members each mapping \
            type needs, well-formed role ARNs. The diff is printed; on a terminal you answer y, \
            without one pass --yes.
            Examples:
              cognito-tui idpools roles prod_identities > roles.json
              cognito-tui idpools set-roles prod_identities --file roles.json --dry-run
              cognito-tui idpools set-roles prod_identities --file roles.json --yes
            """
    )
    @Argument(help: IdentityPoolHelp.argument)
    var idpool: String
    @Option(help: ArgumentHelp("The SetIdentityPoolRoles input (Roles and RoleMappings), as JSON.", valueName: "file"))
    var file: String
    @Flag(name: .customLong("dry-run"), help: "Print the diff and send nothing.")
    var dryRun = false
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try InputChecks.identityPool(idpool) }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let updater = Updaters.identityPoolRoles
        if !dryRun { try admin.refuseIfReadOnly([updater.operation]) }
        let given = try InputFile.json(file, what: "a SetIdentityPoolRoles input")
        let id = try await admin.identityPool(idpool)
        let pool = try await admin.backend.describeIdentityPool(.init(identityPoolId: id))
        let problems = RoleMappingCheck.problems(given, pool: pool)
        if problems.count == 1 { throw CommandFailure.refused(problems[0]) }
        if !problems.isEmpty {
            problems.forEach { Output.error($0) }
            throw CommandFailure.usage("\(file) has \(problems.count) problems; nothing was sent.")
        }
        guard case .object(var members) = given else { return }
        members["IdentityPoolId"] = .string(id)
        let plan = try await updater.plan(admin.backend, path: [id], edit: .whole(.object(members)))
        try await UpdateSender(updater: updater, path: [id], resource: id)
            .finish(plan, label: "\(id)", dryRun: dryRun, confirmation: confirmation, weight: .update,
                    name: id, what: "send SetIdentityPoolRoles for \(id)", admin: admin)
    }
}
