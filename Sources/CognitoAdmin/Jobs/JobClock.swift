/// A monotonic clock for jobs: the time since a fixed origin. Injected so that tests control rate
/// and time-left figures exactly.
public struct JobClock: Sendable {
    public var now: @Sendable () -> Duration

    public init(now: @escaping @Sendable () -> Duration) {
        self.now = now
    }

    /// The process's continuous clock, measured from the moment this value is made.
    public static func continuous() -> JobClock {
        let clock = ContinuousClock()
        let origin = clock.now
        return JobClock { origin.duration(to: clock.now) }
    }
}
