import CognitoAdmin

/// What a list tab lists, with its parameters: the list's kind, the ids of the resource it
/// belongs to, and the operator's choices (a server-side search, a toggle). A value, so the
/// reducer can compare and keep it; the behaviour lives in the `ListSpec` of its kind.
public struct ListSource: Sendable, Equatable {
    public var kind: ListKind
    /// The path of the resource the list belongs to (a pool's users: `[pool id]`); empty at the root.
    public var scope: [String]
    /// The search condition (`s`, `:users COND`), for lists whose spec can scan.
    public var search: UserCondition?
    /// The state of the spec's toggle (`h` on identities); the spec says what it means.
    public var toggled: Bool
    /// The fields its columns show, chosen in `config.yaml`; nil for the spec's own columns.
    public var view: [String]?

    public init(_ kind: ListKind, scope: [String] = [], search: UserCondition? = nil, toggled: Bool = false) {
        self.kind = kind
        self.scope = scope
        self.search = search
        self.toggled = toggled
    }

    public var spec: ListSpec { ResourceRegistry.list(kind) }
    public var noun: String { spec.noun }
    public var columns: [Column] {
        guard let view, let choice = spec.view else { return spec.columns }
        return choice.columns(view)
    }

    /// The resource a row stands for; nil when rows are not resources (the call log).
    public func row(id: String, name: String) -> ResourceRef? {
        guard let item = spec.item else { return nil }
        let depth = ResourceRegistry.descriptor(item).depth
        return ResourceRef(item, Array(scope.prefix(depth - 1)) + [id], name: name)
    }

    /// What Enter opens for a row: its own pane; nil when its kind has none.
    public func drill(id: String, name: String) -> PaneKind? {
        guard let ref = row(id: id, name: name), ResourceRegistry.hasPane(ref.kind) else { return nil }
        return .resource(ref)
    }

    /// What `d` describes for a row; nil when its kind has no describe call.
    public func describe(id: String) -> ResourceRef? {
        guard let ref = row(id: id, name: id), ResourceRegistry.descriptor(ref.kind).describe != nil else { return nil }
        return ref
    }

    /// Whether rows come from a scan rather than page by page: a search, or "load all" on a list
    /// that scans.
    public var scans: Bool { spec.scan != nil && search != nil }

    /// Fetches one page, from the service or from this machine; runs off the main actor.
    public func fetchPage(_ backend: any CognitoBackend, local: LocalSources = LocalSources(), token: String?) async throws -> ListPage {
        if let read = spec.local { return try read(local, self, token) }
        return try await spec.fetch(backend, self, token)
    }
}

/// Where a list shows: as a root pane of its own (`:userpools`), or as a tab of a resource's pane.
public enum ListPlacement: Sendable {
    case root(title: String)
    case tab(of: ResourceKind, id: TabID, title: String, order: Int)
    /// Opened another way (the call log).
    case none
}

/// A toggle a list offers on one key, e.g. showing disabled identities.
public struct ListToggle: Sendable {
    public var key: Character
    public var title: String
    /// The footer's word for each state, e.g. "disabled shown" / "disabled hidden".
    public var onText: String
    public var offText: String
    /// The status line when switched on / off.
    public var onNotice: String
    public var offNotice: String
}

/// Everything about one kind of list, written once: its rows' kind, noun, columns, how a page is
/// fetched, where it shows, and the palette command that jumps to it.
public struct ListSpec: Sendable {
    public typealias Fetch = @Sendable (_ backend: any CognitoBackend, _ source: ListSource, _ token: String?) async throws -> ListPage
    public typealias LocalFetch = @Sendable (_ sources: LocalSources, _ source: ListSource, _ token: String?) throws -> ListPage
    /// Lists everything that meets the source's search (all rows without one) at the quota,
    /// handing on each page's rows with the progress; returns the final progress.
    public typealias Scan = @Sendable (_ backend: any CognitoBackend, _ source: ListSource,
                                       _ onBatch: @escaping @Sendable ([ListItem], ScanProgress) async throws -> Void) async throws -> ScanProgress

    public let kind: ListKind
    /// What a row is; nil when rows are not resources.
    public let item: ResourceKind?
    /// The plural noun for notices: "No users", "Loading groups…".
    public let noun: String
    public let columns: [Column]
    public let placement: ListPlacement
    /// The `:` command that jumps to the list, if any.
    public let command: PaletteName?
    /// How the list is scanned: a search on any attribute (`s`, `:users COND`) and "load all"
    /// at the quota; nil for lists that only page.
    public let scan: Scan?
    /// Whether the search (`s`, `:users COND`) applies.
    public var searchable: Bool { scan != nil }
    /// How its columns can be chosen (`views:` in `config.yaml`); nil when they cannot.
    public let view: ListView?
    public let toggle: ListToggle?
    /// The initial toggle state of a new list.
    public let toggledAtStart: Bool
    /// The verbs of the row kind's actions offered on this list; nil offers all. A user's Groups
    /// tab, for one, does not offer deleting the group itself.
    public let rowActions: Set<String>?
    public let fetch: Fetch
    /// The same list for every region (`:userpools all`); nil when there is none.
    public let everyRegion: ListKind?
    /// For a list of every region's rows: what a row opens in its own region.
    public let regional: RegionalRows?
    /// For lists read from this machine (the audit log) instead of the service.
    public let local: LocalFetch?

    public init(_ kind: ListKind, item: ResourceKind?, noun: String, columns: [Column], placement: ListPlacement,
                command: PaletteName? = nil, scan: Scan? = nil, view: ListView? = nil, toggle: ListToggle? = nil,
                toggledAtStart: Bool = false, rowActions: Set<String>? = nil, local: LocalFetch? = nil,
                everyRegion: ListKind? = nil, regional: RegionalRows? = nil, fetch: @escaping Fetch) {
        self.kind = kind
        self.item = item
        self.noun = noun
        self.columns = columns
        self.placement = placement
        self.command = command
        self.scan = scan
        self.view = view
        self.toggle = toggle
        self.toggledAtStart = toggledAtStart
        self.rowActions = rowActions
        self.local = local
        self.everyRegion = everyRegion
        self.regional = regional
        self.fetch = fetch
    }

    public func allowsRowAction(_ verb: String) -> Bool {
        rowActions.map { $0.contains(verb) } ?? true
    }

    /// How many items to ask for per page: the most each list operation allows, up to 60.
    public static let pageSize = 60

    /// A new source of this list for the resource with path `scope`.
    public func source(scope: [String]) -> ListSource {
        ListSource(kind, scope: scope, toggled: toggledAtStart)
    }
}

/// A `:` command's name, aliases and one-line summary.
public struct PaletteName: Sendable, Equatable {
    public var name: String
    public var aliases: [String]
    public var summary: String
    public init(_ name: String, aliases: [String] = [], _ summary: String) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
    }
}

/// A list whose columns `config.yaml` can choose: the view's name there, and the columns for a
/// choice of fields (the rows follow the same fields; see the fetch of the list).
public struct ListView: Sendable {
    public var name: String
    public var columns: @Sendable ([String]) -> [Column]
    public init(name: String, columns: @escaping @Sendable ([String]) -> [Column]) {
        self.name = name
        self.columns = columns
    }
}
