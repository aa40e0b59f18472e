/// When a token-paged listing ends: the one rule every paginator and pager follows.
///
/// A listing ends on a reply with no token, an empty one, or one already sent: a service that
/// hands back the same token would otherwise loop forever. A reply with no items but a fresh
/// token is not the end — filtered listings (ListUsers with a filter) return those — so the
/// trail does not look at items at all.
public struct TokenTrail: Sendable, Hashable {
    /// Every token sent so far, the first request's own included.
    private var sent: Set<String>
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
    /// - Parameter reply: the next token the reply carries, if any.
    public mutating func next(after reply: String?) -> String? {
        endedOnRepeatedToken = false
        guard let reply, !reply.isEmpty else { return nil }
        guard sent.insert(reply).inserted else {
            endedOnRepeatedToken = true
            return nil
        }
        return reply
    }
}
