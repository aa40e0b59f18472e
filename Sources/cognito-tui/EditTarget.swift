import ArgumentParser
import CognitoAdmin

/// What `cognito-tui edit` can edit: each kind is one of `Updaters` and the ids its path takes.
enum EditTarget: String, CaseIterable, ExpressibleByArgument {
    case userPool = "user-pool"
    case appClient = "app-client"
    case group
    case identityProvider = "identity-provider"
    case resourceServer = "resource-server"
    case identityPool = "identity-pool"
    case identityPoolRoles = "identity-pool-roles"
    case principalTags = "principal-tags"
    case userAttributes = "user-attributes"

    var updater: Updater {
        switch self {
        case .userPool: return Updaters.userPool
        case .appClient: return Updaters.appClient
        case .group: return Updaters.group
        case .identityProvider: return Updaters.identityProvider
        case .resourceServer: return Updaters.resourceServer
        case .identityPool: return Updaters.identityPool
        case .identityPoolRoles: return Updaters.identityPoolRoles
        case .principalTags: return Updaters.principalTags
        case .userAttributes: return Updaters.userAttributes
        }
    }

    /// The ids the kind takes, in order, as the usage names them.
    var idNames: [String] {
        switch self {
        case .userPool: return ["POOL"]
        case .appClient: return ["POOL", "CLIENT_ID"]
        case .group: return ["POOL", "GROUP"]
        case .identityProvider: return ["POOL", "PROVIDER"]
        case .resourceServer: return ["POOL", "IDENTIFIER"]
        case .identityPool, .identityPoolRoles: return ["IDENTITY_POOL"]
        case .principalTags: return ["IDENTITY_POOL", "PROVIDER"]
        case .userAttributes: return ["POOL", "USERNAME"]
        }
    }

    /// Whether the first id is an identity pool's (else a user pool's).
    var inIdentityPool: Bool { [.identityPool, .identityPoolRoles, .principalTags].contains(self) }

    /// `edit group POOL GROUP`, for messages.
    var usage: String { "edit \(rawValue) \(idNames.joined(separator: " "))" }

    /// Checks the ids before anything is sent.
    func check(_ ids: [String]) throws {
        guard ids.count == idNames.count else {
            throw ValidationError("`\(usage)` takes \(idNames.count) id\(idNames.count == 1 ? "" : "s"), got \(ids.count).")
        }
        if inIdentityPool { try InputChecks.identityPoolID(ids[0]) } else { try InputChecks.userPool(ids[0]) }
        for (index, id) in ids.enumerated().dropFirst() where id.isEmpty {
            throw ValidationError("\(idNames[index]) cannot be empty.")
        }
        if self == .userAttributes { try InputChecks.username(ids[1]) }
        if self == .group { try InputChecks.groupName(ids[1]) }
    }
}
