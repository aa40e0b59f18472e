import AWSCore
import CognitoAdmin
import Testing

@Suite(.timeLimit(.minutes(5))) struct JobUnknownOutcomeTests {
    func run(work: [JobAnswer], verify: [JobVerification]?, steps: JobEventLog<JobStep> = JobEventLog())
        async -> (JobReportEntry, sends: Int, reads: Int) {
        let sends = JobScript(work)
        let reads = JobScript(verify ?? [])
        let readBack: JobVerify = { _ in reads.next() }
        let job = Job(plan: JobFixtures.plan(1), work: { _ in try sends.next().get() },
                      verify: verify == nil ? nil : readBack)
        let runner = JobFixtures.runner(acquire: { _, step in steps.append(step) })
        let report = await runner.run(job)
        return (report.entries[0], sends.calls, reads.calls)
    }

    @Test func anAmbiguousFailureVerifiedAsAppliedIsASuccessWithoutAResend() async {
        let steps = JobEventLog<JobStep>()
        let (entry, sends, reads) = await run(work: [.error(JobErrors.ambiguous)], verify: [.applied], steps: steps)

        #expect(entry.outcome == .succeeded)
        #expect(entry.verified)
        #expect(entry.errorCode == "Transport.ambiguous")
        #expect(sends == 1)
        #expect(reads == 1)
        #expect(steps.events == [.perform(attempt: 1), .verify])
    }

    @Test func anAmbiguousFailureVerifiedAsNotAppliedIsResentExactlyOnce() async {
        let steps = JobEventLog<JobStep>()
        let (entry, sends, reads) = await run(
            work: [.error(JobErrors.ambiguous), .result(.done(requestId: "req-2"))], verify: [.notApplied], steps: steps)

        #expect(entry.outcome == .succeeded)
        #expect(entry.requestId == "req-2")
        #expect(entry.attempts == 2)
        #expect(sends == 2)
        #expect(reads == 1)
        #expect(steps.events == [.perform(attempt: 1), .verify, .perform(attempt: 2)])
    }

    @Test func repeatedUnknownOutcomesAreResentOnlyAfterAReadBackAndAtMostMaxResendsTimes() async {
        // The default configuration allows three resends.
        let (entry, sends, reads) = await run(work: [.error(JobErrors.ambiguous)], verify: [.notApplied])

        #expect(entry.outcome == .failed)
        #expect(entry.verified)
        #expect(entry.attempts == 4)
        #expect(sends == 4)
        #expect(reads == 4)
    }

    @Test func aReadBackThatIsThrottledOrLostIsMadeAgainUntilItAnswers() async {
        let sends = JobScript<JobAnswer>([.error(JobErrors.ambiguous)])
        let reads = JobScript<Result<JobVerification, any Error>>([
            .failure(JobErrors.throttled), .failure(JobErrors.ambiguous), .success(.applied),
        ])
        let job = Job(plan: JobFixtures.plan(1), work: { _ in try sends.next().get() },
                      verify: { _ in try reads.next().get() })
        let report = await JobFixtures.runner().run(job)

        #expect(report.entries[0].outcome == .succeeded)
        #expect(report.entries[0].verified)
        #expect(sends.calls == 1)
        #expect(reads.calls == 3)
    }

    @Test func aReadBackThatKeepsFailingLeavesTheItemUnknownWithoutAResend() async {
        let sends = JobScript<JobAnswer>([.error(JobErrors.ambiguous)])
        let reads = JobScript<Result<JobVerification, any Error>>([.failure(JobErrors.throttled)])
        let job = Job(plan: JobFixtures.plan(1), work: { _ in try sends.next().get() },
                      verify: { _ in try reads.next().get() })
        let report = await JobFixtures.runner().run(job)

        #expect(report.entries[0].outcome == .unknown)
        #expect(sends.calls == 1)
        #expect(reads.calls == JobConfiguration().readBackAttempts)
    }

    @Test func aReadBackThatShowsTheCallCannotApplyFailsTheItemWithItsReason() async {
        let gone = JobFailure(code: "UserNotFoundException", message: "User does not exist.", requestId: "req-gone", kind: .rejected)
        let (entry, sends, reads) = await run(work: [.error(JobErrors.ambiguous)], verify: [.failed(gone)])

        #expect(entry.outcome == .failed)
        #expect(entry.verified)
        #expect(entry.errorCode == "UserNotFoundException")
        #expect(entry.requestId == "req-gone")
        #expect(sends == 1)
        #expect(reads == 1)
    }

    @Test func aServerErrorAfterSendingIsReadBackRatherThanResent() async {
        let (entry, sends, reads) = await run(work: [.error(JobErrors.internalError)], verify: [.applied])

        #expect(entry.outcome == .succeeded)
        #expect(entry.verified)
        #expect(entry.requestId == "req-500")
        #expect(sends == 1)
        #expect(reads == 1)
    }

    @Test func withoutAReadBackTheOutcomeIsUnknown() async {
        let (entry, sends, _) = await run(work: [.error(JobErrors.ambiguous)], verify: nil)

        #expect(entry.outcome == .unknown)
        #expect(entry.errorCode == "Transport.ambiguous")
        #expect(sends == 1)
    }

    @Test func aReadBackThatCannotTellLeavesTheOutcomeUnknown() async {
        let (entry, sends, reads) = await run(work: [.error(JobErrors.ambiguous)], verify: [.undetermined])

        #expect(entry.outcome == .unknown)
        #expect(!entry.verified)
        #expect(sends == 1)
        #expect(reads == 1)
    }

    @Test func aReadBackThatFailsLeavesTheOutcomeUnknown() async {
        let sends = JobScript<JobAnswer>([.error(JobErrors.ambiguous)])
        let job = Job(plan: JobFixtures.plan(1), work: { _ in try sends.next().get() },
                      verify: { _ in throw JobErrors.couldNotConnect })

        let report = await JobFixtures.runner().run(job)

        #expect(report.entries[0].outcome == .unknown)
        #expect(sends.calls == 1)
    }
}

@Suite(.timeLimit(.minutes(5))) struct JobThrottlingTests {
    @Test func throttlingIsRetriedABoundedNumberOfTimesAfterTheLimiterEachTime() async {
        let steps = JobEventLog<JobStep>()
        let pauses = JobEventLog<Duration>()
        let sends = JobScript<JobAnswer>([.error(JobErrors.throttled)])
        let job = Job(plan: JobFixtures.plan(1), work: { _ in try sends.next().get() })
        let runner = JobRunner(
            configuration: JobConfiguration(maxResends: 2, backoff: { .seconds($0) }),
            acquire: { _, step in steps.append(step) }, clock: ManualJobClock().jobClock,
            sleep: { pauses.append($0) })

        let report = await runner.run(job)

        let entry = report.entries[0]
        #expect(entry.outcome == .failed)
        #expect(entry.errorCode == "TooManyRequestsException")
        #expect(entry.requestId == "req-throttled")
        #expect(entry.attempts == 3)
        #expect(sends.calls == 3)
        #expect(steps.events == [.perform(attempt: 1), .perform(attempt: 2), .perform(attempt: 3)])
        #expect(pauses.events == [.seconds(1), .seconds(2)])
    }

    @Test func aThrottledItemThatGetsThroughOnAResendSucceeds() async {
        let sends = JobScript<JobAnswer>([.error(JobErrors.throttled), .result(.done(requestId: "req-ok"))])
        let job = Job(plan: JobFixtures.plan(1), work: { _ in try sends.next().get() })

        let report = await JobFixtures.runner().run(job)

        #expect(report.entries[0].outcome == .succeeded)
        #expect(report.entries[0].attempts == 2)
        #expect(report.entries[0].errorCode == nil)
    }

    @Test func aCallThatNeverConnectedIsResentWithoutAReadBack() async {
        let sends = JobScript<JobAnswer>([.error(JobErrors.couldNotConnect), .result(.done(requestId: nil))])
        let reads = JobScript<JobVerification>([.applied])
        let job = Job(plan: JobFixtures.plan(1), work: { _ in try sends.next().get() }, verify: { _ in reads.next() })

        let report = await JobFixtures.runner().run(job)

        #expect(report.entries[0].outcome == .succeeded)
        #expect(sends.calls == 2)
        #expect(reads.calls == 0)
    }

    @Test func aRejectedCallIsNeverResent() async {
        let sends = JobScript<JobAnswer>([.error(AWSServiceError(
            code: "InvalidParameterException", message: "Bad username", httpStatus: 400, requestId: "r",
            operation: "AdminDisableUser"))])
        let job = Job(plan: JobFixtures.plan(1), work: { _ in try sends.next().get() })

        let report = await JobFixtures.runner().run(job)

        #expect(report.entries[0].outcome == .failed)
        #expect(sends.calls == 1)
    }
}
