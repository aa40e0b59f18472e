import Foundation
import Testing
@testable import AWSCore

@Suite("Caching and refreshing credentials before they expire", .timeLimit(.minutes(5)))
struct CredentialCachingTests {
    /// A provider whose credentials expire an hour after each fetch, numbered by fetch.
    func hourly(_ clock: TestClock, failFrom: Int = .max) -> CountingProvider {
        CountingProvider { call in
            if call >= failFrom { throw AWSClientError.credentials("refresh failed") }
            return Credentials(accessKeyId: "KEY-\(call)", secretAccessKey: "s", expiration: clock.now + 3600)
        }
    }

    @Test func credentialsWithoutExpirationAreFetchedOnce() async throws {
        let base = CountingProvider(key: "STATIC")
        let cache = CachingCredentialProvider(base, now: { testNow })
        _ = try await cache.credentials()
        _ = try await cache.credentials()
        #expect(base.calls == 1)
    }

    @Test func freshCredentialsAreReused() async throws {
        let clock = TestClock()
        let base = hourly(clock)
        let cache = CachingCredentialProvider(base, now: { clock.now })
        _ = try await cache.credentials()
        clock.advance(by: 44 * 60)  // 16 minutes left
        #expect(try await cache.credentials().accessKeyId == "KEY-1")
        #expect(base.calls == 1)
    }

    @Test func credentialsAreRefreshedFifteenMinutesBeforeExpiry() async throws {
        let clock = TestClock()
        let cache = CachingCredentialProvider(hourly(clock), now: { clock.now })
        _ = try await cache.credentials()
        clock.advance(by: 46 * 60)  // 14 minutes left
        #expect(try await cache.credentials().accessKeyId == "KEY-2")
    }

    @Test func shortLivedCredentialsAreNotRefreshedOnEveryCall() async throws {
        // A 15-minute role session lies inside the 15-minute window from the start; the windows
        // shrink to half its lifetime instead of refreshing it on every call.
        let clock = TestClock()
        let base = CountingProvider { call in
            Credentials(accessKeyId: "KEY-\(call)", secretAccessKey: "s", expiration: clock.now + 900)
        }
        let cache = CachingCredentialProvider(base, now: { clock.now })
        _ = try await cache.credentials()
        clock.advance(by: 60)
        _ = try await cache.credentials()
        clock.advance(by: 300)
        #expect(try await cache.credentials().accessKeyId == "KEY-1")
        #expect(base.calls == 1)
        clock.advance(by: 150)  // 6.5 minutes left, under half the lifetime
        #expect(try await cache.credentials().accessKeyId == "KEY-2")
    }

    @Test func failedRefreshInTheAdvisoryWindowKeepsTheOldCredentials() async throws {
        let clock = TestClock()
        let cache = CachingCredentialProvider(hourly(clock, failFrom: 2), now: { clock.now })
        _ = try await cache.credentials()
        clock.advance(by: 48 * 60)  // 12 minutes left
        #expect(try await cache.credentials().accessKeyId == "KEY-1")
    }

    @Test func failedRefreshInTheMandatoryWindowIsAnError() async throws {
        let clock = TestClock()
        let cache = CachingCredentialProvider(hourly(clock, failFrom: 2), now: { clock.now })
        _ = try await cache.credentials()
        clock.advance(by: 51 * 60)  // 9 minutes left
        await #expect(throws: AWSClientError.credentials("refresh failed")) { try await cache.credentials() }
    }

    @Test func windowsCanBeChosen() async throws {
        let clock = TestClock()
        let cache = CachingCredentialProvider(hourly(clock), now: { clock.now },
                                              advisoryWindow: .seconds(300), mandatoryWindow: .seconds(60))
        _ = try await cache.credentials()
        clock.advance(by: 54 * 60)  // 6 minutes left
        #expect(try await cache.credentials().accessKeyId == "KEY-1")
        clock.advance(by: 2 * 60)
        #expect(try await cache.credentials().accessKeyId == "KEY-2")
    }

    @Test func invalidateForcesAFetch() async throws {
        let base = CountingProvider(key: "STATIC")
        let cache = CachingCredentialProvider(base, now: { testNow })
        _ = try await cache.credentials()
        await cache.invalidate()
        _ = try await cache.credentials()
        #expect(base.calls == 2)
    }

    @Test func concurrentCallersShareOneRefresh() async throws {
        let gate = Gate()
        let base = CountingProvider { call in
            await gate.wait()
            return Credentials(accessKeyId: "KEY-\(call)", secretAccessKey: "s")
        }
        let cache = CachingCredentialProvider(base, now: { testNow })
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await cache.credentials().accessKeyId } }
            // Give every caller time to arrive while the first fetch is held at the gate.
            try await Task.sleep(for: .milliseconds(100))
            await gate.open()
            for try await key in group { #expect(key == "KEY-1") }
        }
        #expect(base.calls == 1)
    }
}

/// Holds callers until opened.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        waiters.forEach { $0.resume() }
        waiters = []
    }
}
