/// How a job runs.
public struct JobConfiguration: Sendable {
    /// Items under way at once.
    public var concurrency: Int
    /// Resends allowed per item after failures that prove the call was not applied (throttling,
    /// service unavailable, no connection).
    public var maxResends: Int
    /// The pause before the n-th such resend (n from 1), on top of the limiter's own pacing.
    public var backoff: @Sendable (Int) -> Duration
    /// The window over which the rate in progress snapshots is measured.
    public var rateWindow: Duration
    /// Tries at reading an item back after an unknown outcome: a read changes nothing, so one
    /// that was throttled or lost is simply made again (after the backoff), while the service
    /// still answers reads.
    public var readBackAttempts: Int

    public init(concurrency: Int = 4, maxResends: Int = 3,
                backoff: @escaping @Sendable (Int) -> Duration = JobConfiguration.doubling,
                rateWindow: Duration = .seconds(10), readBackAttempts: Int = 5) {
        self.concurrency = max(1, concurrency)
        self.maxResends = max(0, maxResends)
        self.readBackAttempts = max(1, readBackAttempts)
        self.backoff = backoff
        self.rateWindow = rateWindow > .zero ? rateWindow : .seconds(10)
    }

    /// 0.5 s, 1 s, 2 s, … up to 8 s.
    public static let doubling: @Sendable (Int) -> Duration = { resend in
        .milliseconds(500 << min(max(resend - 1, 0), 4))
    }
}

/// Runs jobs: bounded concurrency, the limiter asked before every call, progress after every
/// change, cancellation that only stops new items, and no blind resend of a call whose outcome
/// is unknown.
///
/// For each item, in plan order:
/// 1. wait for `acquire`; if the job was cancelled meanwhile, the item is "not started";
/// 2. send it with the job's `work`;
/// 3. on a failure that proves nothing was applied, resend (at most `maxResends` times, after the
///    backoff and `acquire`); on a rejection, report it as failed;
/// 4. on a failure that leaves the outcome unknown, read the item back with `verify`: applied
///    means succeeded (verified); not applied allows a resend (at most `maxResends` such, since
///    each follows a read-back that proved the last send had no effect); a read-back that shows
///    the call could never apply is a failure; anything else is "unknown".
public struct JobRunner: Sendable {
    public var configuration: JobConfiguration
    public var acquire: JobAcquire
    public var clock: JobClock
    public var sleep: @Sendable (Duration) async throws -> Void
    public var classify: @Sendable (any Error) -> JobFailure

    public init(configuration: JobConfiguration = JobConfiguration(),
                acquire: @escaping JobAcquire = { _, _ in },
                clock: JobClock = .continuous(),
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                classify: @escaping @Sendable (any Error) -> JobFailure = { JobFailure(classifying: $0) }) {
        self.configuration = configuration
        self.acquire = acquire
        self.clock = clock
        self.sleep = sleep
        self.classify = classify
    }

    /// Returns the plan untouched for a dry run; otherwise runs the job.
    public func execute(_ job: Job, dryRun: Bool, cancellation: JobCancellation = JobCancellation(),
                        progress: @escaping @Sendable (JobProgress) -> Void = { _ in }) async -> JobResult {
        if dryRun { return .planned(job.plan) }
        return .finished(await run(job, cancellation: cancellation, progress: progress))
    }

    /// Runs every item of the job and returns one entry per planned item, in plan order.
    ///
    /// - Parameters:
    ///   - cancellation: cancel it to stop starting items; cancelling the calling task does too
    ///     (and the work closures see that cancellation, so their calls may end as unknown).
    ///   - progress: called after every change, in order, ending with a `finished` snapshot; it
    ///     runs inside the run's bookkeeping, so it should only hand the snapshot on (see
    ///     `JobProgress.stream()`).
    public func run(_ job: Job, cancellation: JobCancellation = JobCancellation(),
                    progress: @escaping @Sendable (JobProgress) -> Void = { _ in }) async -> JobReport {
        let ledger = JobLedger(plan: job.plan, clock: clock, rateWindow: configuration.rateWindow,
                               cancellation: cancellation, progress: progress)
        let workers = min(configuration.concurrency, job.plan.count)
        await withTaskCancellationHandler {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<workers {
                    group.addTask {
                        while let index = await ledger.take() {
                            let entry = await process(job.plan.items[index], of: job, cancellation: cancellation)
                            await ledger.record(entry, at: index)
                        }
                    }
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
        return await ledger.finish()
    }

    /// Steps 1 to 4 for one item.
    func process(_ item: JobItem, of job: Job, cancellation: JobCancellation) async -> JobReportEntry {
        var attempts = 0
        var resends = 0
        var verifiedResends = 0
        var firstSend: Duration?
        var last: JobFailure?

        func entry(_ outcome: JobOutcome, verified: Bool = false, failure: JobFailure? = nil,
                   requestId: String? = nil, message: String? = nil) -> JobReportEntry {
            JobReportEntry(id: item.id, label: item.label, call: item.call, outcome: outcome, verified: verified,
                           errorCode: failure?.code, message: message ?? failure?.message,
                           requestId: requestId ?? failure?.requestId, attempts: attempts,
                           duration: firstSend.map { clock.now() - $0 } ?? .zero)
        }

        while true {
            do {
                try await acquire(item, .perform(attempt: attempts + 1))
            } catch {
                // The limiter refused: stop the job rather than send around it.
                cancellation.cancel()
                if let last { return entry(.failed, failure: last) }
                let reason = error is CancellationError ? nil : JobFailure.oneLine(String(describing: error))
                return .notStarted(item, message: reason)
            }
            if attempts == 0 && cancellation.isCancelled { return .notStarted(item) }
            attempts += 1
            if firstSend == nil { firstSend = clock.now() }

            let failure: JobFailure
            do {
                switch try await job.work(item) {
                case .done(let requestId, let note): return entry(.succeeded, requestId: requestId, message: note)
                case .skipped(let reason): return entry(.skipped, message: JobFailure.oneLine(reason))
                }
            } catch {
                failure = classify(error)
            }
            last = failure

            switch failure.kind {
            case .rejected:
                return entry(.failed, failure: failure)
            case .notApplied:
                guard resends < configuration.maxResends, !cancellation.isCancelled else {
                    return entry(.failed, failure: failure)
                }
                resends += 1
                let pause = configuration.backoff(resends)
                if pause > .zero {
                    do { try await sleep(pause) } catch { return entry(.failed, failure: failure) }
                }
                if cancellation.isCancelled { return entry(.failed, failure: failure) }
            case .outcomeUnknown:
                // Never resend blindly: read back first. The read-back runs even after a cancel,
                // since it changes nothing and turns an unknown into an answer.
                switch await verify(item, of: job) {
                case .applied:
                    return entry(.succeeded, verified: true, failure: failure)
                case .notApplied:
                    guard verifiedResends < max(1, configuration.maxResends), !cancellation.isCancelled else {
                        return entry(.failed, verified: true, failure: failure)
                    }
                    verifiedResends += 1
                case .failed(let reason):
                    return entry(.failed, verified: true, failure: reason)
                case .undetermined:
                    return entry(.unknown, failure: failure)
                }
            }
        }
    }

    /// The job's read-back, under the limiter. A read-back that fails is made again, up to
    /// `readBackAttempts` tries, unless the service refused it for good (e.g. access denied);
    /// a missing or refused read-back, or one that keeps failing, tells nothing.
    private func verify(_ item: JobItem, of job: Job) async -> JobVerification {
        guard let verify = job.verify else { return .undetermined }
        for attempt in 1...configuration.readBackAttempts {
            do {
                try await acquire(item, .verify)
            } catch {
                return .undetermined
            }
            do {
                return try await verify(item)
            } catch {
                guard classify(error).kind != .rejected, attempt < configuration.readBackAttempts else { return .undetermined }
                do { try await sleep(configuration.backoff(attempt)) } catch { return .undetermined }
            }
        }
        return .undetermined
    }
}
