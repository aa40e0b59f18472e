/// When a token-paged listing ends: the one rule every paginator and pager follows.
///
/// A listing ends on a reply with no token, an empty one, or one already sent: a service that
/// hands back the same token would otherwise loop forever. A reply with no items but a fresh
/// token is not the end — filtered listings (ListUsers with a filter) return those — but a
/// service that keeps answering empty pages, each with a new token, would also page forever:
/// after `emptyPageLimit` empty pages in a row the trail gives up with `EndlessEmptyPages`.
public struct TokenTrail: Sendable, Hashable {
    /// Empty pages in a row, each with a fresh token, after which a listing is abandoned. A
    /// filtered ListUsers reads 60 users a page, so this lets a filter go 60,000 users without a
    /// match before the listing is called endless.
    public static let emptyPageLimit = 1000

    /// Every token sent so far, the first request's own included.
    private var sent: Set<String>
    /// The empty pages received since the last page with items.
    private var emptyInARow = 0
    /// Whether the last reply ended the listing by repeating a token already sent.
    public private(set) var endedOnRepeatedToken = false

    /// - Parameter first: the token the first request carries, if it resumes a listing; it
    ///   counts as sent.
    public init(first: String? = nil) {
        sent = first.map { [$0] } ?? []
    }

    /// Takes a reply's next token; returns the token to send next, or nil when the listing has
    /// ended. The returned token counts as sent from now on.
    ///
    /// - Parameters:
    ///   - reply: the next token the reply carries, if any.
    ///   - items: how many items the reply carries.
    /// - Throws: `EndlessEmptyPages` when this reply is the `emptyPageLimit`th empty page in a
    ///   row and still carries a fresh token.
    public mutating func next(after reply: String?, items: Int) throws(EndlessEmptyPages) -> String? {
        endedOnRepeatedToken = false
        emptyInARow = items == 0 ? emptyInARow + 1 : 0
        guard let reply, !reply.isEmpty else { return nil }
        guard sent.insert(reply).inserted else {
            endedOnRepeatedToken = true
            return nil
        }
        if emptyInARow >= Self.emptyPageLimit { throw EndlessEmptyPages(pages: emptyInARow) }
        return reply
    }
}

/// A listing abandoned because the service kept answering empty pages, each with a new token.
public struct EndlessEmptyPages: Error, Sendable, Equatable, CustomStringConvertible {
    /// The empty pages received in a row.
    public var pages: Int

    public init(pages: Int) {
        self.pages = pages
    }

    public var description: String {
        "The service returned \(pages) empty pages in a row, each with a new token, so paging stopped there."
    }
}
