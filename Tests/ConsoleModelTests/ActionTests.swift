@testable import AWSCore
import CognitoAPI
import ConsoleModel
import ConsoleTestSupport
import Foundation
import Testing

/// Actions that change things, through the view-model over the in-memory fake: keys, forms,
/// confirmations, diffs, the calls made, and what is refreshed after.
@MainActor
@Suite("Actions: confirm, send, refresh", .timeLimit(.minutes(5)))
struct ActionTests {
    static func model(_ backend: FakeBackend, start: PaneKind) -> ConsoleViewModel {
        let model = ConsoleViewModel(backend: backend, start: start, makeBackend: { _, _ in throw AWSClientError.configuration("no") })
        model.handle(.resize(columns: 100, rows: 30, bodyHeight: 11))
        return model
    }

    /// The users tab of pool-a with `count` users loaded, cursor on `user001`.
    static func users(_ backend: FakeBackend) async -> ConsoleViewModel {
        let model = model(backend, start: .userPool(id: "us-east-1_A", name: "pool-a"))
        model.handle(.key(.character("2")))
        await model.settle()
        model.handle(.key(.character("j")))
        return model
    }

    static func rows(_ model: ConsoleViewModel) -> [[String]] {
        guard case .table(let table) = model.screen.body else { return [] }
        return table.rows.map(\.cells)
    }

    @Test("disable asks y/n, sends AdminDisableUser, reads the user back and redraws only that row")
    func disableUser() async {
        let backend = FakeBackend.withUsers(3)
        let model = await Self.users(backend)
        #expect(Self.rows(model)[1][4] == "yes")
        model.handle(.key(.character("D")))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no confirmation"); return }
        #expect(confirm.typeToConfirm == nil)
        #expect(confirm.text.contains("Disable user001?"))
        #expect(!backend.calls.contains("AdminDisableUser"), "nothing is sent before the answer")
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(backend.calls.suffix(2) == ["AdminDisableUser", "AdminGetUser"])
        #expect(!backend.calls.suffix(2).contains("ListUsers"), "the list is not loaded again")
        #expect(Self.rows(model)[1][4] == "no")
        #expect(model.screen.message?.text == "Disabled user001.")
    }

    @Test("n cancels a confirmation and nothing is sent")
    func cancelled() async {
        let backend = FakeBackend.withUsers(3)
        let model = await Self.users(backend)
        model.handle(.key(.character("D")))
        model.handle(.key(.character("n")))
        await model.settle()
        #expect(!backend.calls.contains("AdminDisableUser"))
        #expect(model.screen.overlay == nil)
        #expect(model.screen.message?.text == "Cancelled; nothing was sent.")
    }

    @Test("delete wants the username typed; a wrong name sends nothing; the row goes after")
    func deleteUser() async {
        let backend = FakeBackend.withUsers(3)
        let model = await Self.users(backend)
        model.handle(.key(.control("x")))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no confirmation"); return }
        #expect(confirm.typeToConfirm == "user001")
        for char in "user00" { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        await model.settle()
        #expect(!backend.calls.contains("AdminDeleteUser"))
        model.handle(.key(.character("1")))
        model.handle(.key(.enter))
        await model.settle()
        #expect(backend.calls.last == "AdminDeleteUser")
        #expect(Self.rows(model).map { $0[0] } == ["user000", "user002"])
    }

    @Test("read-only refuses a change on its key and from the palette, and says why; nothing is sent")
    func readOnly() async {
        let backend = FakeBackend.withUsers(3)
        let readOnly = FakeBackend(readOnly: true)
        readOnly.pools = backend.pools
        readOnly.users = backend.users
        let model = await Self.users(readOnly)
        model.handle(.key(.character("D")))
        #expect(model.screen.overlay == nil)
        #expect(model.screen.message?.text.contains("read-only: AdminDisableUser changes data") == true)
        model.handle(.key(.character(":")))
        for char in "delete" { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        await model.settle()
        #expect(model.screen.overlay == nil)
        #expect(!readOnly.calls.contains { $0.hasPrefix("AdminDisable") || $0.hasPrefix("AdminDelete") })
    }

    @Test(":disable runs the action of the selected row, like its key")
    func paletteVerb() async {
        let backend = FakeBackend.withUsers(3)
        let model = await Self.users(backend)
        model.handle(.key(.character(":")))
        for char in "disable" { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no confirmation"); return }
        #expect(confirm.text.contains("user001"))
    }

    @Test("a protected profile asks for the name even for a reversible change, and the header says so")
    func protectedProfile() async {
        let backend = FakeBackend.withUsers(3)
        let guarded = FakeBackend(protected: true)
        guarded.pools = backend.pools
        guarded.users = backend.users
        let model = await Self.users(guarded)
        #expect(model.screen.header.protected)
        model.handle(.key(.character("D")))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no confirmation"); return }
        #expect(confirm.typeToConfirm == "user001")
    }

    /// A group pane of pool-a's `admins` (description "Administrators", precedence 1, a role).
    static func group(_ backend: FakeBackend) async -> ConsoleViewModel {
        backend.groups["us-east-1_A"]![0].roleArn = "arn:aws:iam::123456789012:role/admins"
        let model = model(backend, start: .group(poolID: "us-east-1_A", name: "admins"))
        await model.settle()
        return model
    }

    @Test("change group: a form from GetGroup, a diff that keeps what was not edited, GetGroup again, then UpdateGroup")
    func updateGroup() async throws {
        let backend = FakeBackend.withUsers(1)
        let model = await Self.group(backend)
        model.handle(.key(.character("u")))
        await model.settle()
        guard case .form(let form)? = model.screen.overlay else { Issue.record("no form"); return }
        #expect(form.fields.map(\.value) == ["Administrators", "1", "arn:aws:iam::123456789012:role/admins"])
        model.handle(.key(.control("u")))
        for char in "Admins of pool A" { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        await model.settle()
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no diff"); return }
        #expect(confirm.lines.first == ConfirmLine(.changed, "~ Description: \"Administrators\" → \"Admins of pool A\""))
        #expect(confirm.lines.contains(ConfirmLine(.kept, "= Precedence: 1 (kept)")))
        #expect(confirm.lines.contains(ConfirmLine(.kept, "= RoleArn: \"arn:aws:iam::123456789012:role/admins\" (kept)")))
        #expect(!backend.calls.contains("UpdateGroup"))
        let before = backend.calls.count
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(Array(backend.calls[before...].prefix(2)) == ["GetGroup", "UpdateGroup"])
        let group = try #require(backend.groups["us-east-1_A"]?.first)
        #expect(group.description == "Admins of pool A")
        #expect(group.precedence == 1)
        #expect(group.roleArn == "arn:aws:iam::123456789012:role/admins")
        guard case .detail(let detail) = model.screen.body else { Issue.record("no detail"); return }
        #expect(detail.sections[0].rows.contains { $0.key == "Description" && $0.value == "Admins of pool A" },
                "the pane is read again after the change")
    }

    @Test("a group changed by someone else after the diff is shown again, and nothing is overwritten")
    func changedMeanwhile() async {
        let backend = FakeBackend.withUsers(1)
        let model = await Self.group(backend)
        model.handle(.key(.character("u")))
        await model.settle()
        model.handle(.key(.control("u")))
        for char in "Mine" { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        await model.settle()
        backend.groups["us-east-1_A"]![0].precedence = 7
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(!backend.calls.contains("UpdateGroup"))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no new diff"); return }
        #expect(confirm.text.hasPrefix("admins changed since it was read"))
        #expect(confirm.lines.contains(ConfirmLine(.kept, "= Precedence: 7 (kept)")))
    }

    @Test("form fields are checked by the model as they are typed; Enter does not send an invalid form")
    func formValidation() async {
        let backend = FakeBackend.withUsers(1)
        let model = await Self.group(backend)
        model.handle(.key(.character("u")))
        await model.settle()
        model.handle(.key(.tab))
        model.handle(.key(.character("x")))
        guard case .form(let form)? = model.screen.overlay else { Issue.record("no form"); return }
        #expect(form.fields[1].error == "Precedence must be a whole number.")
        model.handle(.key(.backspace))
        model.handle(.key(.backspace))
        model.handle(.key(.character("-")))
        model.handle(.key(.character("1")))
        guard case .form(let ranged)? = model.screen.overlay else { Issue.record("no form"); return }
        #expect(ranged.fields[1].error?.contains("Precedence") == true, "the model's minimum of 0 applies")
        model.handle(.key(.enter))
        await model.settle()
        #expect(!backend.calls.contains("UpdateGroup"))
        guard case .form? = model.screen.overlay else { Issue.record("the form closed"); return }
    }

    @Test("Esc on a form that was typed in asks first; a second Esc discards it")
    func escapeAsks() async {
        let backend = FakeBackend.withUsers(1)
        let model = await Self.group(backend)
        model.handle(.key(.character("u")))
        await model.settle()
        model.handle(.key(.character("!")))
        model.handle(.key(.escape))
        guard case .form(let form)? = model.screen.overlay else { Issue.record("the form closed at once"); return }
        #expect(form.hint.contains("esc again discards"))
        model.handle(.key(.escape))
        #expect(model.screen.overlay == nil)
    }

    @Test("e: an invalid edit goes back to the editor with the error on top; a valid one is diffed")
    func editJSON() async {
        let backend = FakeBackend.withUsers(1)
        let model = await Self.group(backend)
        var requests: [EditRequest] = []
        model.onRequest = { if case .edit(let request) = $0 { requests.append(request) } }
        model.handle(.key(.character("e")))
        await model.settle()
        let first = try? #require(requests.last)
        #expect(first?.text.contains("\"Description\" : \"Administrators\"") == true)
        guard let first else { return }
        model.editorFinished(ticket: first.ticket, text: first.text.replacingOccurrences(of: "\"Precedence\" : 1", with: "\"Precedence\" : \"one\""))
        await model.settle()
        #expect(requests.count == 2)
        #expect(requests.last?.text.hasPrefix("# ERROR: UpdateGroup: Precedence") == true)
        #expect(!backend.calls.contains("UpdateGroup"))
        let second = requests.last!
        let fixed = second.text.replacingOccurrences(of: "\"Precedence\" : \"one\"", with: "\"Precedence\" : 3")
        model.editorFinished(ticket: second.ticket, text: fixed)
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no diff"); return }
        #expect(confirm.lines.first == ConfirmLine(.changed, "~ Precedence: 1 → 3"))
    }

    @Test("every action of every descriptor: read-only disables exactly those that call a mutating operation")
    func readOnlyCoversEveryAction() {
        var seen = 0
        for descriptor in ResourceRegistry.descriptors {
            for action in descriptor.actions {
                seen += 1
                for readOnly in [false, true] {
                    let state = ConsoleState(info: BackendInfo(profile: "p", region: "r", readOnly: readOnly))
                    let mutates = action.operations.contains { OperationFacts.operation($0)?.mutates ?? true }
                    #expect((Reducer.whyDisabled(action, state) != nil) == (readOnly && mutates),
                            "\(descriptor.kind) \(action.verb)")
                }
                #expect(!action.operations.isEmpty, "\(descriptor.kind) \(action.verb) declares its operations")
                for operation in action.operations {
                    #expect(OperationFacts.operation(operation) != nil, "\(operation) is a real operation")
                }
            }
        }
        #expect(seen >= 6)
    }
}

@MainActor
@Suite("Sign out everywhere", .timeLimit(.minutes(5)))
struct SignOutTests {
    @Test("O asks, says access tokens stay valid, and sends AdminUserGlobalSignOut for the selected user only")
    func signOut() async {
        let backend = FakeBackend.withUsers(3)
        let model = await ActionTests.users(backend)
        model.handle(.key(.character("O")))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no confirmation"); return }
        #expect(confirm.text.contains("stay valid until they expire"))
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(backend.calls.filter { $0 == "AdminUserGlobalSignOut" }.count == 1)
        #expect(model.screen.message?.text.hasPrefix("Signed user001 out everywhere") == true)
    }
}
