import Foundation
import Testing
@testable import AWSCore

@Suite("Rate limiter: adaptive mode and the throttle count", .timeLimit(.minutes(5)))
struct AdaptiveRateTests {
    /// A limiter whose `Fast` bucket exists (buckets are made on first use).
    func warmLimiter(_ time: VirtualTime, adaptive: Bool) async throws -> RateLimiter {
        let limiter = time.limiter(adaptive: adaptive)
        try await limiter.acquire(operation: "GetThing", service: "svc")
        return limiter
    }

    @Test("a throttling reply halves the category's rate")
    func throttleHalvesTheRate() async throws {
        let time = VirtualTime()
        let limiter = try await warmLimiter(time, adaptive: true)
        limiter.recordReply(operation: "GetThing", service: "svc", throttled: true)
        #expect(limiter.currentRate(category: "Fast") == 5)
        #expect(limiter.status().slowed == ["Fast": 5])
        // Only the throttled category slows down.
        #expect(limiter.currentRate(category: "Slow") == 2)
    }

    @Test("replies already in flight do not halve the rate again within a second")
    func oneDecreasePerInterval() async throws {
        let time = VirtualTime()
        let limiter = try await warmLimiter(time, adaptive: true)
        for _ in 0..<5 { limiter.recordReply(operation: "GetThing", service: "svc", throttled: true) }
        #expect(limiter.currentRate(category: "Fast") == 5)
        #expect(limiter.status().throttles == 5)
        time.advance(by: 1)
        limiter.recordReply(operation: "GetThing", service: "svc", throttled: true)
        #expect(limiter.currentRate(category: "Fast") == 2.5)
    }

    @Test("repeated throttling stops at one request a second")
    func rateHasAFloor() async throws {
        let time = VirtualTime()
        let limiter = try await warmLimiter(time, adaptive: true)
        for _ in 0..<10 {
            limiter.recordReply(operation: "GetThing", service: "svc", throttled: true)
            time.advance(by: 1)
        }
        #expect(limiter.currentRate(category: "Fast") == 1)
    }

    @Test("a run of successes raises the rate back to the configured rate and never above it")
    func successesRecover() async throws {
        let time = VirtualTime()
        let limiter = try await warmLimiter(time, adaptive: true)
        for _ in 0..<3 {
            limiter.recordReply(operation: "GetThing", service: "svc", throttled: true)
            time.advance(by: 1)
        }
        #expect(limiter.currentRate(category: "Fast") == 1.25)
        var seen: [Double] = []
        for _ in 0..<15 {
            time.advance(by: 1)
            limiter.recordReply(operation: "GetThing", service: "svc", throttled: false)
            seen.append(limiter.currentRate(category: "Fast") ?? 0)
        }
        #expect(seen == seen.sorted(), "the rate went down on a success: \(seen)")
        #expect(seen.allSatisfy { $0 <= 10 })
        #expect(seen.last == 10)
        #expect(seen.first! < 10, "the rate came back in one step")
        #expect(limiter.status().slowed.isEmpty)
    }

    @Test("successes within a second of the last change do not raise the rate")
    func recoveryIsGradual() async throws {
        let time = VirtualTime()
        let limiter = try await warmLimiter(time, adaptive: true)
        limiter.recordReply(operation: "GetThing", service: "svc", throttled: true)
        for _ in 0..<50 { limiter.recordReply(operation: "GetThing", service: "svc", throttled: false) }
        #expect(limiter.currentRate(category: "Fast") == 5)
    }

    @Test("a slowed category makes callers wait longer")
    func slowedCategoryWaitsLonger() async throws {
        let time = VirtualTime()
        let limiter = try await warmLimiter(time, adaptive: true)
        limiter.recordReply(operation: "GetThing", service: "svc", throttled: true)
        let start = time.elapsed
        // At 5 a second with a burst of 1 (the bucket holds one token after the first call).
        for _ in 0..<11 { try await limiter.acquire(operation: "GetThing", service: "svc") }
        #expect(abs(time.elapsed - start - 2.0) < 1e-6)
    }

    @Test("standard mode keeps the configured rates when throttled")
    func standardModeDoesNotAdapt() async throws {
        let time = VirtualTime()
        let limiter = try await warmLimiter(time, adaptive: false)
        for _ in 0..<3 {
            limiter.recordReply(operation: "GetThing", service: "svc", throttled: true)
            time.advance(by: 1)
        }
        #expect(limiter.currentRate(category: "Fast") == 10)
        #expect(limiter.status() == RateLimitStatus(adaptive: false, throttles: 3,
                                                     throttlesByCategory: ["Fast": 3], slowed: [:]))
    }

    @Test("the throttle count counts every throttling reply, in every category and outside the table")
    func throttleCounter() async throws {
        let time = VirtualTime()
        let limiter = try await warmLimiter(time, adaptive: true)
        limiter.recordReply(operation: "GetThing", service: "svc", throttled: true)
        limiter.recordReply(operation: "ListThings", service: "svc", throttled: true)
        limiter.recordReply(operation: "DeleteThing", service: "svc", throttled: true)
        limiter.recordReply(operation: "AssumeRole", service: "sts", throttled: true)
        limiter.recordReply(operation: "GetThing", service: "svc", throttled: false)
        let status = limiter.status()
        #expect(status.throttles == 4)
        #expect(status.throttlesByCategory == ["Fast": 2, "Slow": 1])
        #expect(status.adaptive)
    }

    @Test("an override forgets any slowing down")
    func overrideResetsAdaptation() async throws {
        let time = VirtualTime()
        let limiter = try await warmLimiter(time, adaptive: true)
        limiter.recordReply(operation: "GetThing", service: "svc", throttled: true)
        try limiter.setRates(["Fast": 40])
        #expect(limiter.currentRate(category: "Fast") == 40)
        #expect(limiter.status().slowed.isEmpty)
    }
}
