import AWSCore
import CognitoAdmin
import Testing

@Suite(.timeLimit(.minutes(5))) struct JobRunnerTests {
    @Test func everyItemSucceedsOnceAndConcurrencyStaysWithinTheBound() async {
        let plan = JobFixtures.plan(20)
        let gauge = JobConcurrencyGauge(releaseAt: 4)
        let calls = JobEventLog<String>()
        let job = Job(plan: plan) { item in
            calls.append(item.id)
            await gauge.enter()
            for _ in 0..<5 { await Task.yield() }
            await gauge.leave()
            return .done(requestId: "req-\(item.id)")
        }

        let report = await JobFixtures.runner(concurrency: 4).run(job)

        #expect(report.totals == JobTotals(total: 20, succeeded: 20))
        #expect(report.entries.map(\.id) == plan.items.map(\.id))
        #expect(calls.events.sorted() == plan.items.map(\.id).sorted())
        #expect(report.entries.allSatisfy { $0.attempts == 1 && $0.requestId == "req-\($0.id)" })
        #expect(await gauge.highest == 4)
        #expect(!report.cancelled)
    }

    @Test func failuresAreReportedWithCodeMessageAndRequestIdAndTheJobGoesOn() async {
        let job = Job(plan: JobFixtures.plan(5)) { item in
            switch item.id {
            case "u1":
                throw AWSServiceError(code: "UserNotFoundException", message: "User does not exist.", httpStatus: 400,
                                      requestId: "r-404", operation: "AdminDisableUser")
            case "u3":
                throw AWSClientError.readOnly(operation: "AdminDisableUser")
            default:
                return .done(requestId: nil)
            }
        }

        let report = await JobFixtures.runner(concurrency: 1).run(job)

        #expect(report.totals == JobTotals(total: 5, succeeded: 3, failed: 2))
        let notFound = report.entries[1]
        #expect(notFound.outcome == .failed)
        #expect(notFound.errorCode == "UserNotFoundException")
        #expect(notFound.message == "User does not exist.")
        #expect(notFound.requestId == "r-404")
        #expect(notFound.attempts == 1)
        #expect(report.entries[3].errorCode == "ReadOnly")
        #expect(report.entries[4].outcome == .succeeded)
    }

    @Test func aSkippedItemKeepsItsReason() async {
        let job = Job(plan: JobFixtures.plan(1)) { _ in .skipped(reason: "Already disabled.") }

        let report = await JobFixtures.runner().run(job)

        #expect(report.entries[0].outcome == .skipped)
        #expect(report.entries[0].message == "Already disabled.")
        #expect(report.totals.skipped == 1)
    }

    @Test func aDryRunReturnsThePlanAndSendsNothing() async {
        let plan = JobFixtures.plan(3)
        let calls = JobEventLog<String>()
        let job = Job(plan: plan) { item in
            calls.append(item.id)
            return .done(requestId: nil)
        }
        let runner = JobFixtures.runner(acquire: { item, _ in calls.append("acquire \(item.id)") })

        let result = await runner.execute(job, dryRun: true)

        guard case .planned(let planned) = result else {
            Issue.record("a dry run returned \(result)")
            return
        }
        #expect(planned == plan)
        #expect(calls.events.isEmpty)
    }

    @Test func aRealRunThroughExecuteReturnsTheReport() async {
        let job = Job(plan: JobFixtures.plan(2)) { _ in .done(requestId: nil) }

        let result = await JobFixtures.runner().execute(job, dryRun: false)

        guard case .finished(let report) = result else {
            Issue.record("a run returned \(result)")
            return
        }
        #expect(report.totals.succeeded == 2)
    }

    @Test func anEmptyPlanGivesAnEmptyReport() async {
        let job = Job(plan: JobFixtures.plan(0)) { _ in .done(requestId: nil) }

        let report = await JobFixtures.runner().run(job)

        #expect(report.entries.isEmpty)
        #expect(report.totals == JobTotals(total: 0))
        #expect(!report.cancelled)
    }
}

@Suite(.timeLimit(.minutes(5))) struct JobPlanTests {
    @Test func aPlanRefusesTwoItemsWithTheSameId() {
        let call = JobCall(operation: "AdminDeleteUser", resource: "pool/alice")
        #expect(throws: JobPlanError.duplicateItemID("alice")) {
            try JobPlan(title: "Delete users", items: [
                JobItem(id: "alice", label: "alice", call: call),
                JobItem(id: "bob", label: "bob", call: call),
                JobItem(id: "alice", label: "alice again", call: call),
            ])
        }
    }

    @Test func aPlanListsItsOperationsOnceEach() throws {
        let plan = try JobPlan(title: "Move users", items: [
            JobItem(id: "1", label: "a", call: JobCall(operation: "AdminAddUserToGroup", resource: "g/a")),
            JobItem(id: "2", label: "a", call: JobCall(operation: "AdminRemoveUserFromGroup", resource: "h/a")),
            JobItem(id: "3", label: "b", call: JobCall(operation: "AdminAddUserToGroup", resource: "g/b")),
        ])
        #expect(plan.operations == ["AdminAddUserToGroup", "AdminRemoveUserFromGroup"])
    }
}
