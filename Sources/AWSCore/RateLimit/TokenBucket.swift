import Foundation

/// One category's token bucket, as a value: the limiter keeps one per category behind its lock.
///
/// Tokens refill at `rate` per second up to `capacity`. Taking a token never fails: when the
/// bucket is empty the taker is told how long to wait and the bucket goes into debt, so that
/// callers arriving together are spaced out in the order they came instead of all waking at once.
///
/// Adaptive mode (the AWS SDKs' "adaptive" retry mode, made simple: additive increase,
/// multiplicative decrease, as TCP does) moves `rate` between a floor and the configured rate:
/// - a throttling reply halves the rate, at most once per `adjustmentInterval`, since the
///   replies to requests already in flight say nothing new about the rate just chosen;
/// - a successful reply, once `adjustmentInterval` has passed since the last change, raises the
///   rate by a tenth of the configured rate, never above it.
struct TokenBucket: Sendable, Equatable {
    /// The rate the quota table or the profile gives.
    private(set) var configuredRate: Double
    /// The rate in force now: the configured rate, or less after throttling in adaptive mode.
    private(set) var rate: Double
    private var tokens: Double
    private var refilled: Date
    private var lastAdjustment: Date?

    /// How many seconds' worth of requests may go at once: a fifth of a second (at least one
    /// request), so that a screen's few calls are not spaced out while a long run is held to
    /// the rate.
    static let burstSeconds = 0.2
    /// The shortest time between two changes of the rate in adaptive mode.
    static let adjustmentInterval: TimeInterval = 1
    /// What a throttling reply multiplies the rate by.
    static let decreaseFactor = 0.5
    /// What a success adds, as a share of the configured rate.
    static let increaseShare = 0.1
    /// The slowest rate adaptive mode goes down to: one request a second, or the configured
    /// rate when that is lower.
    static let floorRate = 1.0

    init(rate: Double, now: Date) {
        configuredRate = rate
        self.rate = rate
        tokens = Self.capacity(for: rate)
        refilled = now
    }

    static func capacity(for rate: Double) -> Double {
        max(1, (rate * burstSeconds).rounded(.down))
    }

    var capacity: Double { Self.capacity(for: rate) }
    var floor: Double { min(configuredRate, Self.floorRate) }

    /// Takes one token; returns how many seconds the caller must wait before sending.
    mutating func take(now: Date) -> TimeInterval {
        refill(now: now)
        tokens -= 1
        return tokens >= 0 ? 0 : -tokens / rate
    }

    /// A new configured rate (a profile's override); any slowing down is forgotten.
    mutating func configure(rate newRate: Double, now: Date) {
        refill(now: now)
        configuredRate = newRate
        rate = newRate
        tokens = min(tokens, capacity)
        lastAdjustment = nil
    }

    /// A throttling reply, in adaptive mode. Returns whether the rate went down.
    @discardableResult
    mutating func throttled(now: Date) -> Bool {
        if let last = lastAdjustment, now.timeIntervalSince(last) < Self.adjustmentInterval { return false }
        refill(now: now)
        let lowered = max(floor, rate * Self.decreaseFactor)
        guard lowered < rate else { return false }
        rate = lowered
        tokens = min(tokens, capacity)
        lastAdjustment = now
        return true
    }

    /// A reply that was not throttled, in adaptive mode. Returns whether the rate went up.
    @discardableResult
    mutating func succeeded(now: Date) -> Bool {
        guard rate < configuredRate else { return false }
        if let last = lastAdjustment, now.timeIntervalSince(last) < Self.adjustmentInterval { return false }
        refill(now: now)
        rate = min(configuredRate, rate + configuredRate * Self.increaseShare)
        lastAdjustment = now
        return true
    }

    private mutating func refill(now: Date) {
        let elapsed = now.timeIntervalSince(refilled)
        if elapsed > 0 {
            tokens = min(capacity, tokens + elapsed * rate)
            refilled = now
        }
    }
}
