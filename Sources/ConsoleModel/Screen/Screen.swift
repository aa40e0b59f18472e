/// Everything the front end draws for one frame, as plain data. The view-model layer builds it
/// from its state; `ConsoleUI` lays it out into a grid of cells and never looks at anything
/// else. Nothing here knows about terminals, colours or ncurses.
public struct Screen: Sendable, Equatable {
    public var header: HeaderInfo
    /// The navigation path, outermost first: `User pools › prod-customers › Users`.
    public var breadcrumbs: [String]
    /// Sub-panes of the current resource (a user pool's Summary, Users, Groups, …); empty when none.
    public var tabs: [String]
    public var activeTab: Int
    public var body: Body
    /// Shown under the body: paging state, active filter, key hints.
    public var footer: Footer
    /// One sentence about the last thing that happened, e.g. an error with its request id.
    public var message: StatusMessage?
    /// Drawn over everything else: help, palette, pickers, forms.
    public var overlay: Overlay?

    public init(header: HeaderInfo, breadcrumbs: [String] = [], tabs: [String] = [], activeTab: Int = 0,
                body: Body, footer: Footer = Footer(), message: StatusMessage? = nil, overlay: Overlay? = nil) {
        self.header = header
        self.breadcrumbs = breadcrumbs
        self.tabs = tabs
        self.activeTab = activeTab
        self.body = body
        self.footer = footer
        self.message = message
        self.overlay = overlay
    }
}

/// The top line: where the console is pointed and whether it may change anything.
public struct HeaderInfo: Sendable, Equatable {
    public var profile: String
    public var region: String
    /// Shown only when it is not AWS's own endpoint (e.g. the local emulator).
    public var endpoint: String?
    public var readOnly: Bool
    /// Every change asks for the resource's name to be typed.
    public var protected: Bool
    /// Calls in flight; the front end animates a spinner while it is above zero.
    public var callsInFlight: Int
    /// Replies the service throttled this session; shown when above zero.
    public var throttles: Int
    /// How long the credentials have left (`creds 42m`); nil when they do not expire.
    public var credentialsLeft: String?
    /// They expire within ten minutes, or have expired.
    public var credentialsEnding = false

    public init(profile: String, region: String, endpoint: String? = nil, readOnly: Bool = false, protected: Bool = false,
                callsInFlight: Int = 0, throttles: Int = 0, credentials: CredentialsLeft? = nil) {
        self.credentialsLeft = credentials?.text
        self.credentialsEnding = credentials?.ending ?? false
        self.throttles = throttles
        self.profile = profile
        self.region = region
        self.endpoint = endpoint
        self.readOnly = readOnly
        self.protected = protected
        self.callsInFlight = callsInFlight
    }
}

/// The main area of the screen.
public enum Body: Sendable, Equatable {
    case table(TableView)
    case detail(DetailView)
    case text(TextView)
    /// A pane with nothing to show yet, or an error in place of its content; one sentence.
    case notice(Notice)
}

public struct Notice: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case loading, empty, error }
    public var kind: Kind
    public var text: String
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Cell styles by meaning; themes map each role to colours and attributes.
public enum StyleRole: String, Sendable, Equatable, CaseIterable, Codable {
    case normal
    case header
    case headerAccent = "header.accent"
    case badgeReadOnly = "badge.readonly"
    case breadcrumbs
    case tab
    case tabActive = "tab.active"
    case tableHeader = "table.header"
    case row
    case rowSelected = "row.selected"
    case rowMarked = "row.marked"
    case rowDim = "row.dim"
    case detailKey = "detail.key"
    case detailValue = "detail.value"
    case sectionTitle = "section.title"
    case jsonKey = "json.key"
    case jsonString = "json.string"
    case jsonNumber = "json.number"
    case jsonLiteral = "json.literal"
    case footer
    case footerKey = "footer.key"
    case statusInfo = "status.info"
    case statusError = "status.error"
    case statusWarning = "status.warning"
    case overlay
    case overlayBorder = "overlay.border"
    case overlaySelected = "overlay.selected"
    case input
    case spinner
    case diffChanged = "diff.changed"
    case diffAdded = "diff.added"
    case diffRemoved = "diff.removed"
    case diffKept = "diff.kept"
    case badgeProtected = "badge.protected"
}
