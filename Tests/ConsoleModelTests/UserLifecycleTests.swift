@testable import AWSCore
import CognitoAPI
import ConsoleModel
import ConsoleTestSupport
import Foundation
import Testing

/// Creating users and groups and managing passwords from the console, over the fake.
@MainActor
@Suite("User lifecycle in the console", .timeLimit(.minutes(5)))
struct UserLifecycleTests {
    static func typeText(_ model: ConsoleViewModel, _ text: String) {
        for char in text { model.handle(.key(.character(char))) }
    }

    static func form(_ model: ConsoleViewModel) -> Form? {
        if case .form(let form)? = model.screen.overlay { return form }
        return nil
    }

    @Test("c on Users creates a user with a generated temporary password, shown once and copyable; the list shows the user")
    func createWithGeneratedPassword() async throws {
        let backend = FakeBackend.withUsers(2)
        let model = await ActionTests.users(backend)
        var requests: [FrontEndRequest] = []
        model.onRequest = { requests.append($0) }
        model.handle(.key(.character("c")))
        await model.settle()
        let form = try #require(Self.form(model))
        #expect(form.title == "Create a user in us-east-1_A")
        #expect(form.fields.first?.label == "Username *")
        #expect(form.fields.contains { $0.label == "Temporary password" && $0.value == "generate one" })
        Self.typeText(model, "new.person")
        model.handle(.key(.enter))
        guard case .confirm? = model.screen.overlay else { Issue.record("no confirmation"); return }
        model.handle(.key(.character("y")))
        await model.settle()
        let password = try #require(backend.passwords["new.person"]?.password)
        #expect(PasswordRules().violations(password).isEmpty, "the generated password meets the default policy")
        guard case .confirm(let shown)? = model.screen.overlay else { Issue.record("the password is not shown"); return }
        #expect(shown.title == "Temporary password for new.person")
        #expect(shown.text.hasPrefix(password))
        model.handle(.key(.character("y")))
        #expect(requests.contains(.copyToClipboard(password)))
        #expect(model.screen.overlay == nil)
        await model.settle()
        guard case .table(let table) = model.screen.body else { Issue.record("no table"); return }
        #expect(table.rows.contains { $0.cells[0] == "new.person" })
    }

    @Test("a typed temporary password that breaks the policy is refused naming the rule; nothing is created")
    func weakTypedPassword() async throws {
        let backend = FakeBackend.withUsers(1)
        let model = await ActionTests.users(backend)
        model.handle(.key(.character("c")))
        await model.settle()
        let form = try #require(Self.form(model))
        Self.typeText(model, "weak.one")
        // To the password choice, then "type one", then the typed password.
        let choice = try #require(form.fields.firstIndex { $0.label == "Temporary password" })
        for _ in 0..<choice { model.handle(.key(.tab)) }
        model.handle(.key(.right))
        model.handle(.key(.tab))
        Self.typeText(model, "short")
        model.handle(.key(.tab))
        Self.typeText(model, "shorter")
        model.handle(.key(.enter))
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(model.screen.message?.text == "The two temporary passwords differ; nothing was sent.")
        model.handle(.key(.character("c")))
        await model.settle()
        Self.typeText(model, "weak.one")
        for _ in 0..<choice { model.handle(.key(.tab)) }
        model.handle(.key(.right))
        model.handle(.key(.tab))
        Self.typeText(model, "short")
        model.handle(.key(.tab))
        Self.typeText(model, "short")
        model.handle(.key(.enter))
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(!backend.calls.contains("AdminCreateUser"))
        #expect(model.screen.message?.text == "The temporary password breaks the pool's policy: it must be at least 8 characters long.")
    }

    @Test("w sets a password: both entries must match and meet the pool's rules before anything is sent")
    func setPassword() async throws {
        let backend = FakeBackend.withUsers(2)
        let model = await ActionTests.users(backend)
        model.handle(.key(.character("w")))
        await model.settle()
        let form = try #require(Self.form(model))
        #expect(form.fields.map(\.label) == ["New password *", "Again *", "Permanent"])
        Self.typeText(model, "alllowercase1!")
        model.handle(.key(.tab))
        Self.typeText(model, "alllowercase1!")
        guard case .form(let masked)? = model.screen.overlay else { Issue.record("the form closed"); return }
        #expect(masked.fields[0].value == String(repeating: "•", count: 14), "the password is masked")
        model.handle(.key(.enter))
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(!backend.calls.contains("AdminSetUserPassword"))
        #expect(model.screen.message?.text == "The password breaks the pool's policy: it must contain an uppercase letter.")

        model.handle(.key(.character("w")))
        await model.settle()
        Self.typeText(model, "Correct-Horse-9")
        model.handle(.key(.tab))
        Self.typeText(model, "Correct-Horse-9")
        model.handle(.key(.tab))
        model.handle(.key(.character(" ")))
        model.handle(.key(.enter))
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(backend.passwords["user001"]?.password == "Correct-Horse-9")
        #expect(backend.passwords["user001"]?.permanent == true)
        #expect(model.screen.message?.text == "Set a permanent password for user001.")
    }

    @Test("W resets and C confirms, each after y, each one call")
    func resetAndConfirm() async {
        let backend = FakeBackend.withUsers(2)
        let model = await ActionTests.users(backend)
        model.handle(.key(.character("W")))
        model.handle(.key(.character("y")))
        await model.settle()
        model.handle(.key(.character("C")))
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(backend.calls.filter { $0 == "AdminResetUserPassword" || $0 == "AdminConfirmSignUp" } == ["AdminResetUserPassword", "AdminConfirmSignUp"])
    }

    @Test("c on Groups creates a group from a form checked by the model; the list shows it")
    func createGroup() async throws {
        let backend = FakeBackend.withUsers(1)
        let model = ActionTests.model(backend, start: .userPool(id: "us-east-1_A", name: "pool-a"))
        model.handle(.key(.character("3")))
        await model.settle()
        model.handle(.key(.character("c")))
        await model.settle()
        Self.typeText(model, "auditors")
        model.handle(.key(.tab))
        Self.typeText(model, "Read-only auditors")
        model.handle(.key(.tab))
        Self.typeText(model, "-3")
        model.handle(.key(.enter))
        #expect(Self.form(model) != nil, "a negative precedence keeps the form open")
        model.handle(.key(.backspace))
        model.handle(.key(.backspace))
        Self.typeText(model, "5")
        model.handle(.key(.enter))
        model.handle(.key(.character("y")))
        await model.settle()
        let group = try #require(backend.groups["us-east-1_A"]?.first { $0.groupName == "auditors" })
        #expect(group.precedence == 5 && group.description == "Read-only auditors")
        guard case .table(let table) = model.screen.body else { Issue.record("no table"); return }
        #expect(table.rows.contains { $0.cells[0] == "auditors" })
    }

    @Test("read-only: c, w, W and C are refused with the reason and nothing is sent")
    func readOnly() async {
        let source = FakeBackend.withUsers(2)
        let backend = FakeBackend(readOnly: true)
        backend.pools = source.pools
        backend.users = source.users
        let model = await ActionTests.users(backend)
        for key in ["c", "w", "W", "C"] {
            model.handle(.key(.character(Character(key))))
            #expect(model.screen.overlay == nil, "\(key) opened something")
            #expect(model.screen.message?.text.contains("read-only") == true, "\(key)")
        }
        await model.settle()
        #expect(!backend.calls.contains { $0.hasPrefix("AdminCreate") || $0.hasPrefix("AdminSet") || $0.hasPrefix("AdminReset") || $0.hasPrefix("AdminConfirm") })
    }
}

@MainActor
@Suite("Group membership from both sides", .timeLimit(.minutes(5)))
struct MembershipTests {
    typealias IDP = CognitoIdentityProvider

    static func backend() -> FakeBackend {
        let backend = FakeBackend.withUsers(3)
        backend.groups["us-east-1_A"]! += [IDP.GroupType(groupName: "auditors", userPoolId: "us-east-1_A"),
                                            IDP.GroupType(groupName: "staff", userPoolId: "us-east-1_A")]
        return backend
    }

    @Test("on a user's Groups tab, a picks groups (typing narrows the list, space ticks) and the tab shows them; del removes one, the group stays")
    func fromTheUser() async throws {
        let backend = Self.backend()
        let model = ActionTests.model(backend, start: .user(poolID: "us-east-1_A", username: "user001"))
        model.handle(.key(.character("2")))
        await model.settle()
        model.handle(.key(.character("a")))
        await model.settle()
        guard case .picker(let picker)? = model.screen.overlay else { Issue.record("no picker: \(String(describing: model.screen.message))"); return }
        #expect(picker.items == ["admins", "auditors", "staff"])
        for char in "aud" { model.handle(.key(.character(char))) }
        guard case .picker(let narrowed)? = model.screen.overlay else { Issue.record("no picker"); return }
        #expect(narrowed.items == ["auditors"])
        model.handle(.key(.character(" ")))
        model.handle(.key(.control("u")))
        model.handle(.key(.down)); model.handle(.key(.down))
        model.handle(.key(.character(" ")))
        guard case .picker(let ticked)? = model.screen.overlay else { Issue.record("no picker"); return }
        #expect(ticked.checked == [1, 2])
        model.handle(.key(.enter))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no confirmation"); return }
        #expect(confirm.lines.map(\.text) == ["+ auditors", "+ staff"])
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(backend.calls.filter { $0 == "AdminAddUserToGroup" }.count == 2)
        guard case .table(let table) = model.screen.body else { Issue.record("no table"); return }
        #expect(table.rows.map { $0.cells[0] } == ["auditors", "staff"])

        model.handle(.key(.delete))
        guard case .confirm(let removal)? = model.screen.overlay else { Issue.record("no confirmation"); return }
        #expect(removal.text.contains("The group itself stays"))
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(backend.calls.contains("AdminRemoveUserFromGroup"))
        #expect(!backend.calls.contains("DeleteGroup"))
        #expect(backend.groups["us-east-1_A"]?.count == 3)
        guard case .table(let after) = model.screen.body else { Issue.record("no table"); return }
        #expect(after.rows.map { $0.cells[0] } == ["staff"])
    }

    @Test("on a group's Members tab, a searches the pool by username prefix as you type; del removes the selected member")
    func fromTheGroup() async throws {
        let backend = Self.backend()
        let model = ActionTests.model(backend, start: .group(poolID: "us-east-1_A", name: "staff"))
        model.handle(.key(.character("2")))
        await model.settle()
        model.handle(.key(.character("a")))
        await model.settle()
        guard case .picker(let empty)? = model.screen.overlay else { Issue.record("no picker"); return }
        #expect(empty.items.isEmpty && empty.note == "type to search")
        for char in "user00" {
            model.handle(.key(.character(char)))
            await model.settle()
        }
        #expect(backend.calls.filter { $0 == "ListUsers" }.count >= 1, "the pool was searched")
        guard case .picker(let found)? = model.screen.overlay else { Issue.record("no picker"); return }
        #expect(found.items == ["user000", "user001", "user002"])
        model.handle(.key(.character(" ")))
        model.handle(.key(.down)); model.handle(.key(.down))
        model.handle(.key(.character(" ")))
        model.handle(.key(.enter))
        model.handle(.key(.character("y")))
        await model.settle()
        guard case .table(let table) = model.screen.body else { Issue.record("no table"); return }
        #expect(table.rows.map { $0.cells[0] } == ["user000", "user002"])
        model.handle(.key(.control("x")))
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(backend.members["staff"]?.map(\.username) == ["user002"])
        #expect(backend.users["us-east-1_A"]?.count == 3, "the user stays in the pool")
    }

    @Test("read-only: a on a user's empty Groups tab is refused with the reason")
    func readOnlyAdd() async {
        let source = Self.backend()
        let backend = FakeBackend(readOnly: true)
        backend.pools = source.pools
        backend.users = source.users
        backend.groups = source.groups
        let model = ActionTests.model(backend, start: .user(poolID: "us-east-1_A", username: "user001"))
        model.handle(.key(.character("2")))
        await model.settle()
        model.handle(.key(.character("a")))
        #expect(model.screen.message?.text == "Add the user to groups: read-only: AdminAddUserToGroup changes data.")
    }

    @Test("membership actions are not offered on the pool's own Groups list, where delete deletes the group")
    func notOnThePoolsGroups() async {
        let model = ActionTests.model(Self.backend(), start: .userPool(id: "us-east-1_A", name: "pool-a"))
        model.handle(.key(.character("3")))
        await model.settle()
        let titles = KeyDispatch.help(for: model.state).map(\.title)
        #expect(!titles.contains { $0.hasPrefix("add the user") || $0.hasPrefix("remove the user") })
        #expect(titles.contains("delete group"))
    }
}

@MainActor
@Suite("MFA, devices and sign-in feedback in the console", .timeLimit(.minutes(5)))
struct UserSecurityTests {
    typealias IDP = CognitoIdentityProvider

    @Test("f shows the user's MFA methods and sets them; a preferred method that is not enabled is refused")
    func mfa() async throws {
        let backend = FakeBackend.withUsers(2)
        backend.mfa["user001"] = ("SOFTWARE_TOKEN_MFA", ["SOFTWARE_TOKEN_MFA"])
        let model = ActionTests.model(backend, start: .user(poolID: "us-east-1_A", username: "user001"))
        await model.settle()
        model.handle(.key(.character("f")))
        await model.settle()
        guard case .form(let form)? = model.screen.overlay else { Issue.record("no form"); return }
        #expect(form.fields.map(\.value) == ["no", "yes", "no", "TOTP"])
        model.handle(.key(.character(" ")))              // SMS on
        model.handle(.key(.tab)); model.handle(.key(.tab)); model.handle(.key(.tab))
        model.handle(.key(.left))                         // preferred: SMS
        model.handle(.key(.enter))
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(backend.mfa["user001"]?.preferred == "SMS_MFA")
        #expect(backend.mfa["user001"]?.methods == ["SMS_MFA", "SOFTWARE_TOKEN_MFA"])

        model.handle(.key(.character("f")))
        await model.settle()
        model.handle(.key(.character(" ")))              // SMS off while it is preferred
        model.handle(.key(.enter))
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(model.screen.message?.text == "The preferred method must be one of the enabled ones.")
        #expect(backend.calls.filter { $0 == "AdminSetUserMFAPreference" }.count == 1)
    }

    @Test("on the Devices tab, M remembers a device (its row is read back) and del forgets it")
    func devices() async throws {
        let backend = FakeBackend.withUsers(2)
        backend.devices["user001"] = [IDP.DeviceType(deviceKey: "us-east-1_dev1", deviceAttributes: [.init(name: "device_name", value: "Firefox")]),
                                      IDP.DeviceType(deviceKey: "us-east-1_dev2")]
        let model = ActionTests.model(backend, start: .user(poolID: "us-east-1_A", username: "user001"))
        model.handle(.key(.character("3")))
        await model.settle()
        model.handle(.key(.character("M")))
        model.handle(.key(.character("y")))
        await model.settle()
        guard case .table(let table) = model.screen.body else { Issue.record("no table: \(model.screen.body)"); return }
        #expect(table.rows[0].cells[2] == "yes")
        #expect(backend.calls.suffix(2) == ["AdminUpdateDeviceStatus", "AdminGetDevice"])
        model.handle(.key(.delete))
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(backend.devices["user001"]?.map(\.deviceKey) == ["us-east-1_dev2"])
        guard case .table(let after) = model.screen.body else { Issue.record("no table"); return }
        #expect(after.rows.map { $0.cells[0] } == ["us-east-1_dev2"])
    }

    @Test("on the Sign-in history tab, I marks a sign-in invalid and the list shows the feedback")
    func feedback() async throws {
        let backend = FakeBackend.withUsers(2)
        backend.authEvents["user001"] = [IDP.AuthEventType(eventId: "e1", eventType: .signIn, eventResponse: .pass)]
        let model = ActionTests.model(backend, start: .user(poolID: "us-east-1_A", username: "user001"))
        model.handle(.key(.character("4")))
        await model.settle()
        model.handle(.key(.character("I")))
        model.handle(.key(.character("y")))
        await model.settle()
        guard case .table(let table) = model.screen.body else { Issue.record("no table"); return }
        #expect(table.rows[0].cells[4] == "Invalid")
    }
}

@MainActor
@Suite("Linked identities in the console", .timeLimit(.minutes(5)))
struct LinkedIdentityTests {
    @Test("l links a provider's user and the tab lists it; del unlinks it")
    func linkAndUnlink() async throws {
        let backend = FakeBackend.withUsers(2)
        let model = ActionTests.model(backend, start: .user(poolID: "us-east-1_A", username: "user001"))
        model.handle(.key(.character("5")))
        await model.settle()
        #expect(model.screen.body == .notice(Notice(.empty, "No linked identities.")))
        model.handle(.key(.character("l")))
        await model.settle()
        for char in "Google" { model.handle(.key(.character(char))) }
        model.handle(.key(.tab)); model.handle(.key(.tab))
        for char in "10987654321" { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        model.handle(.key(.character("y")))
        await model.settle()
        guard case .table(let table) = model.screen.body else { Issue.record("no table: \(model.screen.body)"); return }
        #expect(table.rows.map { $0.cells[0] + " " + $0.cells[1] } == ["Google 10987654321"])
        model.handle(.key(.delete))
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(backend.calls.contains("AdminDisableProviderForUser"))
        #expect(model.screen.body == .notice(Notice(.empty, "No linked identities.")))
    }
}

@MainActor
@Suite("Editing a user's attributes through a form", .timeLimit(.minutes(5)))
struct AttributeFormTests {
    typealias IDP = CognitoIdentityProvider

    @Test("u: a form of the mutable attributes; a changed one and an emptied one become one update and one delete, the rest kept")
    func editAttributes() async throws {
        let backend = FakeBackend.withUsers(2)
        backend.pools[0].schemaAttributes = [
            IDP.SchemaAttributeType(name: "email", mutable: true, required: true),
            IDP.SchemaAttributeType(name: "given_name", mutable: true),
            IDP.SchemaAttributeType(name: "nickname", mutable: true),
            IDP.SchemaAttributeType(name: "birthdate", mutable: false),
        ]
        backend.users["us-east-1_A"]![1].attributes = [.init(name: "email", value: "u001@example.com"), .init(name: "given_name", value: "Ann"),
                                                         .init(name: "nickname", value: "annie"), .init(name: "birthdate", value: "1990-01-01")]
        let model = ActionTests.model(backend, start: .user(poolID: "us-east-1_A", username: "user001"))
        await model.settle()
        model.handle(.key(.character("u")))
        await model.settle()
        guard case .form(let form)? = model.screen.overlay else { Issue.record("no form: \(String(describing: model.screen.message))"); return }
        #expect(!form.fields.contains { $0.label.hasPrefix("birthdate") }, "immutable attributes are not offered")
        let given = try #require(form.fields.firstIndex { $0.label == "given_name" })
        let nickname = try #require(form.fields.firstIndex { $0.label == "nickname" })
        for _ in 0..<given { model.handle(.key(.tab)) }
        model.handle(.key(.control("u")))
        for char in "Anne" { model.handle(.key(.character(char))) }
        for _ in given..<nickname { model.handle(.key(.tab)) }
        model.handle(.key(.control("u")))
        model.handle(.key(.enter))
        await model.settle()
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no diff"); return }
        #expect(confirm.lines.contains(ConfirmLine(.changed, "~ UserAttributes.given_name: \"Ann\" → \"Anne\"")))
        #expect(confirm.lines.contains(ConfirmLine(.removed, "- UserAttributes.nickname: \"annie\"")))
        #expect(confirm.lines.contains(ConfirmLine(.kept, "= UserAttributes.email: \"u001@example.com\" (kept)")))
        model.handle(.key(.character("y")))
        await model.settle()
        #expect(backend.calls.filter { $0.hasPrefix("AdminUpdateUserAttributes") || $0.hasPrefix("AdminDeleteUserAttributes") }
                == ["AdminUpdateUserAttributes", "AdminDeleteUserAttributes"])
        let attributes = Dictionary(uniqueKeysWithValues: (backend.users["us-east-1_A"]![1].attributes ?? []).map { ($0.name, $0.value ?? "") })
        #expect(attributes == ["email": "u001@example.com", "given_name": "Anne", "birthdate": "1990-01-01"])
    }
}
