import AWSCore
import Foundation
import CognitoAPI

/// The whole state of the console: where it points, the navigation stack, the overlay, the
/// status line, the API-call log and the layout the front end reported. A value; only the
/// reducer changes it.
public struct ConsoleState: Sendable {
    public var info: BackendInfo
    /// Profile names for `p` and `:profile` completion.
    public var profiles: [String]
    public var regions: [String]
    public var themes: [String]
    /// The navigation stack, outermost first; never empty.
    public var stack: [PaneState] = []
    public var overlay: OverlayState?
    public var message: StatusMessage?
    /// The calls of this session, oldest first, at most `callLogLimit`.
    public var callLog: [CallRecord] = []
    public static let callLogLimit = 2_000
    /// Calls running now; kept by the view-model.
    public var callsInFlight = 0
    /// Replies the service throttled this session (the rate limiter's count).
    public var throttles = 0
    /// When the credentials of the profile in use expire; nil when they do not (or are not known).
    public var credentialsExpire: Date?
    /// Rows of the body region, as the front end last reported.
    public var bodyHeight = 20
    private var lastID = 0

    /// What to open once a switch of region arrives (`R` on a row of every region's pools): the
    /// region's own list, then the row's pane.
    public var openAfterSwitch: (root: PaneKind, pane: PaneKind)?

    /// The operator's own commands on keys (`plugins:` in `config.yaml`), checked.
    public var plugins: [Plugin] = []

    /// The columns chosen per list in `config.yaml` (`views:`).
    public var views: [String: [String]] = [:]

    public init(info: BackendInfo, profiles: [String] = [], regions: [String] = CognitoRegions.all, themes: [String] = [],
                views: [String: [String]] = [:]) {
        self.views = views
        self.info = info
        self.profiles = profiles
        self.regions = regions
        self.themes = themes
    }

    /// A new id for a pane or a load.
    public mutating func makeID() -> Int {
        lastID += 1
        return lastID
    }

    public var current: PaneState { stack[stack.count - 1] }
    public var currentAddress: TabAddress { TabAddress(pane: current.id, tab: current.activeTab) }
    public var currentContent: TabContent { current.tabs[current.activeTab].content }

    /// The current tab's list, if it shows one.
    public var currentList: ListState? {
        if case .list(let list) = currentContent { return list }
        return nil
    }

    /// Content lines of the body: the body less its heading line (column titles, a title).
    public var tableHeight: Int { max(1, bodyHeight - 1) }

    /// Where a pane is in the stack.
    public func depth(ofPane id: Int) -> Int? {
        stack.lastIndex { $0.id == id }
    }

    /// Edits a tab's content in place; nil when the pane has been closed.
    public mutating func withContent<R>(_ address: TabAddress, _ body: (inout TabContent) -> R) -> R? {
        guard let depth = depth(ofPane: address.pane), stack[depth].tabs.indices.contains(address.tab) else { return nil }
        return body(&stack[depth].tabs[address.tab].content)
    }

    /// Edits a tab's list in place, without copying its rows; nil when it is not a list.
    public mutating func withList<R>(_ address: TabAddress, _ body: (inout ListState) -> R) -> R? {
        withContent(address) { content -> R? in
            guard case .list(var list) = content else { return nil }
            content = .vacant
            defer { content = .list(list) }
            return body(&list)
        } ?? nil
    }

    /// Edits the current tab's list in place.
    public mutating func withCurrentList<R>(_ body: (inout ListState) -> R) -> R? {
        withList(currentAddress, body)
    }
}
