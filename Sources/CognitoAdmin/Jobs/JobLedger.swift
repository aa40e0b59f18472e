/// The shared state of one run: which items have been handed out, their entries, the counts, and
/// the progress snapshots. Every item is handed out at most once and recorded exactly once.
actor JobLedger {
    private let plan: JobPlan
    private let clock: JobClock
    private let cancellation: JobCancellation
    private let progress: @Sendable (JobProgress) -> Void
    private let start: Duration
    private var rate: JobRateWindow
    private var entries: [JobReportEntry?]
    private var next = 0
    private var inFlight = 0
    private var totals: JobTotals

    init(plan: JobPlan, clock: JobClock, rateWindow: Duration, cancellation: JobCancellation,
         progress: @escaping @Sendable (JobProgress) -> Void) {
        self.plan = plan
        self.clock = clock
        self.cancellation = cancellation
        self.progress = progress
        let start = clock.now()
        self.start = start
        self.rate = JobRateWindow(window: rateWindow, start: start)
        self.entries = Array(repeating: nil, count: plan.count)
        self.totals = JobTotals(total: plan.count)
    }

    /// The indices of the next items to start, at most `limit`, or none when the plan is used up
    /// or the job cancelled.
    func take(upTo limit: Int = 1) -> [Int] {
        guard next < plan.count, !cancellation.isCancelled else { return [] }
        let taken = Array(next..<min(next + limit, plan.count))
        next += taken.count
        inFlight += taken.count
        publish(finished: false)
        return taken
    }

    /// Records how a handed-out item ended.
    func record(_ entry: JobReportEntry, at index: Int) {
        precondition(entries[index] == nil, "job item \(index) recorded twice")
        entries[index] = entry
        inFlight -= 1
        totals.count(entry.outcome)
        if entry.outcome != .notStarted { rate.record(at: clock.now()) }
        publish(finished: false)
    }

    /// Marks every item never handed out as not started, sends the last snapshot and returns the
    /// report.
    func finish() -> JobReport {
        precondition(inFlight == 0, "job finished with items in flight")
        let wasCancelled = next < plan.count || entries.contains { $0?.outcome == .notStarted }
        for index in next..<plan.count {
            entries[index] = .notStarted(plan.items[index])
            totals.count(.notStarted)
        }
        next = plan.count
        publish(finished: true)
        return JobReport(title: plan.title, entries: entries.map { $0! }, cancelled: wasCancelled,
                         elapsed: clock.now() - start)
    }

    private func publish(finished: Bool) {
        let now = clock.now()
        let remaining = plan.count - next
        let perSecond = rate.rate(at: now)
        var timeLeft: Duration?
        if finished {
            timeLeft = .zero
        } else if let perSecond, perSecond > 0 {
            timeLeft = .milliseconds(Int((Double(remaining + inFlight) / perSecond * 1000).rounded()))
        }
        progress(JobProgress(totals: totals, inFlight: inFlight, remaining: remaining, ratePerSecond: perSecond,
                             timeLeft: timeLeft, elapsed: now - start, finished: finished))
    }
}
