import CognitoAPI
import ConsoleModel
import Testing

@Suite("Pager: the paging state machine", .timeLimit(.minutes(5)))
struct PagerTests {
    @Test("start asks for the first page without a token")
    func firstPage() {
        var pager = Pager()
        let request = pager.start()
        #expect(request.token == nil)
        #expect(pager.inFlight == request.ticket)
        #expect(pager.footer(loaded: 0) == "loading…")
    }

    @Test("a reply with a token leaves more available and asks for nothing by itself")
    func moreAvailable() {
        var pager = Pager()
        let first = pager.start()
        let (accepted, next) = pager.receive(ticket: first.ticket, itemCount: 60, nextToken: "t1")
        #expect(accepted && next == nil)
        #expect(pager.hasMore)
        #expect(pager.footer(loaded: 60) == "60 loaded, more available")
    }

    @Test("the next page is asked for only when the cursor is near the end")
    func nextOnDemand() {
        var pager = Pager()
        _ = pager.receive(ticket: pager.start().ticket, itemCount: 60, nextToken: "t1")
        #expect(pager.nextIfNeeded(position: 10, count: 60, margin: 40) == nil)
        let request = pager.nextIfNeeded(position: 20, count: 60, margin: 40)
        #expect(request?.token == "t1")
        #expect(pager.nextIfNeeded(position: 59, count: 60, margin: 40) == nil, "one request at a time")
    }

    @Test("a reply without a token ends the listing with a total")
    func endsOnNilToken() {
        var pager = Pager()
        _ = pager.receive(ticket: pager.start().ticket, itemCount: 1234, nextToken: nil)
        #expect(pager.complete)
        #expect(pager.footer(loaded: 1234) == "1,234 total")
        #expect(pager.nextIfNeeded(position: 1233, count: 1234, margin: 40) == nil)
    }

    @Test("an empty token ends the listing too")
    func endsOnEmptyToken() {
        var pager = Pager()
        _ = pager.receive(ticket: pager.start().ticket, itemCount: 3, nextToken: "")
        #expect(pager.complete)
    }

    @Test("a repeated token ends the listing instead of looping")
    func repeatedToken() {
        var pager = Pager()
        _ = pager.receive(ticket: pager.start().ticket, itemCount: 10, nextToken: "same")
        let second = pager.nextIfNeeded(position: 9, count: 10, margin: 5)!
        let (_, next) = pager.receive(ticket: second.ticket, itemCount: 10, nextToken: "same")
        #expect(next == nil)
        #expect(pager.complete)
        #expect(pager.stoppedOnRepeatedToken)
    }

    @Test("an empty page that carries a token is followed at once")
    func emptyPageContinues() {
        var pager = Pager()
        let (_, next) = pager.receive(ticket: pager.start().ticket, itemCount: 0, nextToken: "t1")
        #expect(next?.token == "t1")
        #expect(!pager.complete)
    }

    @Test("endless empty pages, each with a fresh token, stop at the limit with one sentence")
    func endlessEmptyPages() {
        var pager = Pager()
        var request: Pager.Request? = pager.start()
        var replies = 0
        while let current = request, replies <= TokenTrail.emptyPageLimit {
            replies += 1
            request = pager.receive(ticket: current.ticket, itemCount: 0, nextToken: "fresh-\(replies)").next
        }
        #expect(replies == TokenTrail.emptyPageLimit)
        #expect(pager.complete)
        let sentence = "The service returned 1000 empty pages in a row, each with a new token, so paging stopped there."
        #expect(pager.failure == sentence)
        #expect(pager.footer(loaded: 0) == "0 loaded. \(sentence)")
    }

    @Test("load all asks for each next page as the previous one arrives, with progress")
    func loadAll() {
        var pager = Pager()
        _ = pager.receive(ticket: pager.start().ticket, itemCount: 60, nextToken: "t1")
        var request = pager.loadAll()
        #expect(request?.token == "t1")
        #expect(pager.footer(loaded: 60) == "loading all: 60…")
        var loaded = 60
        for token in ["t2", "t3", nil] as [String?] {
            loaded += 60
            request = pager.receive(ticket: request!.ticket, itemCount: 60, nextToken: token).next
            if token == nil { #expect(request == nil) } else { #expect(request?.token == token) }
        }
        #expect(pager.complete && !pager.loadingAll)
        #expect(pager.footer(loaded: loaded) == "240 total")
    }

    @Test("cancelling load all stops after the page in flight")
    func cancelLoadAll() {
        var pager = Pager()
        _ = pager.receive(ticket: pager.start().ticket, itemCount: 60, nextToken: "t1")
        let request = pager.loadAll()!
        let wasRunning = pager.cancelLoadAll()
        #expect(wasRunning)
        let (accepted, next) = pager.receive(ticket: request.ticket, itemCount: 60, nextToken: "t2")
        #expect(accepted && next == nil)
        #expect(pager.hasMore)
        #expect(pager.footer(loaded: 120) == "120 loaded, more available")
    }

    @Test("load all started while a page is in flight continues from its reply")
    func loadAllWhileInFlight() {
        var pager = Pager()
        let first = pager.start()
        #expect(pager.loadAll() == nil)
        let next = pager.receive(ticket: first.ticket, itemCount: 60, nextToken: "t1").next
        #expect(next?.token == "t1")
    }

    @Test("a reply to a request made before a restart is ignored")
    func staleTicket() {
        var pager = Pager()
        let old = pager.start()
        let fresh = pager.start()
        #expect(old.ticket != fresh.ticket)
        #expect(!pager.receive(ticket: old.ticket, itemCount: 5, nextToken: nil).accepted)
        #expect(pager.inFlight == fresh.ticket)
    }

    @Test("a failure stops paging until retried, and the footer says so")
    func failureAndRetry() {
        var pager = Pager()
        _ = pager.receive(ticket: pager.start().ticket, itemCount: 60, nextToken: "t1")
        let request = pager.loadAll()!
        let failed = pager.fail(ticket: request.ticket, "Throttled.")
        #expect(failed)
        #expect(!pager.loadingAll)
        #expect(pager.footer(loaded: 60) == "60 loaded, next page failed")
        #expect(pager.nextIfNeeded(position: 59, count: 60, margin: 10) == nil)
        #expect(pager.retry()?.token == "t1")
    }

    @Test("numbers in the footer are grouped by thousands")
    func grouping() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(100_000) == "100,000")
        #expect(NumberText.grouped(1_234_567) == "1,234,567")
    }
}
