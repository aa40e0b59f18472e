import CognitoAdmin

/// What a detail tab shows: its kind and the resource.
public struct DetailSource: Sendable, Equatable {
    public var kind: DetailKind
    public var ref: ResourceRef

    public init(_ kind: DetailKind, _ ref: ResourceRef) {
        self.kind = kind
        self.ref = ref
    }

    public var spec: DetailSpec { ResourceRegistry.detail(kind) }
    /// What `d` describes on this tab: the resource, when its kind has a describe call.
    public var describeTarget: ResourceRef? {
        ResourceRegistry.descriptor(ref.kind).describe != nil ? ref : nil
    }
    /// What `y` copies on this tab.
    public var copyID: String { ref.id }
    /// The console page `o` shows on this tab: the tab's own, else the resource's.
    public var consolePage: ConsolePage? { spec.consolePage ?? ResourceRegistry.descriptor(ref.kind).consolePage }

    /// Fetches and formats the sections; only the main call's failure fails the tab.
    public func fetchSections(_ backend: any CognitoBackend) async throws -> [DetailView.Section] {
        try await spec.fetch(backend, ref)
    }
}

/// Everything about one kind of detail tab: the pane it is a tab of, how its sections are
/// fetched and what it says when there are none.
public struct DetailSpec: Sendable {
    public typealias Fetch = @Sendable (_ backend: any CognitoBackend, _ ref: ResourceRef) async throws -> [DetailView.Section]
    public let kind: DetailKind
    /// The kind of resource whose pane shows this tab, the tab's id, title and order.
    public let owner: ResourceKind
    public let tab: TabID
    public let title: String
    public let order: Int
    public let emptyText: String
    /// The console page `o` shows on this tab, when it is not the resource's own (a pool's
    /// Domain tab: the pool's domain page).
    public let consolePage: ConsolePage?
    public let fetch: Fetch

    public init(_ kind: DetailKind, tabOf owner: ResourceKind, _ tab: TabID, _ title: String, order: Int,
                emptyText: String = "Nothing to show.", consolePage: ConsolePage? = nil, fetch: @escaping Fetch) {
        self.kind = kind
        self.owner = owner
        self.tab = tab
        self.title = title
        self.order = order
        self.emptyText = emptyText
        self.consolePage = consolePage
        self.fetch = fetch
    }
}
