import ArgumentParser
import CognitoAdmin
import CognitoAPI
import Foundation

/// Developer-authenticated identities: look one up, merge two, unlink one (the pool's own
/// developer provider).
struct IdentitiesLookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Which identity a developer user is, or an identity's developer users (LookupDeveloperIdentity).",
        discussion: """
            Prints {"IdentityId": …, "DeveloperUserIdentifierList": […]} as JSON.
            Examples:
              cognito-tui identities lookup prod_identities --developer-user user-1234
              cognito-tui identities lookup prod_identities --identity eu-west-1:0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a
            """
    )
    @Argument(help: IdentityPoolHelp.argument)
    var idpool: String
    @Option(name: .customLong("developer-user"), help: ArgumentHelp("The developer user identifier.", valueName: "id"))
    var developerUser: String?
    @Option(name: .customLong("identity"), help: ArgumentHelp("The identity's id.", valueName: "identity"))
    var identity: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.identityPool(idpool)
        guard (developerUser == nil) != (identity == nil) else {
            throw ValidationError("Give one of --developer-user ID or --identity IDENTITY.")
        }
        if let identity { try InputChecks.identityID(identity) }
        if let developerUser { try InputChecks.member("DeveloperUserIdentifier", .string(developerUser), of: "LookupDeveloperIdentity") }
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let pool = try await admin.identityPool(idpool)
        let found = try await DeveloperIdentities.lookup(admin.backend, pool: pool, developerUser: developerUser, identityId: identity)
        let json: JSONValue = .object(["IdentityId": .string(found.identityId),
                                       "DeveloperUserIdentifierList": .array(found.developerUsers.map { .string($0) })])
        try Output.json(json)
    }
}

struct IdentitiesMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge one developer user's identity into another's (MergeDeveloperIdentities).",
        discussion: """
            The source's logins move to the destination's identity; this cannot be undone, so it \
            asks on a terminal and needs --yes without one.
            Examples:
              cognito-tui identities merge prod_identities --source-user user-old --destination-user user-1234 --yes
            """
    )
    @Argument(help: IdentityPoolHelp.argument)
    var idpool: String
    @Option(name: .customLong("source-user"), help: ArgumentHelp("The developer user whose identity is merged.", valueName: "id"))
    var source: String
    @Option(name: .customLong("destination-user"), help: ArgumentHelp("The developer user whose identity stays.", valueName: "id"))
    var destination: String
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.identityPool(idpool)
        try InputChecks.member("SourceUserIdentifier", .string(source), of: "MergeDeveloperIdentities")
        try InputChecks.member("DestinationUserIdentifier", .string(destination), of: "MergeDeveloperIdentities")
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        try admin.refuseIfReadOnly(["MergeDeveloperIdentities"])
        let pool = try await admin.identityPool(idpool)
        try confirmation.confirm(.delete, name: destination, what: "merge \(source)'s identity into \(destination)'s", admin: admin)
        let identity = try await DeveloperIdentities.merge(admin.backend, pool: pool, source: source, destination: destination)
        print("Merged \(source) into \(destination): identity \(identity).")
    }
}

struct IdentitiesUnlinkDeveloperCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlink-developer",
        abstract: "Unlink a developer user from an identity (UnlinkDeveloperIdentity).",
        discussion: """
            Examples:
              cognito-tui identities unlink-developer --pool prod_identities --developer-user user-1234 --yes eu-west-1:0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a
            """
    )
    @Argument(help: ArgumentHelp("The identity's id.", valueName: "identity"))
    var identity: String
    @Option(help: ArgumentHelp("The identity pool: its id or its unique name.", valueName: "idpool"))
    var pool: String
    @Option(name: .customLong("developer-user"), help: ArgumentHelp("The developer user identifier.", valueName: "id"))
    var developerUser: String
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.identityID(identity)
        try InputChecks.identityPool(pool)
        try InputChecks.member("DeveloperUserIdentifier", .string(developerUser), of: "UnlinkDeveloperIdentity")
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        try admin.refuseIfReadOnly(["UnlinkDeveloperIdentity"])
        let id = try await admin.identityPool(pool)
        try confirmation.confirm(.update, name: identity, what: "unlink \(developerUser) from identity \(identity)", admin: admin)
        try await DeveloperIdentities.unlink(admin.backend, pool: id, identityId: identity, developerUser: developerUser)
        print("Unlinked \(developerUser) from \(identity).")
    }
}
