@testable import AWSCore
import CognitoAPI
import ConsoleModel
import ConsoleTestSupport
import Foundation
import Testing

/// Actions on marked rows run as jobs: the plan in the confirmation, a progress pane, a report
/// per item that can be saved.
@MainActor
@Suite("Jobs in the console")
struct JobPaneTests {
    static func users(_ backend: FakeBackend, files: MemoryFiles = MemoryFiles()) async -> ConsoleViewModel {
        let local = LocalSources(reports: ReportFolder(path: "/work", files: files, now: { Date(timeIntervalSince1970: 1_700_000_000) }))
        let model = ConsoleViewModel(backend: backend, start: .userPool(id: "us-east-1_A", name: "pool-a"), local: local,
                                     makeBackend: { _, _ in throw AWSClientError.configuration("no") })
        model.handle(.resize(columns: 100, rows: 40, bodyHeight: 30))
        model.handle(.key(.character("2")))
        await model.settle()
        return model
    }

    /// Marks user001, user002 and user003.
    static func markThree(_ model: ConsoleViewModel) {
        model.handle(.key(.character("j")))
        for _ in 0..<3 { model.handle(.key(.character(" "))) }
    }

    static func rows(_ model: ConsoleViewModel) -> [String: String] {
        guard case .detail(let detail) = model.screen.body else { return [:] }
        return Dictionary(detail.sections.flatMap(\.rows).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("disable on three marked users shows the plan, runs one call each and reports every one")
    func disableMarked() async {
        let backend = FakeBackend.withUsers(6)
        let model = await Self.users(backend)
        Self.markThree(model)
        model.handle(.key(.character("D")))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no plan"); return }
        #expect(confirm.title == "Disable user: 3 users")
        #expect(confirm.lines.map(\.text) == ["AdminDisableUser user001", "AdminDisableUser user002", "AdminDisableUser user003"])
        #expect(confirm.typeToConfirm == nil)
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(backend.calls.filter { $0 == "AdminDisableUser" }.count == 3)
        #expect(model.screen.breadcrumbs.last == "Job: Disable user: 3 users")
        let rows = Self.rows(model)
        #expect(rows["State"] == "finished")
        #expect(rows["Succeeded"] == "3")
        #expect(rows["user002"] == "succeeded")
        #expect(model.screen.message?.text.hasPrefix("Disable user: 3 users: 3 succeeded, 0 failed.") == true)
        model.handle(.key(.escape))
        await model.settle()
        guard case .table(let table) = model.screen.body else { Issue.record("no table"); return }
        #expect(table.rows[1...3].allSatisfy { $0.cells[4] == "no" }, "the changed rows are read back")
    }

    @Test("n on a job's plan is a dry run: nothing is sent")
    func dryRun() async {
        let backend = FakeBackend.withUsers(6)
        let model = await Self.users(backend)
        Self.markThree(model)
        model.handle(.key(.character("D")))
        model.handle(.key(.character("n")))
        await model.settle()
        #expect(!backend.calls.contains("AdminDisableUser"))
    }

    @Test("deleting marked users wants \"delete 3\" typed")
    func deleteMarked() async {
        let backend = FakeBackend.withUsers(6)
        let model = await Self.users(backend)
        Self.markThree(model)
        model.handle(.key(.delete))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no plan"); return }
        #expect(confirm.typeToConfirm == "delete 3")
        for char in "delete 3" { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        await model.settle()
        #expect(backend.calls.filter { $0 == "AdminDeleteUser" }.count == 3)
        #expect(backend.users["us-east-1_A"]?.map(\.username) == ["user000", "user004", "user005"])
    }

    @Test("failures are reported per item with their code and request id; w saves the report as CSV")
    func failuresAndReport() async throws {
        let backend = FakeBackend.withUsers(6)
        backend.failures["AdminDisableUser"] = AWSServiceError(code: "NotAuthorizedException", message: "no",
                                                               httpStatus: 400, requestId: "req-9", operation: "AdminDisableUser")
        let files = MemoryFiles()
        let model = await Self.users(backend, files: files)
        Self.markThree(model)
        model.handle(.key(.character("D")))
        model.handle(.key(.character("y")))
        await model.settle()
        let rows = Self.rows(model)
        #expect(rows["Failed"] == "3")
        #expect(rows["user001"]?.hasPrefix("failed NotAuthorizedException") == true)
        #expect(rows["user001"]?.hasSuffix("(request id req-9)") == true)
        model.handle(.key(.character("w")))
        let path = "/work/cognito-tui-report-2023-11-14T221320Z.csv"
        #expect(model.screen.message?.text == "Saved the report to \(path).")
        let csv = String(decoding: try #require(try files.read(path)), as: UTF8.self)
        #expect(csv.split(separator: "\r\n").count == 4)
        #expect(csv.contains("user003"))
    }
}

@MainActor
@Suite("The header's throttle count")
struct ThrottleCountTests {
    @Test("after a call, the header shows how many replies the session's limiter saw throttled")
    func throttlesInHeader() async {
        let backend = FakeBackend.withUsers(1)
        let model = ConsoleViewModel(backend: backend, makeBackend: { _, _ in throw AWSClientError.configuration("no") })
        await model.settle()
        #expect(model.screen.header.throttles == 0)
        backend.limitStatus = RateLimitStatus(adaptive: true, throttles: 3, throttlesByCategory: ["UserList": 3], slowed: ["UserList": 15])
        model.send(.callFinished(CallRecord(service: "cognito-idp", operation: "ListUsers", started: Date(), duration: 0.1,
                                            status: 400, attempts: 3, requestId: "r", errorCode: "TooManyRequestsException")))
        #expect(model.screen.header.throttles == 3)
    }
}
