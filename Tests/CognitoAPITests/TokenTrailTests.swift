import CognitoAPI
import Testing

/// The stop rule every paginator and pager shares.
@Suite("TokenTrail: when a token-paged listing ends")
struct TokenTrailTests {
    @Test("a reply without a token ends the listing")
    func noToken() {
        var trail = TokenTrail()
        #expect(trail.next(after: nil) == nil)
        #expect(!trail.endedOnRepeatedToken)
    }

    @Test("an empty token ends the listing")
    func emptyToken() {
        var trail = TokenTrail()
        #expect(trail.next(after: "") == nil)
        #expect(!trail.endedOnRepeatedToken)
    }

    @Test("a fresh token is the one to send next")
    func freshToken() {
        var trail = TokenTrail()
        #expect(trail.next(after: "t1") == "t1")
        #expect(trail.next(after: "t2") == "t2")
    }

    @Test("a token already sent ends the listing and says so")
    func repeatedToken() {
        var trail = TokenTrail()
        _ = trail.next(after: "t1")
        _ = trail.next(after: "t2")
        #expect(trail.next(after: "t1") == nil)
        #expect(trail.endedOnRepeatedToken)
    }

    @Test("the first request's own token counts as sent")
    func resumedToken() {
        var trail = TokenTrail(first: "start")
        #expect(trail.next(after: "start") == nil)
        #expect(trail.endedOnRepeatedToken)
    }
}
