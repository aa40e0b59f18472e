import AWSCore
import CognitoAdmin
import CognitoAPI
import ConsoleTestSupport
import Foundation
import Testing
import TestSupport

/// Scanning a pool of two thousand users against the emulator: the sixteen chains over `sub`
/// prefixes return every user exactly once, stay within the rate limiter's pace, and stop when
/// the task is cancelled.
@Suite("User scans against the emulator", .timeLimit(.minutes(5)))
struct UserScanEmulatorTests {
    static let userCount = 2_000

    /// One pool of `userCount` users for the whole suite, made on first use (users `u0000`…).
    static let seeded = Task<String, Error> {
        let backend = try EmulatorBackend.make()
        let pool = try #require(try await backend.createUserPool(.init(poolName: EmulatorBackend.unique("scan"))).userPool?.id)
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Eight requests in flight keep the emulator busy without queueing at its door.
            for worker in 0..<8 {
                group.addTask {
                    for n in stride(from: worker, to: userCount, by: 8) {
                        _ = try await backend.adminCreateUser(.init(
                            userPoolId: pool, username: String(format: "u%04d", n),
                            userAttributes: [.init(name: "email", value: "u\(n)@example.com")], messageAction: .suppress))
                    }
                }
            }
            try await group.waitForAll()
        }
        return pool
    }

    static var usernames: Set<String> { Set((0..<userCount).map { String(format: "u%04d", $0) }) }

    /// A backend whose calls wait for `limiter` and are seen by `observer`.
    static func limitedBackend(_ limiter: RateLimiter, observer: any CallObserver) throws -> ClientBackend {
        let keys = TestEmulator.keys
        func client(_ service: ServiceDescriptor) throws -> AWSClient {
            AWSClient(service: service, region: "us-east-1", endpoint: Endpoint(url: try TestEmulator.url())!,
                      credentials: FixedCredentials(keys), transport: CurlTransport(), context: RuntimeContext(environment: [:]),
                      observer: observer, limiter: limiter)
        }
        return ClientBackend(identityProvider: CognitoIdentityProviderClient(try client(.cognitoIdentityProvider)),
                             identity: CognitoIdentityClient(try client(.cognitoIdentity)), profile: "emulator")
    }

    /// Collects what a scan hands on.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [String] = []
        private var progress: [ScanProgress] = []
        func add(_ users: [UserRecord], _ step: ScanProgress) {
            lock.withLock {
                names += users.map(\.username)
                progress.append(step)
            }
        }
        var all: [String] { lock.withLock { names } }
        var steps: [ScanProgress] { lock.withLock { progress } }
    }

    /// How many ListUsers calls were out at once, at most.
    final class InFlight: CallObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var now = 0, most = 0
        func willSend(operation: String, attempt: Int, request: HTTPRequest) {
            guard operation == "ListUsers" else { return }
            lock.withLock { now += 1; most = max(most, now) }
        }
        func didReceive(operation: String, attempt: Int, response: HTTPResponse) {
            guard operation == "ListUsers" else { return }
            lock.withLock { now -= 1 }
        }
        func didFinish(_ record: CallRecord) {}
        var highest: Int { lock.withLock { most } }
    }

    @Test("sixteen chains over sub prefixes run together and return every user exactly once, with progress")
    func everyUserOnce() async throws {
        let pool = try await Self.seeded.value
        let limiter = RateLimiter(context: RuntimeContext(environment: [:]))
        try limiter.setRates(["UserList": 1_000])
        let inFlight = InFlight()
        let scan = UserScan(backend: try Self.limitedBackend(limiter, observer: inFlight), pool: pool)
        #expect(scan.chainFilters.count == 16)
        let collected = Collected()
        let final = try await scan.run { users, progress in collected.add(users, progress) }
        #expect(inFlight.highest > 1, "the chains ran one after another")
        let names = collected.all
        #expect(names.count == Self.userCount, "\(names.count - Set(names).count) returned twice")
        let missing = Self.usernames.subtracting(names)
        #expect(missing.isEmpty, "\(missing.count) never returned, e.g. \(missing.sorted().prefix(3))")
        #expect(final.scanned == Self.userCount && final.matches == Self.userCount)
        #expect(final.estimated == Self.userCount)
        #expect(final.pages == collected.steps.count)
        #expect(collected.steps.map(\.scanned) == collected.steps.map(\.scanned).sorted(), "progress only grows")
    }

    /// The send time of every ListUsers call.
    final class SendTimes: CallObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var times: [Date] = []
        func willSend(operation: String, attempt: Int, request: HTTPRequest) {
            guard operation == "ListUsers" else { return }
            lock.withLock { times.append(Date()) }
        }
        func didReceive(operation: String, attempt: Int, response: HTTPResponse) {}
        func didFinish(_ record: CallRecord) {}
        var sent: [Date] { lock.withLock { times.sorted() } }
    }

    @Test("the chains together stay within the UserList rate: no second holds more than the rate and the bucket's burst")
    func paced() async throws {
        let pool = try await Self.seeded.value
        let limiter = RateLimiter(context: RuntimeContext(environment: [:]))
        try limiter.setRates(["UserList": 10])
        let times = SendTimes()
        let scan = UserScan(backend: try Self.limitedBackend(limiter, observer: times), pool: pool)
        let final = try await scan.run { _, _ in }
        #expect(final.scanned == Self.userCount)
        let sent = times.sent
        #expect(sent.count == final.pages)
        // The bucket holds a fifth of a second's calls (two at 10/s) beyond the steady rate.
        let allowed = 10 + 2
        let busiest = sent.indices.map { start in sent[start...].prefix { $0.timeIntervalSince(sent[start]) < 1 }.count }.max() ?? 0
        #expect(busiest <= allowed, "\(busiest) ListUsers calls within one second")
    }

    @Test("a pool of two pages or fewer is listed through one chain")
    func smallPoolOneChain() async throws {
        let backend = try EmulatorBackend.make()
        let pool = try #require(try await backend.createUserPool(.init(poolName: EmulatorBackend.unique("small"))).userPool?.id)
        for name in ["ann", "bob", "carol"] {
            _ = try await backend.adminCreateUser(.init(userPoolId: pool, username: name, messageAction: .suppress))
        }
        let limiter = RateLimiter(context: RuntimeContext(environment: [:]))
        try limiter.setRates(["UserList": 1_000])
        let times = SendTimes()
        let collected = Collected()
        let final = try await UserScan(backend: try Self.limitedBackend(limiter, observer: times), pool: pool)
            .run { users, progress in collected.add(users, progress) }
        #expect(Set(collected.all) == ["ann", "bob", "carol"])
        #expect(times.sent.count == 1)
        #expect(final.pages == 1)
    }

    @Test("cancelling the task ends the scan with CancellationError before the pool is done")
    func cancels() async throws {
        let pool = try await Self.seeded.value
        let scan = UserScan(backend: try EmulatorBackend.make(), pool: pool)
        let collected = Collected()
        let task = Task {
            try await scan.run { users, progress in
                collected.add(users, progress)
                if progress.pages == 3 { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(collected.steps.count == 3)
        #expect(collected.all.count < Self.userCount)
    }
}
