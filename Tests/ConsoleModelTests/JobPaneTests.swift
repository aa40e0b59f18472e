@testable import AWSCore
import CognitoAPI
import ConsoleModel
import ConsoleTestSupport
import Foundation
import Testing

/// Actions on marked rows run as jobs: the plan in the confirmation, a progress pane, a report
/// per item that can be saved.
@MainActor
@Suite("Jobs in the console", .timeLimit(.minutes(5)))
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

    /// Types `text` into the open confirmation and presses Enter.
    static func type(_ model: ConsoleViewModel, _ text: String) {
        for char in text { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
    }

    @Test("disable on three marked users states the plan with its quota, wants \"disable 3\", runs one call each and reports every one")
    func disableMarked() async {
        let backend = FakeBackend.withUsers(6)
        let model = await Self.users(backend)
        Self.markThree(model)
        model.handle(.key(.character("D")))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no plan"); return }
        #expect(confirm.title == "Disable 3 users")
        #expect(confirm.text.contains("one AdminDisableUser call each, paced at the UserUpdate quota, 25/s: under a second"))
        #expect(confirm.lines.map(\.text) == ["AdminDisableUser user001", "AdminDisableUser user002", "AdminDisableUser user003"])
        #expect(confirm.typeToConfirm == "disable 3")
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(!backend.calls.contains("AdminDisableUser"), "y alone is not the count")
        model.handle(.key(.backspace))
        Self.type(model, "disable 3")
        await model.settle()
        #expect(backend.calls.filter { $0 == "AdminDisableUser" }.count == 3)
        #expect(model.screen.breadcrumbs.last == "Job: Disable 3 users")
        let rows = Self.rows(model)
        #expect(rows["State"] == "finished")
        #expect(rows["Succeeded"] == "3")
        #expect(rows["user002"] == "succeeded")
        #expect(model.screen.message?.text.hasPrefix("Disable 3 users: 3 succeeded, 0 failed.") == true)
        model.handle(.key(.escape))
        await model.settle()
        guard case .table(let table) = model.screen.body else { Issue.record("no table"); return }
        #expect(table.rows[1...3].allSatisfy { $0.cells[4] == "no" }, "the changed rows are read back")
    }

    @Test("a long plan lists its first items and how many more, with the time at the profile's rate")
    func longPlan() async {
        let backend = FakeBackend.withUsers(300)
        backend.info.rates = ["UserUpdate": 2]
        let model = await Self.users(backend)
        model.handle(.key(.character("L")))
        await model.settle()
        model.handle(.key(.control("a")))
        model.handle(.key(.character("E")))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no plan"); return }
        #expect(confirm.title == "Enable 300 users")
        #expect(confirm.text.contains("UserUpdate quota, 2/s: about 2 min 30 s"))
        #expect(confirm.lines.count == 9)
        #expect(confirm.lines.last?.text == "… and 292 more")
    }

    @Test("V marks from the last marked row to the cursor; ctrl-a marks every row shown, and those that load after")
    func markRangeAndAll() async {
        let backend = FakeBackend.withUsers(200)
        let model = await Self.users(backend)
        model.handle(.key(.character("j")))
        model.handle(.key(.character(" ")))          // user001, cursor moves to user002
        for _ in 0..<3 { model.handle(.key(.character("j"))) }
        model.handle(.key(.character("V")))          // user001 … user005
        #expect(model.state.currentList?.marked == Set((1...5).map { String(format: "user%03d", $0) }))
        model.handle(.key(.character("/")))
        for char in "user01" { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        model.handle(.key(.control("a")))
        #expect(model.state.currentList?.marked.count == 15, "the 5 and the 10 rows the filter shows: user010 … user019")
        #expect(model.state.currentList?.markingArrivals == true, "more pages may come")
        model.handle(.key(.character("L")))
        await model.settle()
        #expect(model.state.currentList?.marked.count == 15, "no later row matches user01")
        model.handle(.key(.escape))
        model.handle(.key(.control("a")))
        #expect(model.state.currentList?.marked.count == 200)
        model.handle(.key(.control("a")))
        #expect(model.state.currentList?.marked.isEmpty == true, "a second ctrl-a unmarks")
    }

    @Test("ctrl-a while pages are still to come marks the rows that arrive")
    func markArrivals() async {
        let backend = FakeBackend.withUsers(200)
        let model = await Self.users(backend)
        let loaded = model.state.currentList?.store.count ?? 0
        #expect(loaded < 200)
        model.handle(.key(.control("a")))
        #expect(model.state.currentList?.marked.count == loaded)
        model.handle(.key(.character("L")))
        await model.settle()
        #expect(model.state.currentList?.marked.count == 200)
    }

    @Test("t runs the failed items again through the same confirmation; the ones that succeeded are left alone")
    func retryFailed() async {
        let backend = FakeBackend.withUsers(6)
        backend.failures["AdminDisableUser"] = AWSServiceError(code: "TooManyRequestsException", message: "slow down",
                                                               httpStatus: 400, requestId: "req-1", operation: "AdminDisableUser")
        let model = await Self.users(backend)
        Self.markThree(model)
        model.handle(.key(.character("D")))
        Self.type(model, "disable 3")
        await model.settle()
        #expect(Self.rows(model)["Failed"] == "3")
        backend.failures = [:]
        model.handle(.key(.character("t")))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no plan"); return }
        #expect(confirm.typeToConfirm == "disable 3")
        Self.type(model, "disable 3")
        await model.settle()
        #expect(Self.rows(model)["Succeeded"] == "3")
        model.handle(.key(.character("t")))
        #expect(model.screen.overlay == nil)
        #expect(model.screen.message?.text.contains("no item failed") == true)
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

    @Test("X saves the rows the filter shows, in their columns, as CSV; ctrl-e as JSON lines")
    func exportRows() async throws {
        let files = MemoryFiles()
        let model = await Self.users(FakeBackend.withUsers(30), files: files)
        model.handle(.key(.character("/")))
        for char in "user00" { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        model.handle(.key(.character("X")))
        let csvPath = "/work/cognito-tui-users-2023-11-14T221320Z.csv"
        #expect(model.screen.message?.text == "Saved 10 rows to \(csvPath).")
        let csv = String(decoding: try #require(try files.read(csvPath)), as: UTF8.self).split(separator: "\r\n")
        #expect(csv.first == "USERNAME,NAME,EMAIL,STATUS,ENABLED,CREATED")
        #expect(csv.count == 11 && csv[1].hasPrefix("user000,") && csv[1].contains("u000@example.com"))
        model.handle(.key(.control("e")))
        let lines = String(decoding: try #require(try files.read("/work/cognito-tui-users-2023-11-14T221320Z.jsonl")), as: UTF8.self)
            .split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines[0].hasPrefix(#"{"USERNAME":"user000","#), "\(lines[0])")
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
        Self.type(model, "disable 3")
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
@Suite("The header's throttle count", .timeLimit(.minutes(5)))
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
