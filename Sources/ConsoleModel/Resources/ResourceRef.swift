/// A kind of resource (user pool, user, group, …), by a stable id. Each kind is declared in its
/// own file under `Resources/Kinds` as a static member, next to its descriptor.
public struct ResourceKind: Hashable, Sendable, CustomStringConvertible {
    public let id: String
    public init(_ id: String) { self.id = id }
    public var description: String { id }
}

/// One resource: its kind and the path of ids that finds it, from the outermost scope in (a user
/// is `[pool id, username]`, an identity `[identity pool id, identity id]`), plus the name people
/// know it by.
public struct ResourceRef: Hashable, Sendable, CustomStringConvertible {
    public var kind: ResourceKind
    public var path: [String]
    /// Shown in breadcrumbs; the id when the resource has no separate name.
    public var name: String

    public init(_ kind: ResourceKind, _ path: [String], name: String? = nil) {
        self.kind = kind
        self.path = path
        self.name = name ?? path.last ?? ""
    }

    /// The resource's own id: the last of the path.
    public var id: String { path.last ?? "" }
    /// The id at `index` of the path, or empty when the path is shorter.
    public subscript(_ index: Int) -> String { path.indices.contains(index) ? path[index] : "" }
    /// The breadcrumb: the name, or the id when the name is empty.
    public var title: String { name.isEmpty ? id : name }
    public var description: String { "\(kind.id) \(path.joined(separator: "/"))" }

    /// The path as one string (a job item's id); the separator is a control character no Cognito
    /// identifier can hold.
    public var key: String { path.joined(separator: "\u{1F}") }

    /// The resource whose `key` this is.
    public init(_ kind: ResourceKind, key: String) {
        self.init(kind, key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init))
    }

    /// The same resource whatever name it was opened by: kind and path decide.
    public static func == (a: ResourceRef, b: ResourceRef) -> Bool { a.kind == b.kind && a.path == b.path }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(path)
    }
}

/// A tab of a resource's pane, by a stable id (never by its title).
public struct TabID: Hashable, Sendable, CustomStringConvertible {
    public let id: String
    public init(_ id: String) { self.id = id }
    public var description: String { id }
}

/// A kind of list (the users of a pool, the members of a group, …), by a stable id.
public struct ListKind: Hashable, Sendable, CustomStringConvertible {
    public let id: String
    public init(_ id: String) { self.id = id }
    public var description: String { id }
}

/// A kind of detail tab (a pool's summary, its domain, …), by a stable id.
public struct DetailKind: Hashable, Sendable, CustomStringConvertible {
    public let id: String
    public init(_ id: String) { self.id = id }
    public var description: String { id }
}
