import AWSCore
import CognitoAPI
import ConsoleModel
import Foundation
import Testing
import TestSupport

/// The view-model over the real clients against the shared emulator: pages from the service flow
/// into the panes. Each test seeds its own uniquely named resources.
@MainActor
@Suite("The console against the emulator")
struct EmulatorConsoleTests {
    static func backend() throws -> ClientBackend {
        let keys = Credentials(accessKeyId: "AKIAEMULATOR00000001", secretAccessKey: "emulator-secret")
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

    @Test("a user's devices tab shows that the emulator lacks AdminListDevices in place; the summary still works")
    func devices() async throws {
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
        #expect(model.screen.body == .notice(Notice(.error, "The endpoint failed to answer AdminListDevices (HTTP 500); it may not support it.")))
        model.handle(.key(.character("1")))
        guard case .detail = model.screen.body else { Issue.record("summary lost: \(model.screen.body)"); return }
    }
}
