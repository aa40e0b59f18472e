import ArgumentParser
import CognitoAdmin
import ConsoleModel

/// `cognito-tui clients list|get --pool POOL`.
struct ClientsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clients",
        abstract: "List a user pool's app clients or show one (its secret masked).",
        discussion: """
            Examples:
              cognito-tui clients list --pool eu-west-1_AbC123def
              cognito-tui clients get --pool staff-pool 4c6a0q0example1client2id --output json
            """,
        subcommands: [ClientsListCommand.self, ClientsGetCommand.self]
    )
}

struct ClientsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the pool's app clients (ListUserPoolClients, every page).",
        discussion: """
            Examples:
              cognito-tui clients list --pool eu-west-1_AbC123def
              cognito-tui clients list --pool staff-pool --output jsonl
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try InputChecks.userPool(pool) }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let pool = try await admin.pool(pool)
        try ListPrinter(format: output.format, tableColumns: ["ClientId", "ClientName"]).list(try await PoolReads.clients(admin.backend, pool: pool))
    }
}

struct ClientsGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show an app client's settings (DescribeUserPoolClient); a client secret is masked.",
        discussion: """
            Examples:
              cognito-tui clients get --pool eu-west-1_AbC123def 4c6a0q0example1client2id
              cognito-tui clients get --pool staff-pool 4c6a0q0example1client2id --output json | jq .ExplicitAuthFlows
              cognito-tui clients get --pool staff-pool 4c6a0q0example1client2id --console-url
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Argument(help: ArgumentHelp("The app client's id.", valueName: "client-id"))
    var clientID: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var consoleURL: ConsoleURLOption
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        try InputChecks.member("ClientId", .string(clientID), of: "DescribeUserPoolClient")
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let pool = try await admin.pool(pool)
        let client = try await PoolReads.client(admin.backend, pool: pool, clientID: clientID)
        if consoleURL.print(ResourceRef(.appClient, [pool, clientID]), admin) { return }
        try ListPrinter(format: output.format, tableColumns: ["ClientId", "ClientName"]).one(client)
    }
}
