@testable import AWSCore
import CognitoAPI
import ConsoleModel
import ConsoleTestSupport
import Foundation
import Testing

/// `:audit`: the audit log that the client core writes, read back into a list.
@MainActor
@Suite("The audit pane", .timeLimit(.minutes(5)))
struct AuditPaneTests {
    static let path = "/state/cognito-tui/audit.jsonl"

    /// Writes two changes through the core's own `AuditLog`, so the pane reads what the core writes.
    static func files() -> MemoryFiles {
        let files = MemoryFiles()
        let log = AuditLog(path: path, profile: "prod", files: files, onError: { _ in })
        for (operation, error, seconds) in [("AdminDisableUser", nil, 1_700_000_000.0), ("DeleteGroup", "ResourceNotFoundException", 1_700_000_060.0)] {
            log.didFinish(CallRecord(service: "cognito-idp", operation: operation, started: Date(timeIntervalSince1970: seconds),
                                     duration: 0.1, status: error == nil ? 200 : 400, attempts: 1, requestId: "req-\(operation)",
                                     errorCode: error, mutates: true,
                                     redactedInput: "{\"UserPoolId\":\"eu-west-1_A\",\"Password\":\"********\"}",
                                     region: "eu-west-1"))
        }
        return files
    }

    @Test(":audit lists the changes newest first, failures dimmed, and / filters them")
    func listsNewestFirst() async {
        let model = ConsoleViewModel(backend: FakeBackend(), start: .userPools,
                                     local: LocalSources(audit: AuditTrail(path: Self.path, files: Self.files())),
                                     makeBackend: { _, _ in throw AWSClientError.configuration("no") })
        model.handle(.resize(columns: 120, rows: 30, bodyHeight: 11))
        model.handle(.key(.character(":")))
        for char in "audit" { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        await model.settle()
        #expect(model.screen.breadcrumbs == ["Audit log"])
        guard case .table(let table) = model.screen.body else { Issue.record("no table: \(model.screen.body)"); return }
        #expect(table.rows.map { $0.cells[3] } == ["DeleteGroup", "AdminDisableUser"])
        #expect(table.rows[0].cells[4] == "failed ResourceNotFoundException")
        #expect(table.rows[0].dimmed && !table.rows[1].dimmed)
        #expect(table.rows[1].cells[0] == "2023-11-14 22:13:20")
        #expect(table.rows[1].cells[1] == "prod")
        #expect(table.rows[1].cells[6].contains("\"Password\":\"********\""))
        model.handle(.key(.character("/")))
        for char in "disable" { model.handle(.key(.character(char))) }
        guard case .table(let filtered) = model.screen.body else { Issue.record("no table"); return }
        #expect(filtered.rows.map { $0.cells[3] } == ["AdminDisableUser"])
    }

    @Test("without an audit log the pane says so in one sentence")
    func noLog() async {
        let model = ConsoleViewModel(backend: FakeBackend(), start: .list(ListSource(.audit)),
                                     makeBackend: { _, _ in throw AWSClientError.configuration("no") })
        await model.settle()
        #expect(model.screen.body == .notice(Notice(.error, "No audit log is configured.")))
    }
}
