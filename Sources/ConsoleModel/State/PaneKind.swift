/// What a pane shows; decides its breadcrumb, its tabs and what its tabs load.
public enum PaneKind: Sendable, Equatable {
    case userPools
    case userPool(id: String, name: String)
    case user(poolID: String, username: String)
    case group(poolID: String, name: String)
    case identityPools
    case identityPool(id: String, name: String)
    case identity(poolID: String, identityID: String)
    /// `@`: the API calls of this session.
    case callLog
    /// `d`: one resource as JSON.
    case describe(DescribeTarget)

    /// The breadcrumb.
    public var title: String {
        switch self {
        case .userPools: return "User pools"
        case .userPool(let id, let name): return name.isEmpty ? id : name
        case .user(_, let name): return name
        case .group(_, let name): return name
        case .identityPools: return "Identity pools"
        case .identityPool(let id, let name): return name.isEmpty ? id : name
        case .identity(_, let id): return id
        case .callLog: return "API calls"
        case .describe(let target): return target.title
        }
    }

    /// The tabs a new pane of this kind starts with, nothing loaded yet.
    public func makeTabs() -> [TabState] {
        switch self {
        case .userPools:
            return [TabState("User pools", .list(ListState(source: .userPools)))]
        case .userPool(let id, _):
            return [
                TabState("Summary", .detail(DetailState(source: .userPool(id: id)))),
                TabState("Users", .list(ListState(source: .users(poolID: id, search: nil)))),
                TabState("Groups", .list(ListState(source: .groups(poolID: id)))),
                TabState("App clients", .list(ListState(source: .clients(poolID: id)))),
                TabState("Identity providers", .list(ListState(source: .providers(poolID: id)))),
                TabState("Domain", .detail(DetailState(source: .domain(poolID: id)))),
            ]
        case .user(let pool, let name):
            return [
                TabState("Summary", .detail(DetailState(source: .user(poolID: pool, username: name)))),
                TabState("Groups", .list(ListState(source: .userGroups(poolID: pool, username: name)))),
                TabState("Devices", .list(ListState(source: .devices(poolID: pool, username: name)))),
            ]
        case .group(let pool, let name):
            return [
                TabState("Summary", .detail(DetailState(source: .group(poolID: pool, name: name)))),
                TabState("Members", .list(ListState(source: .groupMembers(poolID: pool, group: name)))),
            ]
        case .identityPools:
            return [TabState("Identity pools", .list(ListState(source: .identityPools)))]
        case .identityPool(let id, _):
            return [
                TabState("Settings", .detail(DetailState(source: .identityPool(id: id)))),
                TabState("Identities", .list(ListState(source: .identities(poolID: id, hideDisabled: true)))),
            ]
        case .identity(_, let id):
            return [TabState("Identity", .detail(DetailState(source: .identity(id: id))))]
        case .callLog:
            return [TabState("API calls", .list(ListState(source: .callLog)))]
        case .describe(let target):
            return [TabState(target.title, .text(TextState(target: target)))]
        }
    }

    /// The tab index of a tab by title, for `:users`, `:groups`, `:clients`, `:identities`.
    public func tabIndex(_ title: String) -> Int? {
        makeTabTitles().firstIndex(of: title)
    }

    func makeTabTitles() -> [String] {
        switch self {
        case .userPool: return ["Summary", "Users", "Groups", "App clients", "Identity providers", "Domain"]
        case .identityPool: return ["Settings", "Identities"]
        case .user: return ["Summary", "Groups", "Devices"]
        case .group: return ["Summary", "Members"]
        default: return []
        }
    }
}
