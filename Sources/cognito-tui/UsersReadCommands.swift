import AWSCore
import ArgumentParser
import CognitoAPI
import CognitoAdmin

struct UsersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the pool's users (ListUsers, every page), those matching --filter when given.",
        discussion: """
            --filter takes the service's syntax: an attribute, = (equals) or ^= (starts with), and \
            a quoted value; e.g. 'email ^= "ann"', 'status = "Enabled"', 'cognito:user_status = \
            "UNCONFIRMED"'. CSV puts every attribute in its own column.
            Examples:
              cognito-tui users list --pool eu-west-1_AbC123def
              cognito-tui users list --pool staff-pool --filter 'email ^= "ann"' --output table
              cognito-tui users list --pool staff-pool --output csv > users.csv
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Option(help: ArgumentHelp("Only users matching this filter, e.g. 'email ^= \"ann\"'.", valueName: "filter"))
    var filter: String?
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        if let filter { try InputChecks.member("Filter", .string(filter), of: "ListUsers") }
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let pool = try await admin.pool(pool)
        try ListPrinter(format: output.format, tableColumns: ["Username", "UserStatus", "Enabled", "email", "UserCreateDate"])
            .list(try await PoolReads.users(admin.backend, pool: pool, filter: filter))
    }
}

struct UsersGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show a user: status, dates, attributes, MFA (AdminGetUser).",
        discussion: """
            Examples:
              cognito-tui users get --pool eu-west-1_AbC123def ann
              cognito-tui users get --pool staff-pool ann --output json | jq .UserAttributes
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Argument(help: "The user's username.")
    var username: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        try InputChecks.username(username)
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let pool = try await admin.pool(pool)
        guard let user = try await PoolReads.user(admin.backend, pool: pool, username: username) else {
            throw CommandFailure.usage("There is no user \(username) in \(pool).")
        }
        try ListPrinter(format: output.format, tableColumns: ["Username", "UserStatus", "Enabled"]).one(user)
    }
}

struct UsersGroupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups",
        abstract: "List the groups a user is in (AdminListGroupsForUser, every page).",
        discussion: """
            Examples:
              cognito-tui users groups --pool eu-west-1_AbC123def ann
              cognito-tui users groups --pool staff-pool ann --output jsonl
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Argument(help: "The user's username.")
    var username: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        try InputChecks.username(username)
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let pool = try await admin.pool(pool)
        let groups: [CognitoIdentityProvider.GroupType]
        do {
            groups = try await PoolReads.groups(admin.backend, pool: pool, username: username)
        } catch let error as AWSServiceError where error.is(.userNotFoundException) {
            throw CommandFailure.usage("There is no user \(username) in \(pool).")
        }
        try ListPrinter(format: output.format, tableColumns: GroupsListCommand.columns).list(groups)
    }
}
