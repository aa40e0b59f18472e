import AWSCore
import CognitoAdmin
import Foundation
import Testing

/// Jobs whose items go several to a call (`DeleteIdentities` takes 60 ids): every item is sent in
/// exactly one successful call, an unknown outcome is read back item by item, and only the items
/// not applied go again.
@Suite("Jobs sent in batches", .timeLimit(.minutes(5)))
struct JobBatchTests {
    /// The batches sent, in order, as lists of item ids.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [[String]] = []
        func append(_ ids: [String]) { lock.withLock { stored.append(ids) } }
        var batches: [[String]] { lock.withLock { stored } }
    }

    @Test("130 items go in calls of at most 60, each item in exactly one call, the report in plan order")
    func batchesOfSixty() async {
        let calls = Calls()
        let job = Job(plan: JobFixtures.plan(130), batching: JobBatching(size: 60) { items in
            calls.append(items.map(\.id))
            return [:]
        })
        let report = await JobFixtures.runner(concurrency: 2).run(job)

        #expect(calls.batches.count == 3)
        #expect(calls.batches.allSatisfy { $0.count <= 60 })
        #expect(calls.batches.flatMap { $0 }.sorted() == (0..<130).map { "u\($0)" }.sorted())
        #expect(report.entries.map(\.id) == (0..<130).map { "u\($0)" })
        #expect(report.totals.succeeded == 130)
    }

    @Test("an item the service did not process fails alone, with its error code; a retryable one goes again alone")
    func unprocessedItems() async {
        let calls = Calls()
        let job = Job(plan: JobFixtures.plan(5), batching: JobBatching(size: 60) { items in
            calls.append(items.map(\.id))
            var failures: [String: JobFailure] = [:]
            if items.contains(where: { $0.id == "u1" }) {
                failures["u1"] = JobFailure(code: "AccessDenied", message: "not yours", kind: .rejected)
            }
            if calls.batches.count == 1 {
                failures["u3"] = JobFailure(code: "InternalServerError", message: "try again", kind: .notApplied)
            }
            return failures
        })
        let report = await JobFixtures.runner().run(job)

        #expect(calls.batches == [["u0", "u1", "u2", "u3", "u4"], ["u3"]])
        #expect(report.entries.map(\.outcome) == [.succeeded, .failed, .succeeded, .succeeded, .succeeded])
        #expect(report.entries[1].errorCode == "AccessDenied")
        #expect(report.entries[3].attempts == 2)
    }

    @Test("a batch whose reply was lost is read back item by item; only the items not applied are sent again")
    func lostReplyReadBack() async {
        let calls = Calls()
        let job = Job(plan: JobFixtures.plan(4), batching: JobBatching(size: 60) { items in
            calls.append(items.map(\.id))
            if calls.batches.count == 1 { throw JobErrors.ambiguous }
            return [:]
        }, verify: { item in
            // The first call deleted u0 and u2 before the connection broke.
            ["u0", "u2"].contains(item.id) ? .applied : .notApplied
        })
        let report = await JobFixtures.runner().run(job)

        #expect(calls.batches == [["u0", "u1", "u2", "u3"], ["u1", "u3"]])
        #expect(report.entries.map(\.outcome) == [.succeeded, .succeeded, .succeeded, .succeeded])
        #expect(report.entries.map(\.verified) == [true, false, true, false])
    }

    @Test("a throttled batch is sent again whole, after the pause; a rejected one fails every item")
    func throttledAndRejected() async {
        let calls = Calls()
        let throttledOnce = Job(plan: JobFixtures.plan(3), batching: JobBatching(size: 60) { items in
            calls.append(items.map(\.id))
            if calls.batches.count == 1 { throw JobErrors.throttled }
            return [:]
        })
        let report = await JobFixtures.runner().run(throttledOnce)
        #expect(calls.batches.count == 2)
        #expect(report.totals.succeeded == 3)

        let rejected = Job(plan: JobFixtures.plan(3), batching: JobBatching(size: 60) { _ in
            throw AWSServiceError(code: "InvalidParameterException", message: "bad id", httpStatus: 400,
                                  requestId: "r", operation: "DeleteIdentities")
        })
        let failed = await JobFixtures.runner().run(rejected)
        #expect(failed.entries.map(\.outcome) == [.failed, .failed, .failed])
        #expect(failed.entries.allSatisfy { $0.errorCode == "InvalidParameterException" })
    }
}
