@testable import AWSCore
import CognitoAPI
import ConsoleModel
import ConsoleTestSupport
import Foundation
import Testing

@MainActor
@Suite("The view-model over a fake backend", .timeLimit(.minutes(5)))
struct ViewModelTests {
    static func model(_ backend: FakeBackend, start: PaneKind = .userPools,
                      factory: @escaping BackendFactory = { _, _ in throw AWSClientError.configuration("no") }) -> ConsoleViewModel {
        let model = ConsoleViewModel(backend: backend, profiles: ["default", "prod"], start: start, makeBackend: factory)
        model.handle(.resize(columns: 100, rows: 30, bodyHeight: 11))
        return model
    }

    @Test("the header shows a call in flight until the first page of user pools arrives")
    func firstPage() async {
        let model = Self.model(.withUsers(3))
        #expect(model.screen.header.callsInFlight == 1)
        #expect(model.screen.header.endpoint == "http://127.0.0.1:1")
        await model.settle()
        #expect(model.screen.header.callsInFlight == 0)
        guard case .table(let table) = model.screen.body else { Issue.record("no table"); return }
        #expect(table.rows.map { $0.cells[0] } == ["pool-a", "pool-b"])
        #expect(model.screen.footer.paging == "2 total")
    }

    @Test("a pool's Summary shows its settings from DescribeUserPool")
    func summary() async {
        let model = Self.model(.withUsers(3))
        await model.settle()
        model.handle(.key(.enter))
        await model.settle()
        guard case .detail(let detail) = model.screen.body else { Issue.record("no detail"); return }
        let rows = Dictionary(detail.sections.flatMap(\.rows).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(rows["ARN"] == "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_A")
        #expect(rows["MFA"] == "OPTIONAL")
        #expect(rows["Estimated users"] == "3")
        #expect(detail.sections.map(\.title).contains("Password policy"))
    }

    @Test("users page in as the cursor moves and load all reaches every one of them")
    func usersLoadAll() async {
        let backend = FakeBackend.withUsers(95)
        let model = Self.model(backend, start: .userPool(id: "us-east-1_A", name: "pool-a"))
        model.handle(.key(.character("2")))
        await model.settle()
        // Pages of 10 and a 10-row viewport: pages are fetched until 20 rows lie past the cursor.
        #expect(model.screen.footer.paging == "30 loaded, more available")
        model.handle(.key(.character("L")))
        await model.settle()
        #expect(model.screen.footer.paging == "95 total")
        guard case .table(let table) = model.screen.body else { Issue.record("no table"); return }
        #expect(table.rows.count == 95)
        #expect(Set(table.rows.map { $0.cells[0] }).count == 95, "each user once")
        #expect(table.rows.first { $0.cells[0] == "user000" }?.dimmed == true, "user000 is disabled")
        // Three pages for the first 30, then the scan: a pool estimated at two of the service's
        // pages or fewer goes through one chain (sixteen would cost more calls), ten pages here.
        #expect(backend.calls.filter { $0 == "ListUsers" }.count == 3 + 10)
    }

    @Test("an operation the endpoint does not support shows in place; other tabs still work")
    func unsupportedInPlace() async {
        let backend = FakeBackend.withUsers(3)
        backend.failures["AdminListDevices"] = AWSServiceError(code: "UnknownOperationException", message: "", httpStatus: 400,
                                                               requestId: "r-9", operation: "AdminListDevices")
        let model = Self.model(backend, start: .user(poolID: "us-east-1_A", username: "user001"))
        model.handle(.key(.character("3")))
        await model.settle()
        #expect(model.screen.body == .notice(Notice(.error, "The endpoint does not support AdminListDevices (request id r-9).")))
        model.handle(.key(.character("1")))
        await model.settle()
        guard case .detail(let detail) = model.screen.body else { Issue.record("summary broken"); return }
        #expect(detail.sections.first?.rows.first?.value == "user001")
    }

    @Test("y asks the front end to copy the id; q asks it to quit")
    func frontEndRequests() async {
        let model = Self.model(.withUsers(3))
        var requests: [FrontEndRequest] = []
        model.onRequest = { requests.append($0) }
        await model.settle()
        model.handle(.key(.character("y")))
        #expect(model.screen.message == StatusMessage(.info, "Copied us-east-1_A to the clipboard."))
        model.handle(.key(.character("q")))
        #expect(requests == [.copyToClipboard("us-east-1_A"), .quit])
    }

    @Test("d shows the JSON with sorted keys and the client secret masked")
    func describeJSON() async {
        let model = Self.model(.withUsers(3), start: .userPool(id: "us-east-1_A", name: "pool-a"))
        model.handle(.key(.character("4")))
        await model.settle()
        model.handle(.key(.character("d")))
        await model.settle()
        guard case .text(let text) = model.screen.body else { Issue.record("no text"); return }
        #expect(text.syntax == .json)
        #expect(text.lines.contains(#"    "ClientSecret" : "********","#))
        #expect(!text.lines.joined().contains("s3cr3t"))
        let keys = text.lines.filter { $0.hasPrefix("    \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
        model.handle(.key(.escape))
        #expect(model.state.current.kind == .userPool(id: "us-east-1_A", name: "pool-a"))
    }

    @Test("a profile the factory cannot build is one sentence and the console stays where it was")
    func profileFailure() async {
        let model = Self.model(.withUsers(3)) { profile, _ in
            throw AWSClientError.configuration("The config profile `\(profile)` could not be found.")
        }
        await model.settle()
        model.handle(.key(.character(":")))
        for char in "profile nope" { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        await model.settle()
        #expect(model.screen.message == StatusMessage(.error, "The config profile `nope` could not be found."))
        #expect(model.screen.header.profile == "test")
        guard case .table = model.screen.body else { Issue.record("lost the table"); return }
    }

    @Test("of two quick switches the later one wins, even when the earlier one finishes last")
    func quickSwitches() async {
        let slow = FakeBackend(region: "eu-west-1"), fast = FakeBackend(region: "ap-south-1")
        let model = Self.model(.withUsers(3)) { _, region in
            if region == "eu-west-1" { usleep(300_000); return slow }
            return fast
        }
        await model.settle()
        for command in ["region eu-west-1", "region ap-south-1"] {
            model.handle(.key(.character(":")))
            for char in command { model.handle(.key(.character(char))) }
            model.handle(.key(.enter))
        }
        await model.settle()
        #expect(model.screen.header.region == "ap-south-1")
        #expect(model.state.info.region == "ap-south-1")
    }

    @Test("switching region calls the new backend and shows it in the header")
    func regionSwitch() async {
        let other = FakeBackend(region: "eu-west-1")
        let model = Self.model(.withUsers(3)) { profile, region in
            #expect(profile == "test" && region == "eu-west-1")
            return other
        }
        await model.settle()
        model.handle(.key(.character("R")))
        guard case .picker(let picker)? = model.screen.overlay else { Issue.record("no picker"); return }
        #expect(picker.items[picker.selected] == "us-east-1")
        let index = picker.items.firstIndex(of: "eu-west-1")!
        // The regions are sorted by name, so eu-west-1 may be above the current one.
        for _ in 0..<abs(index - picker.selected) { model.handle(.key(index > picker.selected ? .down : .up)) }
        model.handle(.key(.enter))
        await model.settle()
        #expect(other.calls == ["ListUserPools"])
        #expect(model.screen.message?.text == "Now using profile test in eu-west-1.")
    }

    @Test("the @ log shows the calls the relay reports, with retries")
    func callLog() async throws {
        let model = Self.model(.withUsers(3))
        let relay = CallLogRelay()
        relay.didFinish(CallRecord(service: "cognito-idp", operation: "ListUsers", started: Date(timeIntervalSince1970: 3_723),
                                   duration: 0.0425, status: 200, attempts: 3, requestId: "req-7", errorCode: nil))
        relay.attach(model)
        await model.settle()
        for _ in 0..<100 where model.state.callLog.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        model.handle(.key(.character("@")))
        guard case .table(let table) = model.screen.body else { Issue.record("no log"); return }
        #expect(table.rows.last?.cells == ["01:02:03", "ListUsers", "43", "200", "2", "req-7"])
        #expect(model.screen.footer.paging == "1 calls")
    }

    @Test("an identity pool's settings show roles, role-mapping rules in order and principal tags")
    func identityPool() async {
        typealias CI = CognitoIdentity
        let backend = FakeBackend()
        backend.identityPools = [CI.IdentityPool(identityPoolId: "us-east-1:p1", identityPoolName: "app", allowUnauthenticatedIdentities: true,
                                                 supportedLoginProviders: ["accounts.google.com": "client.apps"])]
        let rules = [CI.MappingRule(claim: "group", matchType: .equals, value: "admin", roleARN: "arn:aws:iam::1:role/admin"),
                     CI.MappingRule(claim: "email", matchType: .contains, value: "@corp", roleARN: "arn:aws:iam::1:role/staff")]
        backend.roles["us-east-1:p1"] = CI.GetIdentityPoolRolesResponse(
            identityPoolId: "us-east-1:p1", roles: ["authenticated": "arn:aws:iam::1:role/auth"],
            roleMappings: ["accounts.google.com": CI.RoleMapping(type: .rules, ambiguousRoleResolution: .deny,
                                                                  rulesConfiguration: CI.RulesConfigurationType(rules: rules))])
        let model = Self.model(backend, start: .identityPools)
        await model.settle()
        model.handle(.key(.enter))
        await model.settle()
        guard case .detail(let detail) = model.screen.body else { Issue.record("no detail"); return }
        let mapping = detail.sections.first { $0.title == "Role mapping: accounts.google.com" }
        #expect(mapping?.rows.map(\.key) == ["Type", "Ambiguous", "Rule 1", "  → role", "Rule 2", "  → role"])
        #expect(mapping?.rows[2].value == #"group Equals "admin""#)
        #expect(mapping?.rows[3].value == "arn:aws:iam::1:role/admin")
        let tags = detail.sections.first { $0.title == "Principal tags: accounts.google.com" }
        #expect(tags?.rows.last.map { "\($0.key)=\($0.value)" } == "team=custom:team")
        #expect(detail.sections.first?.rows.contains { $0.key == "Unauthenticated access" && $0.value == "allowed" } == true)
    }
}

@MainActor
@Suite("A user's sign-in history", .timeLimit(.minutes(5)))
struct SignInHistoryTests {
    @Test("the user's Sign-in history tab lists events with outcome, risk and place; failures dimmed")
    func signIns() async {
        typealias IDP = CognitoIdentityProvider
        let backend = FakeBackend.withUsers(2)
        backend.authEvents["user001"] = [
            IDP.AuthEventType(eventId: "e1", eventType: .signIn, creationDate: Date(timeIntervalSince1970: 1_700_000_000),
                              eventResponse: .fail, eventRisk: .init(riskDecision: .block, riskLevel: .high),
                              eventContextData: .init(ipAddress: "203.0.113.9", deviceName: "Firefox", city: "Lyon", country: "France")),
            IDP.AuthEventType(eventId: "e2", eventType: .signIn, creationDate: Date(timeIntervalSince1970: 1_700_000_600),
                              eventResponse: .pass),
        ]
        let model = ViewModelTests.model(backend, start: .user(poolID: "us-east-1_A", username: "user001"))
        await model.settle()
        #expect(model.screen.tabs[3] == "Sign-in history")
        model.handle(.key(.character("4")))
        await model.settle()
        guard case .table(let table) = model.screen.body else { Issue.record("no table: \(model.screen.body)"); return }
        #expect(table.rows.map { $0.cells[2] } == ["Fail", "Pass"])
        #expect(table.rows[0].cells[3] == "High, Block")
        #expect(table.rows[0].cells[6] == "Lyon, France")
        #expect(table.rows[0].dimmed && !table.rows[1].dimmed)
    }
}
