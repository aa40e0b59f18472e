import CognitoAPI
import Testing

/// The stop rule every paginator and pager shares.
@Suite("TokenTrail: when a token-paged listing ends", .timeLimit(.minutes(5)))
struct TokenTrailTests {
    @Test("a reply without a token ends the listing")
    func noToken() throws {
        var trail = TokenTrail()
        #expect(try trail.next(after: nil, items: 1) == nil)
        #expect(!trail.endedOnRepeatedToken)
    }

    @Test("an empty token ends the listing")
    func emptyToken() throws {
        var trail = TokenTrail()
        #expect(try trail.next(after: "", items: 1) == nil)
        #expect(!trail.endedOnRepeatedToken)
    }

    @Test("a fresh token is the one to send next")
    func freshToken() throws {
        var trail = TokenTrail()
        #expect(try trail.next(after: "t1", items: 1) == "t1")
        #expect(try trail.next(after: "t2", items: 1) == "t2")
    }

    @Test("a token already sent ends the listing and says so")
    func repeatedToken() throws {
        var trail = TokenTrail()
        _ = try trail.next(after: "t1", items: 1)
        _ = try trail.next(after: "t2", items: 1)
        #expect(try trail.next(after: "t1", items: 1) == nil)
        #expect(trail.endedOnRepeatedToken)
    }

    @Test("the first request's own token counts as sent")
    func resumedToken() throws {
        var trail = TokenTrail(first: "start")
        #expect(try trail.next(after: "start", items: 1) == nil)
        #expect(trail.endedOnRepeatedToken)
    }

    @Test("empty pages with fresh tokens are followed up to the limit, then the listing is called endless")
    func endlessEmptyPages() throws {
        var trail = TokenTrail()
        for page in 1..<TokenTrail.emptyPageLimit {
            #expect(try trail.next(after: "t\(page)", items: 0) == "t\(page)")
        }
        #expect(throws: EndlessEmptyPages(pages: TokenTrail.emptyPageLimit)) {
            try trail.next(after: "t\(TokenTrail.emptyPageLimit)", items: 0)
        }
    }

    @Test("a page with items starts the count of empty pages again")
    func itemsResetTheCount() throws {
        var trail = TokenTrail()
        for page in 1..<TokenTrail.emptyPageLimit { _ = try trail.next(after: "a\(page)", items: 0) }
        #expect(try trail.next(after: "b", items: 3) == "b")
        for page in 1..<TokenTrail.emptyPageLimit {
            #expect(try trail.next(after: "c\(page)", items: 0) == "c\(page)")
        }
    }
}
