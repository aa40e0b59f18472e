import AWSCore
import ArgumentParser
import CognitoAPI
import CognitoAdmin
import ConsoleModel
import Foundation

struct UsersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the pool's users (ListUsers, every page), those matching --where or --filter when given.",
        discussion: """
            --where takes clauses ATTR OP "VALUE" joined by and, on any attribute (custom ones \
            too) or username, status, enabled, created, modified; OP is = != ^= (starts with) $= \
            (ends with) *= (contains) ~ (regular expression) < > (numbers, dates such as \
            2024-05-01). The service answers one = or ^= clause on a searchable attribute itself; \
            every clause is checked on each user. Otherwise a pool of more than two pages is listed in sixteen \
            parallel parts at the UserList quota (--sequential: one chain of pages).
            --filter takes the service's own syntax: an attribute, = (equals) or ^= (starts with), and \
            a quoted value; e.g. 'email ^= "ann"', 'status = "Enabled"', 'cognito:user_status = \
            "UNCONFIRMED"'. CSV puts every attribute in its own column.
            Examples:
              cognito-tui users list --pool eu-west-1_AbC123def
              cognito-tui users list --pool staff-pool --where 'email $= "@example.com" and enabled = "false"'
              cognito-tui users list --pool staff-pool --where 'custom:tier = "gold" and created > "2024-05-01"' --output csv
              cognito-tui users list --pool staff-pool --filter 'email ^= "ann"' --output table
              cognito-tui users list --pool staff-pool --output csv > users.csv
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Option(name: .customLong("where"),
            help: ArgumentHelp("Only users meeting this condition, e.g. 'email $= \"@example.com\" and enabled = \"true\"'.",
                               valueName: "condition"))
    var condition: String?
    @Option(help: ArgumentHelp("Only users matching this ListUsers filter, e.g. 'email ^= \"ann\"'.", valueName: "filter"))
    var filter: String?
    @Flag(help: ScanHelp.sequential)
    var sequential = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        if let filter { try InputChecks.member("Filter", .string(filter), of: "ListUsers") }
        if condition != nil, filter != nil {
            throw ValidationError("--where and --filter cannot be used together; --where can say what --filter does.")
        }
        _ = try ScanConsole.condition(condition)
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let pool = try await admin.pool(pool)
        let printer = ListPrinter(format: output.format, tableColumns: ["Username", "UserStatus", "Enabled", "email", "UserCreateDate"])
        if let filter {
            // The service's filter as given: one chain of pages.
            try printer.list(try await PoolReads.users(admin.backend, pool: pool, filter: filter))
            return
        }
        let scan = UserScan(backend: admin.backend, pool: pool, condition: try ScanConsole.condition(condition),
                            partitioned: !sequential)
        let console = ScanConsole()
        let found = UserBuffer()
        let final = try await scan.runUsers { users, progress in
            found.append(users)
            console.show(progress)
        }
        console.finish(final)
        try printer.list(found.users)
    }
}

/// Help shared by the commands that scan a pool.
enum ScanHelp {
    static let sequential = ArgumentHelp("List through one chain of pages, one request at a time, as other tools do; slower.")
}

/// The users a listing has found so far, gathered from the scan's batches.
final class UserBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [CognitoIdentityProvider.UserType] = []
    func append(_ users: [CognitoIdentityProvider.UserType]) { lock.withLock { all += users } }
    var users: [CognitoIdentityProvider.UserType] { lock.withLock { all } }
}

struct UsersGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show a user: status, dates, attributes, MFA (AdminGetUser).",
        discussion: """
            Examples:
              cognito-tui users get --pool eu-west-1_AbC123def ann
              cognito-tui users get --pool staff-pool ann --output json | jq .UserAttributes
              cognito-tui users get --pool staff-pool 'ann+test@example.com' --console-url
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Argument(help: "The user's username.")
    var username: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var consoleURL: ConsoleURLOption
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
        if consoleURL.print(ResourceRef(.user, [pool, username]), admin) { return }
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
