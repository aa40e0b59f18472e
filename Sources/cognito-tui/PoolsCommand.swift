import ArgumentParser
import CognitoAdmin
import ConsoleModel

/// `cognito-tui pools list|get`.
struct PoolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pools",
        abstract: "List user pools or show one.",
        discussion: """
            Examples:
              cognito-tui pools list
              cognito-tui pools get staff-pool --output json
            """,
        subcommands: [PoolsListCommand.self, PoolsGetCommand.self]
    )
}

struct PoolsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every user pool of the account and region (ListUserPools, every page).",
        discussion: """
            --all-regions asks every region where Cognito user pools run (in the partition of the \
            configured region), eight at a time, and adds a Region column; a region that does not \
            answer (one not enabled for the account) is one line on stderr.
            Examples:
              cognito-tui pools list
              cognito-tui pools list --output csv --region eu-west-1 > pools.csv
              cognito-tui pools list --all-regions
            """
    )
    @Flag(name: .customLong("all-regions"), help: "Ask every region where user pools run, with a Region column.")
    var allRegions = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let admin = try AdminContext.make(global)
        let columns = ["Id", "Name", "CreationDate", "LastModifiedDate"]
        if allRegions {
            try ListPrinter(format: output.format, tableColumns: ["Region"] + columns)
                .regions(await RegionSweep.userPools(admin.backend))
            return
        }
        try ListPrinter(format: output.format, tableColumns: columns).list(try await PoolReads.userPools(admin.backend))
    }
}

struct PoolsGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show a user pool's settings (DescribeUserPool).",
        discussion: """
            Examples:
              cognito-tui pools get eu-west-1_AbC123def
              cognito-tui pools get staff-pool --output json | jq .Policies
              cognito-tui pools get staff-pool --console-url
            """
    )
    @Argument(help: ArgumentHelp("The user pool: its id or its name.", valueName: "pool"))
    var pool: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var consoleURL: ConsoleURLOption
    @OptionGroup var global: GlobalOptions

    func validate() throws { try InputChecks.userPool(pool) }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let pool = try await admin.pool(pool)
        let found = try await PoolReads.userPool(admin.backend, pool: pool)
        if consoleURL.print(ResourceRef(.userPool, [pool]), admin) { return }
        try ListPrinter(format: output.format, tableColumns: ["Id", "Name"]).one(found)
    }
}
