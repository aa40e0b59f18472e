import Foundation
import Testing
@testable import AWSCore

/// Virtual time for the limiter: `sleep` records the wait and moves the clock on by it, so a
/// run of acquisitions takes exactly the time the buckets ask for and no real time at all.
final class VirtualTime: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var waits: [Duration] = []
    /// When false, sleeping records the wait without moving the clock (callers acting at once).
    var advancesOnSleep = true

    init(_ start: Date = Date(timeIntervalSince1970: 0)) { current = start }

    var now: Date { lock.withLock { current } }
    var recorded: [Duration] { lock.withLock { waits } }
    var elapsed: TimeInterval { now.timeIntervalSince1970 }

    func advance(by seconds: TimeInterval) {
        lock.withLock { current += seconds }
    }

    func sleep(_ duration: Duration) async throws {
        lock.withLock {
            waits.append(duration)
            if advancesOnSleep { current += duration.seconds }
        }
    }

    func limiter(_ table: QuotaTable = .testTable, adaptive: Bool = false) -> RateLimiter {
        RateLimiter(table: table, adaptive: adaptive, now: { self.now }, sleep: { try await self.sleep($0) })
    }
}

extension Duration {
    var seconds: TimeInterval {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}

extension QuotaTable {
    /// Two categories of a made-up service: `Fast` (10/s, bursts of 2) and `Slow` (2/s, bursts of 1).
    static let testTable = QuotaTable([
        .init(name: "Fast", requestsPerSecond: 10, operations: ["svc": ["GetThing", "ListThings"]]),
        .init(name: "Slow", requestsPerSecond: 2, operations: ["svc": ["DeleteThing"]]),
    ])
}

@Suite("Rate limiter: token buckets per quota category", .timeLimit(.minutes(5)))
struct RateLimiterTests {
    @Test("N acquisitions in one category take (N - burst) / rate of virtual time")
    func sequentialAcquisitionsTakeTheRate() async throws {
        let time = VirtualTime()
        let limiter = time.limiter()
        for _ in 0..<12 { try await limiter.acquire(operation: "GetThing", service: "svc") }
        // A burst of 2 goes at once, then one every 0.1 s: 10 more take 1 s.
        #expect(abs(time.elapsed - 1.0) < 1e-6)
        #expect(time.recorded.count == 10)
    }

    @Test("the Cognito table holds ListUsers to the UserList quota of 30 a second")
    func cognitoUserListRate() async throws {
        let time = VirtualTime()
        let limiter = time.limiter(.cognito)
        for _ in 0..<36 { try await limiter.acquire(operation: "ListUsers", service: "cognito-idp") }
        // Bursts of 30 × 0.2 = 6, then 30 more at 30 a second.
        #expect(abs(time.elapsed - 1.0) < 1e-6)
        #expect(limiter.configuredRate(category: "UserList") == 30)
        #expect(QuotaTable.cognito.category(service: "cognito-identity", operation: "ListIdentities") == "ListIdentities")
        #expect(QuotaTable.cognito.rates["ListIdentities"] == 5)
    }

    @Test("an operation the table does not list is not limited")
    func unlistedOperationsPass() async throws {
        let time = VirtualTime()
        let limiter = time.limiter()
        for _ in 0..<100 { try await limiter.acquire(operation: "AssumeRole", service: "sts") }
        #expect(time.elapsed == 0)
        #expect(time.recorded.isEmpty)
    }

    @Test("operations of one category share its bucket")
    func operationsShareTheirCategory() async throws {
        let time = VirtualTime()
        let limiter = time.limiter()
        for i in 0..<12 { try await limiter.acquire(operation: i.isMultiple(of: 2) ? "GetThing" : "ListThings", service: "svc") }
        #expect(abs(time.elapsed - 1.0) < 1e-6)
    }

    @Test("a busy category does not hold up another one")
    func categoriesDoNotInterfere() async throws {
        let time = VirtualTime()
        time.advancesOnSleep = false
        let limiter = time.limiter()
        for _ in 0..<30 { try await limiter.acquire(operation: "GetThing", service: "svc") }
        let waitsBefore = time.recorded.count
        try await limiter.acquire(operation: "DeleteThing", service: "svc")
        #expect(time.recorded.count == waitsBefore, "the first DeleteThing had to wait")
    }

    @Test("an override changes a category's rate")
    func overrideChangesTheRate() async throws {
        let time = VirtualTime()
        let limiter = time.limiter()
        try limiter.setRates(["Fast": 20])
        for _ in 0..<24 { try await limiter.acquire(operation: "GetThing", service: "svc") }
        // Bursts of 4, then 20 at 20 a second.
        #expect(abs(time.elapsed - 1.0) < 1e-6)
        #expect(limiter.configuredRate(category: "Fast") == 20)
        #expect(limiter.configuredRate(category: "Slow") == 2)
    }

    @Test("an override of a bucket already in use takes effect for the next caller")
    func overrideOfABucketInUse() async throws {
        let time = VirtualTime()
        let limiter = time.limiter()
        try await limiter.acquire(operation: "DeleteThing", service: "svc")
        try limiter.setRates(["Slow": 0.5])
        try await limiter.acquire(operation: "DeleteThing", service: "svc")
        #expect(abs(time.elapsed - 2.0) < 1e-6)
    }

    @Test("an unknown category is refused in one sentence naming the known ones, and nothing changes")
    func unknownCategoryIsRefused() throws {
        let limiter = VirtualTime().limiter()
        do {
            try limiter.setRates(["Fast": 50, "Medium": 3])
            Issue.record("an unknown category was accepted")
        } catch let AWSClientError.configuration(message) {
            #expect(message == "`Medium` is not a rate-limit category; the categories are Fast, Slow.")
            #expect(message.filter { $0 == "." }.count == 1 && message.hasSuffix("."))
        }
        #expect(limiter.configuredRate(category: "Fast") == 10)
    }

    @Test("the Cognito categories are named when an unknown one is given", arguments: ["UserLists", "userlist"])
    func unknownCognitoCategory(name: String) throws {
        let limiter = VirtualTime().limiter(.cognito)
        #expect(throws: AWSClientError.self) { try limiter.setRates([name: 1]) }
        do { try limiter.setRates([name: 1]) } catch {
            let text = "\(error)"
            for known in ["UserAuthentication", "UserList", "UserPoolRead", "ListIdentities", "GetCredentialsForIdentity"] {
                #expect(text.contains(known))
            }
        }
    }

    @Test("a rate that is not a positive number is refused", arguments: [0.0, -3.0, Double.nan, Double.infinity])
    func nonPositiveRateIsRefused(rate: Double) {
        let limiter = VirtualTime().limiter()
        #expect(throws: AWSClientError.self) { try limiter.setRates(["Fast": rate]) }
        #expect(limiter.configuredRate(category: "Fast") == 10)
    }

    @Test("many concurrent callers never exceed rate × window + burst in any window")
    func concurrentCallersStayUnderTheRate() async throws {
        let time = VirtualTime()
        time.advancesOnSleep = false
        let limiter = time.limiter()
        var sendTimes: [TimeInterval] = []
        for wave in 0..<2 {
            let start = time.elapsed
            let waitsBefore = time.recorded.count
            let callers = 60
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<callers {
                    group.addTask { try await limiter.acquire(operation: "GetThing", service: "svc") }
                }
                try await group.waitForAll()
            }
            // Every caller either went at once or slept until its turn.
            let waits = time.recorded.dropFirst(waitsBefore).map { start + $0.seconds }
            sendTimes += Array(repeating: start, count: callers - waits.count) + waits
            if wave == 0 { time.advance(by: 2.5) }
        }
        sendTimes.sort()
        #expect(sendTimes.count == 120)
        for window in [0.1, 0.5, 1.0, 3.0] {
            let allowed = Int((10 * window + 2 + 1e-9).rounded(.down))
            for (i, t) in sendTimes.enumerated() {
                let inWindow = sendTimes[i...].prefix { $0 < t + window - 1e-9 }.count
                #expect(inWindow <= allowed, "\(inWindow) calls in the \(window) s from \(t)")
            }
        }
        // And the limiter wastes nothing: 120 calls take (120 - 2 - 2.5 s of refill) / 10 s.
        #expect(abs(sendTimes.last! - 11.8) < 1e-6)
    }
}
