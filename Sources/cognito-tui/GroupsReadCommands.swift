import ArgumentParser
import CognitoAdmin
import ConsoleModel

struct GroupsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the pool's groups (ListGroups, every page).",
        discussion: """
            Examples:
              cognito-tui groups list --pool eu-west-1_AbC123def
              cognito-tui groups list --pool staff-pool --output csv > groups.csv
            """
    )
    static let columns = ["GroupName", "Precedence", "Description", "RoleArn"]

    @Option(help: PoolHelp.option)
    var pool: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try InputChecks.userPool(pool) }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let pool = try await admin.pool(pool)
        try ListPrinter(format: output.format, tableColumns: Self.columns).list(try await PoolReads.groups(admin.backend, pool: pool))
    }
}

struct GroupsGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show a group (GetGroup).",
        discussion: """
            Examples:
              cognito-tui groups get --pool eu-west-1_AbC123def staff
              cognito-tui groups get --pool staff-pool admins --output json
              cognito-tui groups get --pool staff-pool admins --console-url
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Argument(help: "The group's name.")
    var name: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var consoleURL: ConsoleURLOption
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        try InputChecks.groupName(name)
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let pool = try await admin.pool(pool)
        guard let group = try await PoolReads.group(admin.backend, pool: pool, name: name) else {
            throw CommandFailure.usage("There is no group \(name) in \(pool).")
        }
        if consoleURL.print(ResourceRef(.group, [pool, name]), admin) { return }
        try ListPrinter(format: output.format, tableColumns: ["GroupName"]).one(group)
    }
}

struct GroupsMembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "List a group's members (ListUsersInGroup, every page).",
        discussion: """
            Examples:
              cognito-tui groups members --pool eu-west-1_AbC123def staff
              cognito-tui groups members --pool staff-pool admins --output csv
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Argument(help: "The group's name.")
    var name: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        try InputChecks.groupName(name)
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let pool = try await admin.pool(pool)
        guard try await PoolReads.group(admin.backend, pool: pool, name: name) != nil else {
            throw CommandFailure.usage("There is no group \(name) in \(pool).")
        }
        try ListPrinter(format: output.format, tableColumns: ["Username", "UserStatus", "Enabled", "email"])
            .list(try await PoolReads.members(admin.backend, pool: pool, group: name))
    }
}
