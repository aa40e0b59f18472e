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
/// For each item, in plan order (or each batch of items, for a job with batching):
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
        let size = job.batching?.size ?? 1
        let workers = min(configuration.concurrency, (job.plan.count + size - 1) / size)
        await withTaskCancellationHandler {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<workers {
                    group.addTask {
                        while case let indices = await ledger.take(upTo: size), !indices.isEmpty {
                            let entries = await process(indices.map { job.plan.items[$0] }, of: job, cancellation: cancellation)
                            for (index, entry) in zip(indices, entries) { await ledger.record(entry, at: index) }
                        }
                    }
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
        return await ledger.finish()
    }

    /// One call's outcome for each item it carried.
    private enum Sent {
        case done(JobWorkResult)
        case failed(JobFailure)
    }

    /// Sends the items in one call: the job's batch work, or its work for a single item.
    private func send(_ items: [JobItem], of job: Job) async -> [String: Sent] {
        do {
            if let batching = job.batching {
                let failures = try await batching.work(items)
                return Dictionary(uniqueKeysWithValues: items.map { item in
                    (item.id, failures[item.id].map(Sent.failed) ?? .done(.done(requestId: nil)))
                })
            }
            return [items[0].id: .done(try await job.work(items[0]))]
        } catch {
            let failure = classify(error)
            return Dictionary(uniqueKeysWithValues: items.map { ($0.id, Sent.failed(failure)) })
        }
    }

    /// Steps 1 to 4 for the items of one call (one item, or one batch), returning their entries
    /// in the order given. The items still pending go together in each resend; an item whose
    /// outcome is unknown is read back on its own.
    func process(_ items: [JobItem], of job: Job, cancellation: JobCancellation) async -> [JobReportEntry] {
        var results: [String: JobReportEntry] = [:]
        var pending = items
        var attempts = 0
        var resends = 0
        var verifiedResends = 0
        var firstSend: Duration?
        var last: [String: JobFailure] = [:]

        func entry(_ item: JobItem, _ outcome: JobOutcome, verified: Bool = false, failure: JobFailure? = nil,
                   requestId: String? = nil, message: String? = nil) -> JobReportEntry {
            JobReportEntry(id: item.id, label: item.label, call: item.call, outcome: outcome, verified: verified,
                           errorCode: failure?.code, message: message ?? failure?.message,
                           requestId: requestId ?? failure?.requestId, attempts: attempts,
                           duration: firstSend.map { clock.now() - $0 } ?? .zero)
        }

        sending: while !pending.isEmpty {
            do {
                try await acquire(pending[0], .perform(attempt: attempts + 1))
            } catch {
                // The limiter refused: stop the job rather than send around it.
                cancellation.cancel()
                let reason = error is CancellationError ? nil : JobFailure.oneLine(String(describing: error))
                for item in pending {
                    results[item.id] = last[item.id].map { entry(item, .failed, failure: $0) } ?? .notStarted(item, message: reason)
                }
                break
            }
            if attempts == 0 && cancellation.isCancelled {
                for item in pending { results[item.id] = .notStarted(item) }
                break
            }
            attempts += 1
            if firstSend == nil { firstSend = clock.now() }

            let sent = await send(pending, of: job)
            var notApplied: [JobItem] = []
            var unknown: [JobItem] = []
            for item in pending {
                switch sent[item.id] {
                case .done(.done(let requestId, let note))?:
                    results[item.id] = entry(item, .succeeded, requestId: requestId, message: note)
                case .done(.skipped(let reason))?:
                    results[item.id] = entry(item, .skipped, message: JobFailure.oneLine(reason))
                case .failed(let failure)?:
                    last[item.id] = failure
                    switch failure.kind {
                    case .rejected: results[item.id] = entry(item, .failed, failure: failure)
                    case .notApplied: notApplied.append(item)
                    case .outcomeUnknown: unknown.append(item)
                    }
                case nil:
                    results[item.id] = entry(item, .unknown, message: "The call's reply did not mention this item.")
                }
            }
            pending = []

            if !notApplied.isEmpty {
                if resends < configuration.maxResends, !cancellation.isCancelled {
                    resends += 1
                    let pause = configuration.backoff(resends)
                    var paused = true
                    if pause > .zero {
                        do { try await sleep(pause) } catch { paused = false }
                    }
                    if paused && !cancellation.isCancelled {
                        pending += notApplied
                        notApplied = []
                    }
                }
                for item in notApplied { results[item.id] = entry(item, .failed, failure: last[item.id]) }
            }

            // Never resend blindly: read back first. The read-back runs even after a cancel,
            // since it changes nothing and turns an unknown into an answer.
            var resendVerified: [JobItem] = []
            for (item, verification) in await verifyAll(unknown, of: job) {
                let failure = last[item.id]
                switch verification {
                case .applied:
                    results[item.id] = entry(item, .succeeded, verified: true, failure: failure)
                case .notApplied:
                    if verifiedResends < max(1, configuration.maxResends), !cancellation.isCancelled {
                        resendVerified.append(item)
                    } else {
                        results[item.id] = entry(item, .failed, verified: true, failure: failure)
                    }
                case .failed(let reason):
                    results[item.id] = entry(item, .failed, verified: true, failure: reason)
                case .undetermined:
                    results[item.id] = entry(item, .unknown, failure: failure)
                }
            }
            if !resendVerified.isEmpty { verifiedResends += 1 }
            pending += resendVerified
            if pending.isEmpty { break sending }
            pending.sort { lhs, rhs in
                (items.firstIndex { $0.id == lhs.id } ?? 0) < (items.firstIndex { $0.id == rhs.id } ?? 0)
            }
        }
        return items.map { results[$0.id] ?? .notStarted($0) }
    }

    /// Reads the items back, up to `concurrency` at once (a batch's items each need their own
    /// read); the answers come in the order of the items.
    private func verifyAll(_ items: [JobItem], of job: Job) async -> [(JobItem, JobVerification)] {
        if items.count == 1 { return [(items[0], await verify(items[0], of: job))] }
        var answers: [Int: JobVerification] = [:]
        await withTaskGroup(of: (Int, JobVerification).self) { group in
            var next = 0
            func start() {
                let index = next
                next += 1
                group.addTask { (index, await verify(items[index], of: job)) }
            }
            while next < min(configuration.concurrency, items.count) { start() }
            for await (index, answer) in group {
                answers[index] = answer
                if next < items.count { start() }
            }
        }
        return items.indices.map { (items[$0], answers[$0] ?? .undetermined) }
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
