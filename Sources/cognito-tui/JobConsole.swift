import AWSCore
import CognitoAdmin
import Foundation

/// Runs a job from the command line: paced by the session's rate limiter, progress on stderr (one
/// updating line on a terminal, a plain line a second otherwise), Ctrl-C to stop starting items,
/// the per-item report saved when asked, and a summary naming what failed or never started.
struct JobConsole {
    let admin: AdminContext

    /// Runs the job and returns the exit status: 0 when every item succeeded or was skipped,
    /// 1 when any failed or ended unknown, 130 when cancelled.
    /// - Parameter concurrency: items under way at once.
    func run(_ job: Job, reportPath: String?, concurrency: Int = 4) async throws -> Int32 {
        // The session's rate limiter paces every call of the job: the client takes a token from
        // it before each attempt (first sends, the client's retries and read-backs alike), with the
        // profile's `quotas:`. Taking a second token here would halve the rate the profile sets,
        // so the job's own gate only stops handing out items once the task is cancelled.
        let runner = JobRunner(configuration: JobConfiguration(concurrency: concurrency),
                               acquire: { _, _ in try Task.checkCancellation() })
        let cancellation = JobCancellation()
        let interrupts = InterruptWatch {
            cancellation.cancel()
            Output.error("Cancelling: items under way will finish, no more will start (Ctrl-C again to quit at once).")
        }
        let (stream, feed) = JobProgress.stream()
        let title = job.plan.title
        let printer = Task {
            var line = ProgressPrinter(updating: Terminal.stderrIsTerminal)
            for await progress in stream { line.show(JobProgressText.line(title, progress), final: progress.finished) }
        }
        let report = await runner.run(job, cancellation: cancellation, progress: feed)
        await printer.value
        interrupts.stop()

        print(JobProgressText.summary(report))
        let throttles = admin.session.rateLimiter.status().throttles
        if throttles > 0 {
            Output.error("The service throttled \(throttles) \(throttles == 1 ? "call" : "calls"), sent again after a pause.")
        }
        for line in JobProgressText.problems(report) + JobProgressText.notStarted(report) { print(line) }
        if let reportPath, let format = ReportFormat(path: reportPath) {
            do {
                try admin.session.context.files.writePrivate(reportPath, Data(format.text(report).utf8))
                Output.error("The report of \(report.entries.count) items is in \(reportPath).")
            } catch {
                Output.error("The report could not be written to \(reportPath): \(error).")
                return ExitStatus.serviceError
            }
        }
        if report.cancelled { return 130 }
        return report.totals.failed + report.totals.unknown > 0 ? ExitStatus.serviceError : 0
    }
}

/// Prints progress on stderr: on a terminal one line rewritten in place at most ten times a
/// second; otherwise a plain line at most once a second. The final line always shows.
struct ProgressPrinter {
    let updating: Bool
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant?

    init(updating: Bool) { self.updating = updating }

    mutating func show(_ text: String, final: Bool) {
        let now = clock.now
        let gap: Duration = updating ? .milliseconds(100) : .seconds(1)
        if !final, let last, last.duration(to: now) < gap { return }
        last = now
        if updating {
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text + (final ? "\n" : "")).utf8))
        } else {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }
}

/// Ctrl-C while a job runs: the first one calls `onInterrupt`, a second one quits at once with
/// status 130. The default handling comes back on `stop()`.
final class InterruptWatch: @unchecked Sendable {
    private let source: DispatchSourceSignal
    private let lock = NSLock()
    private var count = 0

    init(onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in
            guard let self else { return }
            let seen = self.lock.withLock { () -> Int in
                self.count += 1
                return self.count
            }
            if seen == 1 {
                onInterrupt()
            } else {
                Output.error("Quit; calls under way may or may not have been applied.")
                exit(130)
            }
        }
        source.resume()
    }

    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
