import CognitoAPI

/// The paging state machine every list shares: first page, the next page on demand (when the
/// cursor nears the end of what is loaded), "load all" with progress and cancel.
///
/// A listing ends as `TokenTrail` says: on a reply with no token, an empty one, or one already
/// sent. A page with no items but a fresh token is not the end — filtered listings return
/// those — so the pager asks for the next one at once; after `TokenTrail.emptyPageLimit` of them
/// in a row the listing ends with the trail's sentence as its failure.
/// Every request carries a ticket; a reply whose ticket is not the one in flight (the list was
/// refreshed meanwhile) is ignored.
public struct Pager: Sendable, Equatable {
    /// One page to fetch: the token to send (nil for the first page) and the request's ticket.
    public struct Request: Sendable, Equatable {
        public var token: String?
        public var ticket: Int
    }

    /// The token for the next page; nil before the first page and after the last.
    public private(set) var nextToken: String?
    /// Whether the last page has arrived.
    public private(set) var complete = false
    /// The ticket of the request in flight.
    public private(set) var inFlight: Int?
    /// Whether "load all" is running: each reply asks for the next page at once.
    public private(set) var loadingAll = false
    /// Whether a reply repeated a token already sent, which ended the listing early.
    public private(set) var stoppedOnRepeatedToken = false
    /// The failure of the last request, one sentence; cleared by the next request.
    public private(set) var failure: String?
    public private(set) var pagesLoaded = 0
    private var trail = TokenTrail()
    private var lastTicket = 0
    private var started = false

    public init() {}

    /// A new pager for a replaced list whose tickets continue after `other`'s, so that a reply to
    /// the replaced list's request in flight is recognised as stale.
    public init(ticketsAfter other: Pager) {
        lastTicket = other.lastTicket
    }

    /// Whether there is a page after the ones loaded.
    public var hasMore: Bool { started && !complete }
    /// Whether nothing has been asked for yet.
    public var isIdle: Bool { !started }

    /// Forgets everything and asks for the first page.
    public mutating func start() -> Request {
        // The ticket counter survives, so a reply to a request made before the restart is stale.
        let ticket = lastTicket
        self = Pager()
        lastTicket = ticket
        started = true
        return issue(token: nil)
    }

    /// Asks for the next page when the cursor is within `margin` rows of the end of what is
    /// loaded, there is one, and nothing is in flight.
    ///
    /// - Parameters:
    ///   - position: the cursor's index among the rows being looked at.
    ///   - count: how many rows are being looked at.
    ///   - margin: how close to the end counts as near.
    public mutating func nextIfNeeded(position: Int, count: Int, margin: Int) -> Request? {
        guard hasMore, inFlight == nil, failure == nil, position >= count - margin else { return nil }
        return issue(token: nextToken)
    }

    /// Starts "load all"; returns the request to send unless one is already in flight (its
    /// reply continues the run) or the listing is complete.
    public mutating func loadAll() -> Request? {
        guard hasMore else { return nil }
        loadingAll = true
        failure = nil
        guard inFlight == nil else { return nil }
        return issue(token: nextToken)
    }

    /// Ends paging without asking for more: the rows come another way (a scan). A reply still in
    /// flight is then stale.
    public mutating func handOver() {
        started = true
        inFlight = nil
        finish()
    }

    /// This pager as it was before a scan took over, for rows the scan was to replace and never
    /// did: a page in flight then had its reply dropped, so none is in flight now.
    public var resumed: Pager {
        var copy = self
        copy.inFlight = nil
        copy.loadingAll = false
        return copy
    }

    /// Stops "load all" after the page in flight; returns whether it was running.
    @discardableResult
    public mutating func cancelLoadAll() -> Bool {
        defer { loadingAll = false }
        return loadingAll
    }

    /// Takes a reply: returns nil to ignore it (stale ticket), else whether it was accepted and
    /// the request to send next (during "load all", or after an empty page with a token).
    public mutating func receive(ticket: Int, itemCount: Int, nextToken token: String?) -> (accepted: Bool, next: Request?) {
        guard ticket == inFlight else { return (false, nil) }
        inFlight = nil
        pagesLoaded += 1
        do {
            if let following = try trail.next(after: token, items: itemCount) {
                nextToken = following
            } else {
                stoppedOnRepeatedToken = trail.endedOnRepeatedToken
                finish()
            }
        } catch {
            finish()
            failure = error.description
            return (true, nil)
        }
        guard !complete, loadingAll || itemCount == 0 else { return (true, nil) }
        return (true, issue(token: nextToken))
    }

    /// Takes a failed reply; returns whether it was the request in flight. The loaded rows
    /// stay; `r` or the next cursor move near the end retries after the failure is cleared.
    @discardableResult
    public mutating func fail(ticket: Int, _ sentence: String) -> Bool {
        guard ticket == inFlight else { return false }
        inFlight = nil
        loadingAll = false
        failure = sentence
        return true
    }

    /// Clears a failure so that the next page may be asked for again.
    public mutating func retry() -> Request? {
        guard failure != nil, hasMore, inFlight == nil else { return nil }
        failure = nil
        return issue(token: nextToken)
    }

    /// The footer's paging text for `loaded` rows: "120 loaded, more available", "5,000 total",
    /// "loading all: 3,200…".
    public func footer(loaded: Int) -> String? {
        guard started else { return nil }
        let count = NumberText.grouped(loaded)
        if loadingAll { return "loading all: \(count)…" }
        if complete { return failure.map { "\(count) loaded. \($0)" } ?? "\(count) total" }
        if inFlight != nil && pagesLoaded == 0 { return "loading…" }
        if failure != nil { return "\(count) loaded, next page failed" }
        return "\(count) loaded, more available"
    }

    private mutating func finish() {
        complete = true
        nextToken = nil
        loadingAll = false
    }

    private mutating func issue(token: String?) -> Request {
        lastTicket += 1
        inFlight = lastTicket
        return Request(token: token, ticket: lastTicket)
    }
}

/// Numbers as the footer writes them.
public enum NumberText {
    /// `12345` → `12,345`, independent of the locale so tests and screens agree.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(char)
        }
        return value < 0 ? "-" + out : out
    }
}
