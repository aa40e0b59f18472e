import AWSCore
import CognitoAdmin
import Testing

@Suite(.timeLimit(.minutes(5))) struct JobProgressTests {
    @Test func snapshotsOnlyMoveForwardAndTheLastEqualsTheReport() async throws {
        let snapshots = JobEventLog<JobProgress>()
        let job = Job(plan: JobFixtures.plan(12)) { item in
            for _ in 0..<3 { await Task.yield() }
            switch item.id {
            case "u2", "u7":
                throw AWSServiceError(code: "UserNotFoundException", message: "User does not exist.", httpStatus: 400,
                                      requestId: nil, operation: "AdminDisableUser")
            case "u5": return .skipped(reason: "Already disabled.")
            case "u9": throw JobErrors.ambiguous
            default: return .done(requestId: nil)
            }
        }

        let report = await JobFixtures.runner(concurrency: 3).run(job, progress: { snapshots.append($0) })

        let all = snapshots.events
        for (before, after) in zip(all, all.dropFirst()) {
            #expect(after.totals.succeeded >= before.totals.succeeded)
            #expect(after.totals.failed >= before.totals.failed)
            #expect(after.totals.skipped >= before.totals.skipped)
            #expect(after.totals.unknown >= before.totals.unknown)
            #expect(after.totals.notStarted >= before.totals.notStarted)
            #expect(after.done >= before.done)
            #expect(after.remaining <= before.remaining)
            #expect(after.inFlight <= 3)
            #expect(!before.finished)
        }
        let last = try #require(all.last)
        #expect(last.finished)
        #expect(last.totals == report.totals)
        #expect(last.totals == JobTotals(total: 12, succeeded: 8, failed: 2, skipped: 1, unknown: 1))
        #expect(last.remaining == 0)
        #expect(last.inFlight == 0)
    }

    @Test func rateAndTimeLeftComeFromTheInjectedClockOverTheRecentWindow() async {
        let clock = ManualJobClock()
        let snapshots = JobEventLog<JobProgress>()
        let costs: [String: Duration] = ["u0": .seconds(1), "u1": .seconds(1), "u2": .seconds(2), "u3": .seconds(4), "u4": .zero]
        let job = Job(plan: JobFixtures.plan(5)) { item in
            clock.advance(by: costs[item.id]!)
            return .done(requestId: nil)
        }
        let runner = JobRunner(configuration: JobConfiguration(concurrency: 1, rateWindow: .seconds(4)),
                               clock: clock.jobClock)

        let report = await runner.run(job, progress: { snapshots.append($0) })

        // Endings at 1, 2, 4, 8 and 8 seconds; the rate counts those in the last 4 seconds (or
        // since the start, while the run is younger than that).
        let afterEachEnd = snapshots.events.filter { $0.inFlight == 0 && !$0.finished }
        #expect(afterEachEnd.map(\.ratePerSecond) == [1.0, 1.0, 0.75, 0.25, 0.5])
        #expect(afterEachEnd.map(\.timeLeft) == [.seconds(4), .seconds(3), .milliseconds(2667), .seconds(4), .zero])
        #expect(snapshots.events.first?.ratePerSecond == nil)
        #expect(snapshots.events.first?.timeLeft == nil)
        #expect(snapshots.events.last?.elapsed == .seconds(8))
        #expect(report.elapsed == .seconds(8))
        #expect(report.entries.map(\.duration) == [.seconds(1), .seconds(1), .seconds(2), .seconds(4), .zero])
    }

    @Test func theProgressStreamEndsWithTheFinishedSnapshot() async {
        let (stream, feed) = JobProgress.stream(keepingNewest: 2)
        let job = Job(plan: JobFixtures.plan(6)) { _ in .done(requestId: nil) }

        let report = await JobFixtures.runner(concurrency: 2).run(job, progress: feed)

        var received: [JobProgress] = []
        for await snapshot in stream { received.append(snapshot) }
        #expect(received.count == 2)
        #expect(received.last?.finished == true)
        #expect(received.last?.totals == report.totals)
    }
}
