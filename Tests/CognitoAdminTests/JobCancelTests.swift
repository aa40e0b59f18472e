import AWSCore
import CognitoAdmin
import Testing

@Suite(.timeLimit(.minutes(5))) struct JobCancelTests {
    @Test func cancellingMidwayLetsInFlightItemsFinishAndNamesEveryItemNeverStarted() async {
        let plan = JobFixtures.plan(10)
        let cancellation = JobCancellation()
        let gate = JobGate()
        let tracker = JobStartTracker()
        let calls = JobEventLog<String>()
        // Three workers take u0, u1 and u2; u0 and u1 wait at the gate until u2 has cancelled.
        let job = Job(plan: plan) { item in
            calls.append(item.id)
            await tracker.markStarted(item.id)
            switch item.id {
            case "u2":
                await tracker.waitUntilStarted(["u0", "u1"])
                cancellation.cancel()
                await gate.openGate()
                return .done(requestId: "r2")
            case "u1":
                await gate.wait()
                throw AWSServiceError(code: "UserNotFoundException", message: "User does not exist.", httpStatus: 400,
                                      requestId: "r1", operation: "AdminDisableUser")
            default:
                await gate.wait()
                return .done(requestId: "r0")
            }
        }

        let permits = JobEventLog<String>()
        let runner = JobFixtures.runner(concurrency: 3, acquire: { item, _ in permits.append(item.id) })

        let snapshots = JobEventLog<JobProgress>()

        let report = await runner.run(job, cancellation: cancellation, progress: { snapshots.append($0) })

        #expect(Set(calls.events) == ["u0", "u1", "u2"])
        #expect(Set(permits.events) == ["u0", "u1", "u2"])
        #expect(report.entries.map(\.outcome) == [.succeeded, .failed, .succeeded] + Array(repeating: .notStarted, count: 7))
        #expect(report.entries(.notStarted).map(\.label) == (3..<10).map { "user-\($0)" })
        #expect(report.entries(.notStarted).allSatisfy { $0.attempts == 0 })
        #expect(report.entries[1].requestId == "r1")
        #expect(report.totals == JobTotals(total: 10, succeeded: 2, failed: 1, notStarted: 7))
        #expect(report.totals.done + report.totals.notStarted == report.totals.total)
        #expect(snapshots.events.last?.totals == report.totals)
        #expect(report.cancelled)
    }

    @Test func anItemWaitingForTheLimiterWhenTheJobIsCancelledIsNotStarted() async {
        let cancellation = JobCancellation()
        let gate = JobGate()
        let waiting = JobStartTracker()
        let calls = JobEventLog<String>()
        let runner = JobFixtures.runner(concurrency: 1, acquire: { item, _ in
            await waiting.markStarted(item.id)
            await gate.wait()
        })
        let job = Job(plan: JobFixtures.plan(2)) { item in
            calls.append(item.id)
            return .done(requestId: nil)
        }

        async let run = runner.run(job, cancellation: cancellation)
        await waiting.waitUntilStarted(["u0"])
        cancellation.cancel()
        await gate.openGate()
        let report = await run

        #expect(calls.events.isEmpty)
        #expect(report.entries.map(\.outcome) == [.notStarted, .notStarted])
        #expect(report.cancelled)
    }

    @Test func aLimiterThatRefusesStopsTheJobWithoutSendingAroundIt() async {
        struct LimiterClosed: Error, CustomStringConvertible {
            var description: String { "The limiter is closed." }
        }
        let calls = JobEventLog<String>()
        let runner = JobFixtures.runner(concurrency: 1, acquire: { item, _ in
            if item.id == "u1" { throw LimiterClosed() }
        })
        let job = Job(plan: JobFixtures.plan(4)) { item in
            calls.append(item.id)
            return .done(requestId: nil)
        }

        let report = await runner.run(job)

        #expect(calls.events == ["u0"])
        #expect(report.entries.map(\.outcome) == [.succeeded, .notStarted, .notStarted, .notStarted])
        #expect(report.entries[1].message == "The limiter is closed.")
        #expect(report.cancelled)
    }

    @Test func aThrottledItemIsNotResentAfterTheJobIsCancelled() async {
        let cancellation = JobCancellation()
        let attempts = JobEventLog<String>()
        let job = Job(plan: JobFixtures.plan(1)) { item in
            attempts.append(item.id)
            cancellation.cancel()
            throw AWSServiceError(code: "TooManyRequestsException", message: "Rate exceeded", httpStatus: 400,
                                  requestId: "t1", operation: "AdminDisableUser")
        }

        let pauses = JobEventLog<Duration>()
        let report = await JobFixtures.runner(sleep: { pauses.append($0) }).run(job, cancellation: cancellation)

        #expect(attempts.events == ["u0"])
        #expect(pauses.events.isEmpty)
        #expect(report.entries[0].outcome == .failed)
        #expect(report.entries[0].errorCode == "TooManyRequestsException")
    }

    @Test func theLimiterRefusingWithACancellationLeavesNoMessage() async {
        let runner = JobFixtures.runner(acquire: { _, _ in throw CancellationError() })
        let job = Job(plan: JobFixtures.plan(1)) { _ in .done(requestId: nil) }

        let report = await runner.run(job)

        #expect(report.entries[0].outcome == .notStarted)
        #expect(report.entries[0].message == nil)
    }
}
