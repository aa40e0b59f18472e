import AWSCore
import CognitoAdmin
import Foundation

/// A clock the test moves by hand.
final class ManualJobClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time: Duration = .zero

    var now: Duration {
        lock.lock(); defer { lock.unlock() }
        return time
    }

    func advance(by step: Duration) {
        lock.lock(); defer { lock.unlock() }
        time += step
    }

    var jobClock: JobClock { JobClock { [self] in now } }
}

/// Holds tasks until it is opened; later waiters pass straight through.
actor JobGate {
    private var open = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if open { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func openGate() {
        open = true
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }
}

/// Counts the work under way at once and remembers the most seen.
actor JobConcurrencyGauge {
    private(set) var current = 0
    private(set) var highest = 0
    private let release: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var released = false

    /// - Parameter release: entering waits until this many are under way at once (then never again).
    init(releaseAt release: Int) {
        self.release = release
    }

    func enter() async {
        current += 1
        highest = max(highest, current)
        if current >= release { released = true }
        if released {
            for waiter in waiters { waiter.resume() }
            waiters.removeAll()
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func leave() {
        current -= 1
    }
}

/// A thread-safe list of what happened, in order.
final class JobEventLog<Event: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Event] = []

    func append(_ event: Event) {
        lock.lock(); defer { lock.unlock() }
        stored.append(event)
    }

    var events: [Event] {
        lock.lock(); defer { lock.unlock() }
        return stored
    }
}

/// Lets one item's work wait until others have started.
actor JobStartTracker {
    private var started: Set<String> = []
    private var waiters: [(Set<String>, CheckedContinuation<Void, Never>)] = []

    func markStarted(_ id: String) {
        started.insert(id)
        let ready = waiters.filter { $0.0.isSubset(of: started) }
        waiters.removeAll { $0.0.isSubset(of: started) }
        for (_, waiter) in ready { waiter.resume() }
    }

    func waitUntilStarted(_ ids: Set<String>) async {
        if ids.isSubset(of: started) { return }
        await withCheckedContinuation { waiters.append((ids, $0)) }
    }
}

enum JobFixtures {
    /// A plan of `count` items `u0`, `u1`, … that disable users.
    static func plan(_ count: Int, title: String = "Disable users") -> JobPlan {
        let items = (0..<count).map {
            JobItem(id: "u\($0)", label: "user-\($0)", call: JobCall(operation: "AdminDisableUser", resource: "pool/user-\($0)"))
        }
        return try! JobPlan(title: title, items: items)
    }

    /// A runner with no backoff pause, a manual clock and the given hooks.
    static func runner(concurrency: Int = 4, maxResends: Int = 3, clock: ManualJobClock = ManualJobClock(),
                       acquire: @escaping JobAcquire = { _, _ in },
                       sleep: @escaping @Sendable (Duration) async throws -> Void = { _ in }) -> JobRunner {
        JobRunner(configuration: JobConfiguration(concurrency: concurrency, maxResends: maxResends),
                  acquire: acquire, clock: clock.jobClock, sleep: sleep)
    }
}

/// Scripted answers, taken one per call.
final class JobScript<Answer: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let answers: [Answer]
    private var taken = 0

    init(_ answers: [Answer]) {
        self.answers = answers
    }

    /// The next answer; the last one repeats.
    func next() -> Answer {
        lock.lock(); defer { lock.unlock() }
        taken += 1
        return answers[min(taken, answers.count) - 1]
    }

    var calls: Int {
        lock.lock(); defer { lock.unlock() }
        return taken
    }
}

enum JobErrors {
    static let ambiguous = AWSClientError.transport(TransportFailure(
        kind: .ambiguous, detail: "Connection reset by peer", url: "https://cognito-idp.us-east-1.amazonaws.com/"))
    static let couldNotConnect = AWSClientError.transport(TransportFailure(
        kind: .couldNotConnect, detail: "Connection refused", url: "https://cognito-idp.us-east-1.amazonaws.com/"))
    static let throttled = AWSServiceError(code: "TooManyRequestsException", message: "Rate exceeded", httpStatus: 400,
                                           requestId: "req-throttled", operation: "AdminDisableUser")
    static let internalError = AWSServiceError(code: "InternalErrorException", message: "Internal error", httpStatus: 500,
                                               requestId: "req-500", operation: "AdminDisableUser")
}

/// Either a result or an error to throw, for scripted work.
enum JobAnswer: Sendable {
    case result(JobWorkResult)
    case error(any Error & Sendable)

    func get() throws -> JobWorkResult {
        switch self {
        case .result(let result): return result
        case .error(let error): throw error
        }
    }
}
