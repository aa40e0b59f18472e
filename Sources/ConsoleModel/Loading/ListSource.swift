import CognitoAPI

/// What a list tab lists, with the parameters of its operation. It knows its columns, how to
/// fetch one page, and what Enter and `d` open for a row.
public enum ListSource: Sendable, Equatable {
    case userPools
    case users(poolID: String, search: UserSearch?)
    case groups(poolID: String)
    case clients(poolID: String)
    case providers(poolID: String)
    case userGroups(poolID: String, username: String)
    case devices(poolID: String, username: String)
    case groupMembers(poolID: String, group: String)
    case identityPools
    case identities(poolID: String, hideDisabled: Bool)
    /// The API calls of this session; filled from `CallRecord`s, never fetched.
    case callLog

    /// The plural noun for notices: "No users", "Loading groups…".
    public var noun: String {
        switch self {
        case .userPools: return "user pools"
        case .users, .groupMembers: return "users"
        case .groups, .userGroups: return "groups"
        case .clients: return "app clients"
        case .providers: return "identity providers"
        case .devices: return "devices"
        case .identityPools: return "identity pools"
        case .identities: return "identities"
        case .callLog: return "API calls"
        }
    }

    public var columns: [Column] {
        switch self {
        case .userPools:
            return [Column("NAME", width: .flex(weight: 2, minimum: 12)), Column("ID", width: .flex(weight: 2, minimum: 12)),
                    Column("CREATED", width: .fixed(16))]
        case .users, .groupMembers:
            return [Column("USERNAME", width: .flex(weight: 2, minimum: 10)), Column("NAME", width: .flex(weight: 2, minimum: 8)),
                    Column("EMAIL", width: .flex(weight: 2, minimum: 10)),
                    Column("STATUS", width: .fixed(21)), Column("ENABLED", width: .fixed(7)), Column("CREATED", width: .fixed(16))]
        case .groups, .userGroups:
            return [Column("NAME", width: .flex(weight: 2, minimum: 10)), Column("PRECEDENCE", width: .fixed(10), alignment: .trailing),
                    Column("DESCRIPTION", width: .flex(weight: 3, minimum: 10)), Column("ROLE", width: .flex(weight: 2, minimum: 8))]
        case .clients:
            return [Column("NAME", width: .flex(weight: 2, minimum: 10)), Column("CLIENT ID", width: .flex(weight: 2, minimum: 26))]
        case .providers:
            return [Column("NAME", width: .flex(weight: 2, minimum: 10)), Column("TYPE", width: .fixed(16)),
                    Column("CREATED", width: .fixed(16))]
        case .devices:
            return [Column("DEVICE KEY", width: .flex(weight: 2, minimum: 12)), Column("NAME", width: .flex(weight: 1, minimum: 8)),
                    Column("LAST SIGN-IN", width: .fixed(16))]
        case .identityPools:
            return [Column("NAME", width: .flex(weight: 2, minimum: 10)), Column("ID", width: .flex(weight: 2, minimum: 20))]
        case .identities:
            return [Column("IDENTITY ID", width: .flex(weight: 2, minimum: 20)), Column("LOGINS", width: .flex(weight: 2, minimum: 8)),
                    Column("CREATED", width: .fixed(16)), Column("MODIFIED", width: .fixed(16))]
        case .callLog:
            return [Column("TIME", width: .fixed(8)), Column("OPERATION", width: .flex(weight: 2, minimum: 12)),
                    Column("MS", width: .fixed(6), alignment: .trailing), Column("STATUS", width: .flex(weight: 1, minimum: 6)),
                    Column("RETRIES", width: .fixed(7), alignment: .trailing), Column("REQUEST ID", width: .flex(weight: 2, minimum: 8))]
        }
    }

    /// What Enter opens for the row with this id and name; nil when rows of this list have no
    /// pane of their own (Enter then describes them).
    public func drill(id: String, name: String) -> PaneKind? {
        switch self {
        case .userPools: return .userPool(id: id, name: name)
        case .users(let pool, _), .groupMembers(let pool, _): return .user(poolID: pool, username: id)
        case .groups(let pool), .userGroups(let pool, _): return .group(poolID: pool, name: id)
        case .identityPools: return .identityPool(id: id, name: name)
        case .identities(let pool, _): return .identity(poolID: pool, identityID: id)
        case .clients, .providers, .devices, .callLog: return nil
        }
    }

    /// What `d` describes for the row with this id; nil when there is nothing to describe.
    public func describe(id: String) -> DescribeTarget? {
        switch self {
        case .userPools: return .userPool(id: id)
        case .users(let pool, _), .groupMembers(let pool, _): return .user(poolID: pool, username: id)
        case .groups(let pool), .userGroups(let pool, _): return .group(poolID: pool, name: id)
        case .clients(let pool): return .client(poolID: pool, clientID: id)
        case .providers(let pool): return .provider(poolID: pool, name: id)
        case .identityPools: return .identityPool(id: id)
        case .identities: return .identity(id: id)
        case .devices, .callLog: return nil
        }
    }

    /// The server-side search of a user list, if any.
    public var search: UserSearch? {
        if case .users(_, let search) = self { return search }
        return nil
    }
}
