/// How far a job has got; sent after every change, in order.
public struct JobProgress: Sendable, Equatable {
    /// Counts by outcome so far; when `finished`, equal to the report's totals.
    public var totals: JobTotals
    /// Items taken up and not yet ended (possibly still waiting for the limiter).
    public var inFlight: Int
    /// Items not taken up yet.
    public var remaining: Int
    /// Items ended per second over the recent window; nil until one has ended.
    public var ratePerSecond: Double?
    /// The remaining and in-flight items at that rate; nil without a rate, zero when finished.
    public var timeLeft: Duration?
    /// Since the run started.
    public var elapsed: Duration
    /// True on the last snapshot of a run.
    public var finished: Bool

    public init(totals: JobTotals, inFlight: Int, remaining: Int, ratePerSecond: Double?, timeLeft: Duration?,
                elapsed: Duration, finished: Bool) {
        self.totals = totals
        self.inFlight = inFlight
        self.remaining = remaining
        self.ratePerSecond = ratePerSecond
        self.timeLeft = timeLeft
        self.elapsed = elapsed
        self.finished = finished
    }

    /// A stream of snapshots and the callback that feeds it, for `JobRunner.run(_:progress:)`.
    /// When the reader falls behind, older snapshots are dropped, never the newest; the stream
    /// ends after the `finished` snapshot.
    public static func stream(keepingNewest limit: Int = 16) -> (AsyncStream<JobProgress>, @Sendable (JobProgress) -> Void) {
        let (stream, continuation) = AsyncStream.makeStream(of: JobProgress.self,
                                                            bufferingPolicy: .bufferingNewest(max(1, limit)))
        return (stream, { snapshot in
            continuation.yield(snapshot)
            if snapshot.finished { continuation.finish() }
        })
    }

    /// Items that ended after being sent.
    public var done: Int { totals.done }
    public var succeeded: Int { totals.succeeded }
    public var failed: Int { totals.failed }
    public var skipped: Int { totals.skipped }
}

/// The rate of endings over a sliding window of the clock.
struct JobRateWindow: Sendable {
    let window: Duration
    let start: Duration
    private var endings: [Duration] = []

    init(window: Duration, start: Duration) {
        self.window = window
        self.start = start
    }

    mutating func record(at time: Duration) {
        endings.append(time)
    }

    /// Endings in `(now - window, now]` divided by the window, or by the time since the start
    /// while the run is younger than the window.
    mutating func rate(at now: Duration) -> Double? {
        let cutoff = now - window
        endings.removeAll { $0 <= cutoff }
        let span = min(window, now - start)
        guard !endings.isEmpty, span > .zero else { return nil }
        return Double(endings.count) / span.inSeconds
    }
}

private extension Duration {
    /// The duration in seconds, as a floating-point number.
    var inSeconds: Double {
        let (whole, atto) = components
        return Double(whole) + Double(atto) / 1e18
    }
}
