import ArgumentParser
import CognitoAPI
import CognitoAdmin

/// `cognito-tui users update --pool POOL USERNAME --attribute NAME=VALUE --delete-attribute NAME`.
struct UsersUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change or remove a user's attributes; the others are kept.",
        discussion: """
            Read-modify-write: the user is read, the changes are merged in and the diff printed; \
            the user is read again just before sending (changed and new attributes in one \
            AdminUpdateUserAttributes, removed ones in one AdminDeleteUserAttributes). An attribute \
            the pool's schema does not have, or one it makes immutable, is one sentence and nothing \
            is sent.
            Examples:
              cognito-tui users update --pool eu-west-1_AbC123def ann --attribute given_name=Ann --attribute custom:team=ops
              cognito-tui users update --pool staff-pool ann --delete-attribute nickname
              cognito-tui users update --pool staff-pool ann --attribute email=ann@example.org --dry-run
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Argument(help: "The user's username.")
    var username: String
    @Option(name: .customLong("attribute"), help: ArgumentHelp("Set an attribute, NAME=VALUE; repeat for several.", valueName: "name=value"))
    var attributes: [String] = []
    @Option(name: .customLong("delete-attribute"), help: ArgumentHelp("Remove an attribute; repeat for several.", valueName: "name"))
    var deletions: [String] = []
    @Flag(name: .customLong("dry-run"), help: "Print the diff and send nothing.")
    var dryRun = false
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        try InputChecks.username(username)
        let set = try AttributeArguments.pairs(attributes)
        guard !set.isEmpty || !deletions.isEmpty else {
            throw ValidationError("Say what to change: --attribute NAME=VALUE or --delete-attribute NAME.")
        }
        if let both = deletions.first(where: { name in set.contains { $0.name == name } }) {
            throw ValidationError("\(both) is both set and deleted.")
        }
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let updater = Updaters.userAttributes
        var operations: [String] = []
        if !attributes.isEmpty { operations.append("AdminUpdateUserAttributes") }
        if !deletions.isEmpty { operations.append("AdminDeleteUserAttributes") }
        if !dryRun { try admin.refuseIfReadOnly(operations) }
        let pool = try await admin.pool(pool)
        let schema = try await PoolSchema.read(admin.backend, pool: pool)
        let set = try AttributeArguments.pairs(attributes)
        if let problem = schema.problem(with: set.map(\.name) + deletions, existingUser: true) {
            throw CommandFailure.refused(problem)
        }
        if let required = deletions.first(where: { name in schema.attributes.contains { $0.name == name && $0.required } }) {
            throw CommandFailure.refused("The attribute \(required) is required in \(pool) and cannot be removed")
        }
        try await UserCallCommand.requireUser(username, pool: pool, admin: admin)
        let path = [pool, username], resource = "\(pool)/\(username)"
        let base = try await updater.read(admin.backend, path)
        guard case .object(var values)? = base["UserAttributes"] else {
            throw CommandFailure(description: "The attributes of \(username) could not be read.", status: ExitStatus.network)
        }
        for (name, value) in set { values[name] = .string(value) }
        for name in deletions { values[name] = nil }
        let plan = try updater.plan(base: base, edit: .members(["UserAttributes": .object(values)]))
        try await UpdateSender(updater: updater, path: path, resource: resource)
            .finish(plan, label: "user \(username)", dryRun: dryRun, confirmation: confirmation, weight: .reversible,
                    name: username, what: "update user \(username) in \(pool)", admin: admin)
    }
}
