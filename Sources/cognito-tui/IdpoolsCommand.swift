import ArgumentParser
import CognitoAPI
import CognitoAdmin
import ConsoleModel

/// `cognito-tui idpools …`: identity pools, their roles, role mappings and principal tags.
struct IdpoolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idpools",
        abstract: "List, show, create, change or delete identity pools; their roles, role mappings and principal tags; simulate which role a user gets.",
        discussion: """
            Examples:
              cognito-tui idpools list
              cognito-tui idpools update prod_identities --allow-classic-flow
              cognito-tui idpools set-roles prod_identities --file roles.json --dry-run
              cognito-tui idpools simulate prod_identities --provider cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC:client --user us-east-1_AbC:ann
            """,
        subcommands: [IdpoolsListCommand.self, IdpoolsGetCommand.self, IdpoolsCreateCommand.self, IdpoolsUpdateCommand.self,
                      IdpoolsDeleteCommand.self, IdpoolsRolesCommand.self, IdpoolsSetRolesCommand.self,
                      IdpoolsPrincipalTagsCommand.self, IdpoolsSimulateCommand.self]
    )
}

struct IdpoolsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the identity pools of the account and region (ListIdentityPools, every page).",
        discussion: """
            --all-regions asks every region where Cognito identity pools run (in the partition of \
            the configured region), eight at a time, and adds a Region column; a region that does \
            not answer (one not enabled for the account) is one line on stderr.
            Examples:
              cognito-tui idpools list
              cognito-tui idpools list --output csv --region eu-west-1
              cognito-tui idpools list --all-regions --output json
            """
    )
    @Flag(name: .customLong("all-regions"), help: "Ask every region where identity pools run, with a Region column.")
    var allRegions = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let admin = try AdminContext.make(global)
        let columns = ["IdentityPoolId", "IdentityPoolName"]
        if allRegions {
            try ListPrinter(format: output.format, tableColumns: ["Region"] + columns)
                .regions(await RegionSweep.identityPools(admin.backend))
            return
        }
        try ListPrinter(format: output.format, tableColumns: columns).list(try await IdentityPoolReads.identityPools(admin.backend))
    }
}

struct IdpoolsGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show an identity pool: providers, unauthenticated access, classic flow, tags (DescribeIdentityPool).",
        discussion: """
            Examples:
              cognito-tui idpools get prod_identities
              cognito-tui idpools get eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789 --output json
              cognito-tui idpools get prod_identities --console-url
            """
    )
    @Argument(help: IdentityPoolHelp.argument)
    var idpool: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var consoleURL: ConsoleURLOption
    @OptionGroup var global: GlobalOptions

    func validate() throws { try InputChecks.identityPool(idpool) }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let id = try await admin.identityPool(idpool)
        let found = try await admin.backend.describeIdentityPool(.init(identityPoolId: id))
        if consoleURL.print(ResourceRef(.identityPool, [id]), admin) { return }
        try ListPrinter(format: output.format, tableColumns: ["IdentityPoolId", "IdentityPoolName"]).one(found)
    }
}

struct IdpoolsCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an identity pool (CreateIdentityPool).",
        discussion: """
            --file takes the CreateIdentityPool input as JSON (providers, classic flow, tags, …); \
            --name sets its IdentityPoolName. AllowUnauthenticatedIdentities is false unless the \
            file says otherwise. The input is checked against the service model before it is sent.
            Examples:
              cognito-tui idpools create --name partner_identities
              cognito-tui idpools create --name partner_identities --file pool.json
            """
    )
    @Option(help: ArgumentHelp("The pool's name: letters, digits, spaces and +=,.@_-.", valueName: "name"))
    var name: String
    @Option(help: ArgumentHelp("The rest of the CreateIdentityPool input, as JSON.", valueName: "file"))
    var file: String?
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.member("IdentityPoolName", .string(name), of: "CreateIdentityPool")
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        try admin.refuseIfReadOnly(["CreateIdentityPool"])
        var members: [String: JSONValue] = [:]
        if let file {
            guard case .object(let given) = try InputFile.json(file, what: "a CreateIdentityPool input") else {
                throw CommandFailure.usage("\(file) must hold a JSON object: the CreateIdentityPool input.")
            }
            members = given
        }
        members["IdentityPoolName"] = .string(name)
        if members["AllowUnauthenticatedIdentities"] == nil { members["AllowUnauthenticatedIdentities"] = .bool(false) }
        guard let operation = OperationFacts.operation("CreateIdentityPool") else { return }
        let input = JSONValue.object(members)
        try OperationCatalog.validate(json: CognitoJSONText.data(input), for: operation)
        try confirmation.confirm(.reversible, name: name, what: "create identity pool \(name)", admin: admin)
        try Output.json(try await admin.backend.call(operation, json: input))
    }
}

struct IdpoolsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an identity pool and its identities (DeleteIdentityPool).",
        discussion: """
            On a terminal you type the pool's name to confirm; without one, pass --yes. On a \
            protected profile, pass --confirm NAME instead.
            Examples:
              cognito-tui idpools delete old_identities
              cognito-tui idpools delete eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789 --yes
            """
    )
    @Argument(help: IdentityPoolHelp.argument)
    var idpool: String
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try InputChecks.identityPool(idpool) }

    func run() async throws {
        let admin = try AdminContext.make(global)
        try admin.refuseIfReadOnly(["DeleteIdentityPool"])
        let id = try await admin.identityPool(idpool)
        let pool = try await admin.backend.describeIdentityPool(.init(identityPoolId: id))
        try confirmation.confirm(.delete, name: pool.identityPoolName,
                                 what: "delete identity pool \(pool.identityPoolName) (\(id))", admin: admin)
        try await admin.backend.deleteIdentityPool(.init(identityPoolId: id))
        print("Deleted identity pool \(pool.identityPoolName) (\(id)).")
    }
}
