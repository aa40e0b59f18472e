import AWSCore
import CognitoAPI
import ConsoleModel
import Foundation
import Testing
import TestSupport

/// The view-model over the real clients against the shared emulator: pages from the service flow
/// into the panes. Each test seeds its own uniquely named resources.
@MainActor
@Suite("The console against the emulator", .timeLimit(.minutes(5)))
struct EmulatorConsoleTests {
    static func backend() throws -> ClientBackend {
        let keys = TestEmulator.keys
        func client(_ service: ServiceDescriptor) throws -> AWSClient {
            AWSClient(service: service, region: "us-east-1", endpoint: Endpoint(url: try TestEmulator.url())!,
                      credentials: FixedCredentials(keys), transport: CurlTransport(), context: RuntimeContext(environment: [:]))
        }
        return ClientBackend(identityProvider: CognitoIdentityProviderClient(try client(.cognitoIdentityProvider)),
                             identity: CognitoIdentityClient(try client(.cognitoIdentity)), profile: "emulator")
    }

    static func unique(_ prefix: String) -> String {
        "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    }

    static func model(_ backend: ClientBackend, start: PaneKind) -> ConsoleViewModel {
        let model = ConsoleViewModel(backend: backend, start: start, makeBackend: { _, _ in backend })
        model.handle(.resize(columns: 100, rows: 30, bodyHeight: 20))
        return model
    }

    @Test("250 users: the first page shows, then load all reaches 250 total")
    func usersPageIn() async throws {
        let backend = try Self.backend()
        let idp = backend.identityProvider
        let pool = try #require(try await idp.createUserPool(.init(poolName: Self.unique("console"))).userPool?.id)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<6 {
                group.addTask {
                    for index in stride(from: lane, to: 250, by: 6) {
                        _ = try await idp.adminCreateUser(.init(userPoolId: pool, username: String(format: "user%03d", index),
                                                                userAttributes: [.init(name: "email", value: "u\(index)@example.com")],
                                                                messageAction: .suppress))
                    }
                }
            }
            try await group.waitForAll()
        }
        let model = Self.model(backend, start: .userPool(id: pool, name: "console"))
        model.handle(.key(.character("2")))
        await model.settle()
        #expect(model.screen.footer.paging == "60 loaded, more available")
        guard case .table(let first) = model.screen.body else { Issue.record("no table: \(model.screen.body)"); return }
        #expect(first.rows.count == 60)
        model.handle(.key(.character("L")))
        await model.settle()
        #expect(model.screen.footer.paging == "250 total")
        guard case .table(let all) = model.screen.body else { Issue.record("no table"); return }
        #expect(Set(all.rows.map { $0.cells[0] }).count == 250)
        model.handle(.key(.character("/")))
        for char in "USER24" { model.handle(.key(.character(char))) }
        guard case .table(let filtered) = model.screen.body else { Issue.record("no table"); return }
        #expect(filtered.rows.map { $0.cells[0] }.sorted() == (240..<250).map { "user\($0)" })
    }

    @Test("a server-side prefix search on username returns only the matching users")
    func serverSearch() async throws {
        let backend = try Self.backend()
        let idp = backend.identityProvider
        let pool = try #require(try await idp.createUserPool(.init(poolName: Self.unique("search"))).userPool?.id)
        for name in ["ann", "anna", "bob"] {
            _ = try await idp.adminCreateUser(.init(userPoolId: pool, username: name, messageAction: .suppress))
        }
        let model = Self.model(backend, start: .userPool(id: pool, name: "search"))
        model.handle(.key(.character(":")))
        for char in #"users username ^= "ann""# { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        await model.settle()
        guard case .table(let table) = model.screen.body else { Issue.record("no table: \(model.screen.body)"); return }
        #expect(table.rows.map { $0.cells[0] }.sorted() == ["ann", "anna"])
        #expect(model.screen.footer.filter == #"username ^= "ann""#)
    }

    @Test("an identity pool's roles, rules and principal tags, and its identities, come from the service")
    func identityPool() async throws {
        let backend = try Self.backend()
        let identity = backend.identity
        let pool = try await identity.createIdentityPool(.init(
            identityPoolName: Self.unique("console"), allowUnauthenticatedIdentities: true,
            supportedLoginProviders: ["accounts.google.com": "app.apps.googleusercontent.com"]))
        let rules = [
            CognitoIdentity.MappingRule(claim: "hd", matchType: .equals, value: "corp.example", roleARN: "arn:aws:iam::123456789012:role/staff"),
            CognitoIdentity.MappingRule(claim: "email", matchType: .contains, value: "@", roleARN: "arn:aws:iam::123456789012:role/guest"),
        ]
        try await identity.setIdentityPoolRoles(.init(
            identityPoolId: pool.identityPoolId, roles: ["authenticated": "arn:aws:iam::123456789012:role/auth"],
            roleMappings: ["accounts.google.com": .init(type: .rules, ambiguousRoleResolution: .deny, rulesConfiguration: .init(rules: rules))]))
        _ = try await identity.setPrincipalTagAttributeMap(.init(
            identityPoolId: pool.identityPoolId, identityProviderName: "accounts.google.com", useDefaults: false,
            principalTags: ["team": "custom:team"]))
        for _ in 0..<3 { _ = try await identity.getId(.init(identityPoolId: pool.identityPoolId)) }

        let model = Self.model(backend, start: .identityPool(id: pool.identityPoolId, name: pool.identityPoolName))
        await model.settle()
        guard case .detail(let detail) = model.screen.body else { Issue.record("no detail: \(model.screen.body)"); return }
        let mapping = detail.sections.first { $0.title == "Role mapping: accounts.google.com" }
        #expect(mapping?.rows.dropFirst(2).map(\.value) == [
            #"hd Equals "corp.example""#, "arn:aws:iam::123456789012:role/staff",
            #"email Contains "@""#, "arn:aws:iam::123456789012:role/guest",
        ])
        let tags = detail.sections.first { $0.title == "Principal tags: accounts.google.com" }
        #expect(tags?.rows.contains { $0.key == "team" && $0.value == "custom:team" } == true)

        model.handle(.key(.tab))
        await model.settle()
        guard case .table(let identities) = model.screen.body else { Issue.record("no identities: \(model.screen.body)"); return }
        #expect(identities.rows.count == 3)
        #expect(model.screen.footer.paging == "3 total")
    }

    @Test("a tab whose call fails shows the error in place (sign-in history needs threat protection); the other tabs still work")
    func errorInPlace() async throws {
        let backend = try Self.backend()
        let idp = backend.identityProvider
        let pool = try #require(try await idp.createUserPool(.init(poolName: Self.unique("devices"))).userPool?.id)
        _ = try await idp.adminCreateUser(.init(userPoolId: pool, username: "dana", messageAction: .suppress))
        let model = Self.model(backend, start: .user(poolID: pool, username: "dana"))
        await model.settle()
        guard case .detail(let summary) = model.screen.body else { Issue.record("no summary: \(model.screen.body)"); return }
        #expect(summary.sections.first?.rows.first?.value == "dana")
        model.handle(.key(.character("3")))
        await model.settle()
        #expect(model.screen.body == .notice(Notice(.empty, "No devices.")))
        model.handle(.key(.character("4")))
        await model.settle()
        guard case .notice(let notice) = model.screen.body else { Issue.record("no notice: \(model.screen.body)"); return }
        #expect(notice.kind == .error)
        #expect(notice.text.hasPrefix("AdminListUserAuthEvents failed with UserPoolAddOnNotEnabledException"), "\(notice.text)")
        model.handle(.key(.character("1")))
        guard case .detail = model.screen.body else { Issue.record("summary lost: \(model.screen.body)"); return }
    }

    /// Seeds a user's devices and sign-in events through the emulator's private loopback route.
    static func seed(pool: String, username: String) throws {
        let body = #"{"users":[{"userPoolId":"\#(pool)","username":"\#(username)","devices":[{"DeviceKey":"us-east-1_0d1","DeviceAttributes":[{"Name":"device_name","Value":"Firefox"}]}],"authEvents":[{"EventId":"ev-1","EventType":"SignIn","EventResponse":"Pass"}]}]}"#
        let process = Process()
        process.executableURL = ProjectPython.url
        process.arguments = ["-c", """
            import sys, urllib.request
            request = urllib.request.Request(sys.argv[1] + "/_emulator/cognito-idp/seed", data=sys.argv[2].encode(), method="POST")
            urllib.request.urlopen(request).read()
            """, try TestEmulator.url(), body]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "seeding failed")
    }

    @Test("against the emulator: remember and forget a device, mark a sign-in invalid, link and unlink an identity, join and leave a group")
    func userActions() async throws {
        let backend = try Self.backend()
        let idp = backend.identityProvider
        let pool = try #require(try await idp.createUserPool(.init(poolName: Self.unique("actions"),
                                                                   userPoolAddOns: .init(advancedSecurityMode: .enforced))).userPool?.id)
        _ = try await idp.adminCreateUser(.init(userPoolId: pool, username: "erin", messageAction: .suppress))
        _ = try await idp.createGroup(.init(groupName: "ops", userPoolId: pool))
        _ = try await idp.createIdentityProvider(.init(userPoolId: pool, providerName: "Google", providerType: .google,
                                                       providerDetails: ["client_id": "c", "client_secret": "s", "authorize_scopes": "openid"]))
        try Self.seed(pool: pool, username: "erin")
        let model = Self.model(backend, start: .user(poolID: pool, username: "erin"))
        await model.settle()
        func press(_ keys: Key...) async {
            for key in keys { model.handle(.key(key)) }
            await model.settle()
        }
        func rows() -> [[String]] {
            if case .table(let table) = model.screen.body { return table.rows.map(\.cells) }
            return []
        }

        // Each tab's first page arrives before its keys are pressed.
        await press(.character("3"))
        await press(.character("M"), .character("y"))
        #expect(rows().first?[2] == "yes", "remembered: \(rows()) \(String(describing: model.screen.message))")
        await press(.delete, .character("y"))
        #expect(model.screen.body == .notice(Notice(.empty, "No devices.")))

        await press(.character("4"))
        await press(.character("I"), .character("y"))
        #expect(rows().first?[4] == "Invalid", "feedback: \(rows()) \(String(describing: model.screen.message))")

        await press(.character("5"))
        await press(.character("l"))
        for char in "Google" { model.handle(.key(.character(char))) }
        await press(.tab, .tab)
        for char in "118200330044" { model.handle(.key(.character(char))) }
        await press(.enter, .character("y"))
        #expect(rows().map { $0[0] + " " + $0[1] } == ["Google 118200330044"], "linked: \(String(describing: model.screen.message))")
        await press(.delete, .character("y"))
        #expect(model.screen.body == .notice(Notice(.empty, "No linked identities.")))

        await press(.character("2"))
        await press(.character("a"))
        await press(.character(" "), .enter, .character("y"))
        #expect(rows().map { $0[0] } == ["ops"], "\(String(describing: model.screen.message)) \(model.screen.body)")
        await press(.delete, .character("y"))
        #expect(model.screen.body == .notice(Notice(.empty, "No groups.")))
        let groups = try await idp.listGroups(.init(userPoolId: pool)).groups?.compactMap(\.groupName)
        #expect(groups == ["ops"], "the group itself stays")
    }

    @Test("against the emulator: marked users are added to two groups, given an attribute and removed from a group, each as a job of one call per user")
    func bulkOnMarkedUsers() async throws {
        let backend = try Self.backend()
        let idp = backend.identityProvider
        let pool = try #require(try await idp.createUserPool(.init(
            poolName: Self.unique("bulk"),
            schema: [.init(name: "tenant", attributeDataType: .string, mutable: true)])).userPool?.id)
        for name in ["ann", "bob", "cy", "dee"] {
            _ = try await idp.adminCreateUser(.init(userPoolId: pool, username: name, messageAction: .suppress))
        }
        for group in ["ops", "beta", "admins"] { _ = try await idp.createGroup(.init(groupName: group, userPoolId: pool)) }
        let model = Self.model(backend, start: .userPool(id: pool, name: "bulk"))
        await model.settle()
        func press(_ keys: Key...) async {
            for key in keys { model.handle(.key(key)) }
            await model.settle()
        }
        func type(_ text: String) { for char in text { model.handle(.key(.character(char))) } }
        func groups(_ user: String) async throws -> [String] {
            try await idp.adminListGroupsForUser(.init(username: user, userPoolId: pool)).groups?.compactMap(\.groupName).sorted() ?? []
        }
        await press(.character("2"))
        await press(.character(" "), .character(" "), .character(" "))     // ann, bob, cy
        await press(.character("a"))
        guard case .picker(let picker)? = model.screen.overlay else { Issue.record("no picker: \(String(describing: model.screen.overlay))"); return }
        #expect(picker.title == "Add to groups: 3 marked users")
        type("o")                                                           // narrows to ops
        await press(.character(" "))
        model.handle(.key(.control("u")))
        type("be")
        await press(.character(" "), .enter)
        guard case .confirm(let plan)? = model.screen.overlay else { Issue.record("no plan"); return }
        #expect(plan.title == "Add-to-group 3 users")
        #expect(plan.text.contains("chosen: ops,beta"), "\(plan.text)")
        type("add-to-group 3")
        await press(.enter)
        #expect(try await groups("ann") == ["beta", "ops"])
        #expect(try await groups("cy") == ["beta", "ops"])
        #expect(try await groups("dee") == [])

        await press(.escape)
        await press(.character("S"))
        guard case .form(let form)? = model.screen.overlay else { Issue.record("no form"); return }
        #expect(form.title == "Set attributes: 3 marked users")
        type("custom:plan=pro")
        await press(.enter)
        #expect(model.screen.overlay.map { if case .form = $0 { return true } else { return false } } == true,
                "an attribute the pool lacks stays in the form: \(String(describing: model.screen.message))")
        model.handle(.key(.control("u")))
        type("custom:tenant=t42, locale=fr")
        await press(.enter)
        type("set-attributes 3")
        await press(.enter)
        for user in ["ann", "bob", "cy"] {
            let attributes = try await idp.adminGetUser(.init(userPoolId: pool, username: user)).userAttributes ?? []
            #expect(attributes.first { $0.name == "custom:tenant" }?.value == "t42", "\(user)")
            #expect(attributes.first { $0.name == "locale" }?.value == "fr", "\(user)")
        }

        await press(.escape)
        await press(.character("A"))
        type("ops")
        await press(.character(" "), .enter)
        type("remove-from-group 3")
        await press(.enter)
        #expect(try await groups("bob") == ["beta"])
        #expect(model.screen.message?.text.hasPrefix("Remove-from-group 3 users: 3 succeeded") == true,
                "\(String(describing: model.screen.message))")
    }

    @Test("against the emulator: an identity pool made from a form, its settings, tags and roles changed with providers and mappings kept, principal tags set, an identity and the pool deleted")
    func identityPoolActions() async throws {
        let backend = try Self.backend()
        let identity = backend.identity
        let name = Self.unique("made")
        let model = Self.model(backend, start: .identityPools)
        await model.settle()
        func press(_ keys: Key...) async {
            for key in keys { model.handle(.key(key)) }
            await model.settle()
        }
        func type(_ text: String) { for char in text { model.handle(.key(.character(char))) } }

        await press(.character("c"))
        guard case .form(let form)? = model.screen.overlay else { Issue.record("no form: \(String(describing: model.screen.overlay))"); return }
        #expect(form.title == "Create an identity pool")
        type(name)
        await press(.tab, .character(" "))                             // unauthenticated access on
        await press(.tab, .tab)
        type("cognito-idp.us-east-1.amazonaws.com/us-east-1_Made1 | client9 | yes")
        await press(.enter, .character("y"))
        let pools = try await identity.listIdentityPools(.init(maxResults: 60)).identityPools ?? []
        let id = try #require(pools.first { $0.identityPoolName == name }?.identityPoolId, "\(String(describing: model.screen.message))")
        var described = try await identity.describeIdentityPool(.init(identityPoolId: id))
        #expect(described.allowUnauthenticatedIdentities)
        #expect(described.cognitoIdentityProviders?.first?.clientId == "client9")
        #expect(described.cognitoIdentityProviders?.first?.serverSideTokenCheck == true)
        try await identity.setIdentityPoolRoles(.init(identityPoolId: id, roles: ["authenticated": "arn:aws:iam::123456789012:role/a"],
                                                      roleMappings: ["cognito-idp.us-east-1.amazonaws.com/us-east-1_Made1:client9": .init(type: .token, ambiguousRoleResolution: .deny)]))

        let pane = Self.model(backend, start: .identityPool(id: id, name: name))
        await pane.settle()
        func on(_ keys: Key...) async {
            for key in keys { pane.handle(.key(key)) }
            await pane.settle()
        }
        func enter(_ text: String) { for char in text { pane.handle(.key(.character(char))) } }
        await on(.character("u"))
        guard case .form = pane.screen.overlay else { Issue.record("no settings form: \(String(describing: pane.screen.message))"); return }
        await on(.tab, .tab, .character(" "), .tab, .tab)              // classic flow on, then the tags
        enter("team=identity")
        await on(.enter)
        guard case .confirm(let diff)? = pane.screen.overlay else { Issue.record("no diff"); return }
        #expect(diff.lines.contains { $0.text.contains("AllowClassicFlow") }, "\(diff.lines.map(\.text))")
        await on(.character("y"))
        described = try await identity.describeIdentityPool(.init(identityPoolId: id))
        #expect(described.allowClassicFlow == true && described.identityPoolTags == ["team": "identity"])
        #expect(described.cognitoIdentityProviders?.first?.clientId == "client9", "the providers are kept")

        await on(.character("I"))
        pane.handle(.key(.tab))
        let userARN = "arn:aws:iam::123456789012:user/guest"
        enter(userARN)                                                 // a user's ARN, not a role's: refused as typed
        guard case .form(let rolesForm)? = pane.screen.overlay else { Issue.record("no roles form"); return }
        #expect(rolesForm.fields[1].error == "`\(userARN)` is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME).")
        await on(.enter)
        guard case .form? = pane.screen.overlay else { Issue.record("the form closed on a bad ARN"); return }
        #expect(try await identity.getIdentityPoolRoles(.init(identityPoolId: id)).roles?["unauthenticated"] == nil, "nothing was sent")
        for _ in userARN { pane.handle(.key(.backspace)) }
        enter("arn:aws:iam::123456789012:role/guest")
        await on(.enter)                                               // the plan is read: then its diff
        await on(.character("y"))
        let roles = try await identity.getIdentityPoolRoles(.init(identityPoolId: id))
        #expect(roles.roles == ["authenticated": "arn:aws:iam::123456789012:role/a", "unauthenticated": "arn:aws:iam::123456789012:role/guest"])
        #expect(roles.roleMappings?.count == 1, "the mappings are kept: \(String(describing: pane.screen.message))")

        let guest = try await identity.getId(.init(identityPoolId: id)).identityId ?? ""
        await on(.tab)                                                 // Identities
        await on(.delete)
        for char in guest { pane.handle(.key(.character(char))) }
        await on(.enter)
        let left = try await identity.listIdentities(.init(identityPoolId: id, maxResults: 60)).identities ?? []
        #expect(left.isEmpty, "\(String(describing: pane.screen.message))")

        await on(.tab)                                                 // Principal tags, one row per provider
        await on(.character("u"))
        guard case .form(let tagsForm)? = pane.screen.overlay else { Issue.record("no tags form: \(String(describing: pane.screen.message))"); return }
        #expect(tagsForm.hint.contains("client←aud, username←sub"), "the defaults of a user pool are shown: \(tagsForm.hint)")
        enter("team=custom:team")
        await on(.enter)
        await on(.character("y"))
        let map = try await identity.getPrincipalTagAttributeMap(.init(identityPoolId: id,
                                                                      identityProviderName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_Made1"))
        #expect(map.principalTags == ["team": "custom:team"], "\(String(describing: pane.screen.message))")

        await on(.backTab, .backTab, .control("x"))
        enter(name)
        await on(.enter)
        let after = try await identity.listIdentityPools(.init(maxResults: 60)).identityPools ?? []
        #expect(!after.contains { $0.identityPoolId == id }, "\(String(describing: pane.screen.message))")
    }

    @Test("against the emulator: look up a developer user, merge two, unlink one from the identity")
    func developerIdentities() async throws {
        let backend = try Self.backend()
        let identity = backend.identity
        let pool = try await identity.createIdentityPool(.init(identityPoolName: Self.unique("devs"), allowUnauthenticatedIdentities: false,
                                                                developerProviderName: "login.console"))
        let one = try await identity.getOpenIdTokenForDeveloperIdentity(.init(identityPoolId: pool.identityPoolId, logins: ["login.console": "dev-1"])).identityId ?? ""
        let two = try await identity.getOpenIdTokenForDeveloperIdentity(.init(identityPoolId: pool.identityPoolId, logins: ["login.console": "dev-2"])).identityId ?? ""
        let model = Self.model(backend, start: .identityPool(id: pool.identityPoolId, name: pool.identityPoolName))
        await model.settle()
        func press(_ keys: Key...) async {
            for key in keys { model.handle(.key(key)) }
            await model.settle()
        }
        func type(_ text: String) { for char in text { model.handle(.key(.character(char))) } }
        func users(_ id: String) async throws -> [String] {
            try await identity.lookupDeveloperIdentity(.init(identityPoolId: pool.identityPoolId, identityId: id)).developerUserIdentifierList?.sorted() ?? []
        }

        await press(.character("D"))
        type("dev-1")
        await press(.enter)
        #expect(model.screen.message?.text == "dev-1 is identity \(one).", "\(String(describing: model.screen.message))")

        await press(.character("J"))
        type("dev-1")
        model.handle(.key(.tab))
        type("dev-2")
        await press(.enter)
        await press(.character("y"))
        #expect(try await users(two) == ["dev-1", "dev-2"], "\(String(describing: model.screen.message))")

        await press(.tab)                                               // Identities
        guard case .table(let table) = model.screen.body else { Issue.record("no identities: \(model.screen.body)"); return }
        let row = try #require(table.rows.firstIndex { $0.cells[0] == two })
        for _ in 0..<row { model.handle(.key(.character("j"))) }
        await press(.character("U"))
        type("dev-1")
        await press(.enter)
        await press(.character("y"))
        #expect(try await users(two) == ["dev-2"], "\(String(describing: model.screen.message))")
    }

    @Test("against the emulator: a login unlinked from an identity with its token, typed masked")
    func unlinkLogin() async throws {
        let backend = try Self.backend()
        let identity = backend.identity
        let pool = try await identity.createIdentityPool(.init(identityPoolName: Self.unique("logins"), allowUnauthenticatedIdentities: false,
                                                                supportedLoginProviders: ["graph.facebook.com": "fb-app"]))
        let id = try await identity.getId(.init(identityPoolId: pool.identityPoolId, logins: ["graph.facebook.com": "fb-token"])).identityId ?? ""
        let model = Self.model(backend, start: .identityPool(id: pool.identityPoolId, name: pool.identityPoolName))
        await model.settle()
        func press(_ keys: Key...) async {
            for key in keys { model.handle(.key(key)) }
            await model.settle()
        }
        await press(.tab)
        await press(.character("N"))
        guard case .form(let form)? = model.screen.overlay else { Issue.record("no form: \(String(describing: model.screen.message))"); return }
        #expect(form.fields.first?.value == "graph.facebook.com")
        for char in "fb-token" { model.handle(.key(.character(char))) }
        guard case .form(let typed)? = model.screen.overlay else { Issue.record("the form closed"); return }
        #expect(typed.fields[1].value == "••••••••", "the token is masked")
        await press(.enter)
        await press(.character("y"))
        let logins = try await identity.describeIdentity(.init(identityId: id)).logins ?? []
        #expect(logins.isEmpty, "\(String(describing: model.screen.message))")
    }
}
