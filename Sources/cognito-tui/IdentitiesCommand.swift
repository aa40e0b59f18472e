import ArgumentParser
import CognitoAPI
import CognitoAdmin

/// `cognito-tui identities list|get|delete|unlink`.
struct IdentitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identities",
        abstract: "List, show, delete or unlink the identities of an identity pool.",
        discussion: """
            Examples:
              cognito-tui identities list prod_identities
              cognito-tui identities delete eu-west-1:0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a --yes
            """,
        subcommands: [IdentitiesListCommand.self, IdentitiesGetCommand.self, IdentitiesDeleteCommand.self,
                      IdentitiesUnlinkCommand.self, IdentitiesLookupCommand.self, IdentitiesMergeCommand.self,
                      IdentitiesUnlinkDeveloperCommand.self]
    )
}

struct IdentitiesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List an identity pool's identities (ListIdentities, every page).",
        discussion: """
            Examples:
              cognito-tui identities list prod_identities --output csv
            """
    )
    @Argument(help: IdentityPoolHelp.argument)
    var idpool: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try InputChecks.identityPool(idpool) }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let id = try await admin.identityPool(idpool)
        try ListPrinter(format: output.format, tableColumns: ["IdentityId", "Logins", "CreationDate", "LastModifiedDate"])
            .list(try await IdentityPoolReads.identities(admin.backend, identityPool: id))
    }
}

struct IdentitiesGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show an identity: its logins and dates (DescribeIdentity).",
        discussion: """
            Examples:
              cognito-tui identities get eu-west-1:0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a
            """
    )
    @Argument(help: ArgumentHelp("The identity's id.", valueName: "identity"))
    var identity: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try InputChecks.identityID(identity) }

    func run() async throws {
        let admin = try AdminContext.make(global)
        try ListPrinter(format: output.format, tableColumns: ["IdentityId", "Logins"])
            .one(try await admin.backend.describeIdentity(.init(identityId: identity)))
    }
}

struct IdentitiesDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete identities (DeleteIdentities, 60 per call).",
        discussion: """
            On a terminal you type the identity's id (or, for several, their number) to confirm; \
            without one, pass --yes. The ids go 60 to a call; an identity the service did not \
            delete is listed with its error code (the exit status is then 1), and a call whose \
            reply was lost is settled by looking each identity up, so none is asked for twice. \
            --report saves the outcome of every identity.
            Examples:
              cognito-tui identities delete eu-west-1:0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a
              cognito-tui identities list prod_identities --output jsonl | jq -r .IdentityId | xargs cognito-tui identities delete --yes
            """
    )
    @Argument(help: ArgumentHelp("The identities' ids.", valueName: "identity"))
    var identities: [String]
    @Option(help: ArgumentHelp("Save the report of every identity to FILE.csv or FILE.jsonl.", valueName: "file"))
    var report: String?
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard !identities.isEmpty else { throw ValidationError("Name at least one identity to delete.") }
        for identity in identities { try InputChecks.identityID(identity) }
        if let report { try InputChecks.reportPath(report) }
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        try admin.refuseIfReadOnly(["DeleteIdentities"])
        var ids: [String] = []
        for identity in identities where !ids.contains(identity) { ids.append(identity) }
        let name = ids.count == 1 ? ids[0] : String(ids.count)
        try confirmation.confirm(.delete, name: name, what: ids.count == 1 ? "delete identity \(ids[0])" : "delete \(ids.count) identities",
                                 admin: admin)
        let job = try IdentityDeletion.job(admin.backend, ids: ids)
        let status = try await JobConsole(admin: admin).run(job, reportPath: report)
        if status != 0 { throw ExitCode(status) }
    }
}

struct IdentitiesUnlinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlink",
        abstract: "Unlink a login from an identity (UnlinkIdentity).",
        discussion: """
            --login names the provider and the login's current token (or @FILE holding it), which \
            the service needs to prove the login; the token is never printed.
            Examples:
              cognito-tui identities unlink eu-west-1:0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a --login graph.facebook.com=@fb-token.txt
            """
    )
    @Argument(help: ArgumentHelp("The identity's id.", valueName: "identity"))
    var identity: String
    @Option(help: ArgumentHelp("The provider and its token: PROVIDER=TOKEN or PROVIDER=@FILE.", valueName: "provider=token"))
    var login: [String] = []
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.identityID(identity)
        guard !login.isEmpty else { throw ValidationError("Give the login to unlink: --login PROVIDER=TOKEN or PROVIDER=@FILE.") }
        for pair in login {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                // Never repeat the argument: it holds a token.
                throw ValidationError("--login takes PROVIDER=TOKEN or PROVIDER=@FILE.")
            }
        }
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        try admin.refuseIfReadOnly(["UnlinkIdentity"])
        var logins: [String: String] = [:]
        for pair in login {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            logins[parts[0]] = try InputFile.valueOrFile(parts[1], what: "the token of \(parts[0])")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let providers = logins.keys.sorted()
        try confirmation.confirm(.reversible, name: identity,
                                 what: "unlink \(providers.joined(separator: ", ")) from identity \(identity)", admin: admin)
        try await admin.backend.unlinkIdentity(.init(identityId: identity, logins: logins, loginsToRemove: providers))
        print("Unlinked \(providers.joined(separator: ", ")) from \(identity).")
    }
}
