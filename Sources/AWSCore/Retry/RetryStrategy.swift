import Foundation

/// How many attempts to make and how long to wait between them.
public struct RetryConfiguration: Sendable, Equatable {
    public enum Mode: String, Sendable { case standard, legacy, adaptive }

    public var mode: Mode
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The longest wait between attempts.
    public var maxBackoff: Duration = .seconds(20)

    public init(mode: Mode = .standard, maxAttempts: Int? = nil) {
        self.mode = mode
        self.maxAttempts = max(1, maxAttempts ?? (mode == .legacy ? 5 : 3))
    }
}

/// The shared budget of retries (the "retry quota" of the standard mode): each retry spends
/// tokens, each success earns some back, so a failing service is not hammered by every caller.
public final class RetryQuota: @unchecked Sendable {
    public static let initialTokens = 500
    public static let retryCost = 5
    public static let timeoutCost = 10
    public static let successReward = 1

    private let lock = NSLock()
    private var tokens: Int
    private let capacity: Int

    public init(tokens: Int = RetryQuota.initialTokens) {
        self.tokens = tokens
        self.capacity = tokens
    }

    public var available: Int {
        lock.lock(); defer { lock.unlock() }
        return tokens
    }

    /// Takes the cost of one retry; false when the quota cannot pay it.
    func acquire(_ cost: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard tokens >= cost else { return false }
        tokens -= cost
        return true
    }

    /// Gives back what a successful call's last retry took, or a small reward when it needed none.
    func release(spent: Int) {
        lock.lock(); defer { lock.unlock() }
        tokens = min(capacity, tokens + (spent > 0 ? spent : Self.successReward))
    }
}

/// Decides, after each failed attempt, whether to try again and after how long.
public struct RetryStrategy: Sendable {
    public var configuration: RetryConfiguration
    public var quota: RetryQuota
    /// A number in [0, 1) for full jitter; injected so tests are exact.
    public var random: @Sendable () -> Double

    public init(configuration: RetryConfiguration, quota: RetryQuota = RetryQuota(),
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.configuration = configuration
        self.quota = quota
        self.random = random
    }

    public enum Decision: Sendable, Equatable {
        case retry(after: Duration, cost: Int)
        case stop(reason: StopReason)
    }

    public enum StopReason: String, Sendable, Equatable {
        case notRetryable = "the error is not one that a retry can fix"
        case attemptsExhausted = "every attempt failed"
        case quotaExhausted = "the retry quota is spent"
        case mayHaveBeenApplied = "the request may already have been applied and the operation changes data"
    }

    /// - Parameters:
    ///   - attempt: the attempt that just failed, counting from 1.
    ///   - outcome: how it failed.
    ///   - mutates: whether the operation changes data.
    public func decide(attempt: Int, outcome: AttemptOutcome, mutates: Bool) -> Decision {
        let kind = RetryClassifier.kind(of: outcome)
        if kind == .notRetryable { return .stop(reason: .notRetryable) }
        if mutates && !RetryClassifier.provesNotApplied(outcome) { return .stop(reason: .mayHaveBeenApplied) }
        if attempt >= configuration.maxAttempts { return .stop(reason: .attemptsExhausted) }
        var cost = 0
        if configuration.mode != .legacy {
            cost = kind == .timeout ? RetryQuota.timeoutCost : RetryQuota.retryCost
            if !quota.acquire(cost) { return .stop(reason: .quotaExhausted) }
        }
        return .retry(after: backoff(attempt: attempt), cost: cost)
    }

    /// Full jitter: a random wait up to `min(maxBackoff, 2^(attempt-1))` seconds.
    public func backoff(attempt: Int) -> Duration {
        let ceiling = min(Double(1 << min(attempt - 1, 20)), durationSeconds(configuration.maxBackoff))
        return .milliseconds(Int((random() * ceiling * 1000).rounded(.down)))
    }

    /// Called when a call succeeds; `spent` is what its last retry took (0 when it needed none).
    public func recordSuccess(spent: Int) {
        if configuration.mode != .legacy { quota.release(spent: spent) }
    }

    private func durationSeconds(_ d: Duration) -> Double {
        let (s, atto) = d.components
        return Double(s) + Double(atto) / 1e18
    }
}
