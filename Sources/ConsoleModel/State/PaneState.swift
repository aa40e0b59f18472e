/// One level of the navigation stack: a resource and its tabs, each remembering its cursor,
/// scroll and filter so that `Esc` comes back to them as they were.
public struct PaneState: Sendable {
    /// Unique for the session, so a reply for a pane that was closed finds nothing.
    public let id: Int
    public let kind: PaneKind
    public var tabs: [TabState]
    public var activeTab: Int

    public init(id: Int, kind: PaneKind, views: [String: [String]] = [:]) {
        self.id = id
        self.kind = kind
        self.tabs = kind.makeTabs(views: views)
        self.activeTab = 0
    }

    /// The breadcrumb of this pane.
    public var title: String { kind.title }
    /// The tab titles shown above the body; empty for a pane with one tab.
    public var tabTitles: [String] { tabs.count > 1 ? tabs.map(\.title) : [] }
}

/// One tab of a pane.
public struct TabState: Sendable {
    public let id: TabID
    public var title: String
    public var content: TabContent
    public init(_ id: TabID, _ title: String, _ content: TabContent) {
        self.id = id
        self.title = title
        self.content = content
    }
}

/// What a tab holds.
public enum TabContent: Sendable {
    case list(ListState)
    case detail(DetailState)
    case text(TextState)
    /// A job's plan, progress and report.
    case job(JobState)
    /// A role mapping being edited.
    case rules(RulesState)
    /// One token of the inspector.
    case token(TokenTabState)
    /// Temporary credentials.
    case credentials(CredentialsState)
    /// Held for an instant while a list is edited in place, so that its arrays are not shared
    /// (and copied) during the edit.
    case vacant
}

/// Key/value sections loaded by one or more calls.
public struct DetailState: Sendable {
    public let source: DetailSource
    public var sections: [DetailView.Section]?
    /// One sentence when the main call failed; shown in place.
    public var failure: String?
    /// The ticket of the load in flight.
    public var loading: Int?
    public var scroll = 0

    public init(source: DetailSource) {
        self.source = source
    }

    /// Lines the front end draws: a title per section, its rows, a blank line between sections.
    public var lineCount: Int {
        guard let sections, !sections.isEmpty else { return 0 }
        return sections.reduce(0) { $0 + 1 + $1.rows.count } + sections.count - 1
    }
}

/// Scrollable text: the JSON of `d`.
public struct TextState: Sendable {
    /// The resource described; nil for text that is not fetched.
    public let target: ResourceRef?
    public let title: String
    public var lines: [String]?
    public var failure: String?
    public var loading: Int?
    public var scroll = 0

    public init(target: ResourceRef?, title: String) {
        self.target = target
        self.title = title
    }
}

/// A tab of a pane, by the pane's id and the tab's index.
public struct TabAddress: Sendable, Equatable, Hashable {
    public var pane: Int
    public var tab: Int
    public init(pane: Int, tab: Int) {
        self.pane = pane
        self.tab = tab
    }
}
