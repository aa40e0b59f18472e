import Foundation

/// Holds calls to the request rates of their quota categories: one token bucket per category,
/// shared by every client of a session, so that a scan, a job and the screen's own calls together
/// stay under the account's quota instead of each learning about it from throttling errors.
///
/// In adaptive mode (`retry_mode = adaptive`) a throttling reply also slows its category down,
/// and successes bring it back up to the configured rate (see `TokenBucket`). In standard mode
/// the rates hold as configured. Either way, throttling replies are counted for the status bar.
public final class RateLimiter: @unchecked Sendable {
    public let table: QuotaTable
    /// Whether throttling replies slow their category down.
    public let adaptive: Bool
    private let now: @Sendable () -> Date
    private let sleep: @Sendable (Duration) async throws -> Void

    private let lock = NSLock()
    private var rates: [String: Double]
    private var buckets: [String: TokenBucket] = [:]
    private var throttles = 0
    private var throttlesByCategory: [String: Int] = [:]

    /// - Parameters:
    ///   - table: the operations' categories and their default rates.
    ///   - adaptive: slow a category down when it is throttled.
    ///   - now: the clock; `sleep` waits. Both are injected so that tests run in virtual time.
    public init(table: QuotaTable = .cognito, adaptive: Bool = false,
                now: @escaping @Sendable () -> Date,
                sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.table = table
        self.adaptive = adaptive
        self.now = now
        self.sleep = sleep
        self.rates = table.rates
    }

    /// A limiter on the context's clock and sleep.
    public convenience init(table: QuotaTable = .cognito, adaptive: Bool = false, context: RuntimeContext) {
        self.init(table: table, adaptive: adaptive, now: context.now, sleep: context.sleep)
    }

    /// Sets the rates of some categories (a profile's settings), in requests per second.
    ///
    /// - Throws: `AWSClientError.configuration` naming the known categories when a name is not
    ///   one, or when a rate is not a positive number; then no rate is changed.
    public func setRates(_ overrides: [String: Double]) throws {
        for (name, rate) in overrides.sorted(by: { $0.key < $1.key }) {
            guard table.rates[name] != nil else {
                throw AWSClientError.configuration(
                    "`\(name)` is not a rate-limit category; the categories are \(table.categoryNames.joined(separator: ", ")).")
            }
            guard rate.isFinite, rate > 0 else {
                throw AWSClientError.configuration(
                    "The rate of `\(name)` must be a number of requests per second above zero, not \(rate).")
            }
        }
        let time = now()
        lock.withLock {
            for (name, rate) in overrides {
                rates[name] = rate
                buckets[name]?.configure(rate: rate, now: time)
            }
        }
    }

    /// Waits until the operation's category has a token; returns at once for an operation the
    /// table does not list.
    ///
    /// A caller cancelled while waiting has still used its token: the time it was given is not
    /// handed to the next caller, which keeps the bucket simple and errs on the slow side.
    /// - Throws: `CancellationError` when the task is cancelled while it waits.
    public func acquire(operation: String, service: String) async throws {
        guard let category = table.category(service: service, operation: operation) else { return }
        let time = now()
        let wait: TimeInterval = lock.withLock {
            var bucket = buckets[category] ?? TokenBucket(rate: rates[category] ?? 1, now: time)
            let wait = bucket.take(now: time)
            buckets[category] = bucket
            return wait
        }
        if wait > 0 {
            try await sleep(.nanoseconds(Int64((wait * 1e9).rounded(.up))))
        }
    }

    /// Tells the limiter how the service answered: a throttling reply is counted and, in
    /// adaptive mode, slows the category; any other reply lets a slowed category recover.
    public func recordReply(operation: String, service: String, throttled: Bool) {
        let category = table.category(service: service, operation: operation)
        let time = now()
        lock.withLock {
            if throttled {
                throttles += 1
                if let category { throttlesByCategory[category, default: 0] += 1 }
            }
            guard adaptive, let category, var bucket = buckets[category] else { return }
            if throttled { bucket.throttled(now: time) } else { bucket.succeeded(now: time) }
            buckets[category] = bucket
        }
    }

    /// What the status bar shows: throttles so far and the categories running below their rate.
    public func status() -> RateLimitStatus {
        lock.withLock {
            var slowed: [String: Double] = [:]
            for (name, bucket) in buckets where bucket.rate < bucket.configuredRate {
                slowed[name] = bucket.rate
            }
            return RateLimitStatus(adaptive: adaptive, throttles: throttles,
                                   throttlesByCategory: throttlesByCategory, slowed: slowed)
        }
    }

    /// The rate a category runs at now, in requests per second; nil for an unknown category.
    public func currentRate(category: String) -> Double? {
        lock.withLock { buckets[category]?.rate ?? rates[category] }
    }

    /// Every category's configured rate (the table's, or the profile's override).
    public var configuredRates: [String: Double] { lock.withLock { rates } }

    /// A limiter for another region: the same categories, rates, mode and clock, with buckets
    /// of its own, since Cognito's quotas are per account and region ("Quotas in Amazon Cognito").
    public func forAnotherRegion() -> RateLimiter {
        let other = RateLimiter(table: table, adaptive: adaptive, now: now, sleep: sleep)
        other.lock.withLock { other.rates = configuredRates }
        return other
    }

    /// The rate a category is configured with (the table's, or the profile's override).
    public func configuredRate(category: String) -> Double? {
        lock.withLock { rates[category] }
    }
}

/// A snapshot of a session's rate limiting, for the status bar.
public struct RateLimitStatus: Sendable, Equatable {
    /// Whether categories slow down when throttled (`retry_mode = adaptive`).
    public var adaptive: Bool
    /// Throttling replies this session has received, retried ones included.
    public var throttles: Int
    /// The same, by category, for the operations the quota table lists.
    public var throttlesByCategory: [String: Int]
    /// Categories running below their configured rate, with the rate they run at now.
    public var slowed: [String: Double]
}
