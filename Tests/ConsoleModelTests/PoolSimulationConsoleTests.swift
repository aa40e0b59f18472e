import AWSCore
import CognitoAPI
import ConsoleModel
import Foundation
import Testing
import TestSupport

/// `S` on an identity pool: which role a subject gets under the saved mappings, from a user of
/// the linked user pool or from claims typed as JSON, shown step by step in a pane.
@MainActor
@Suite("Simulating a sign-in from an identity pool's pane", .timeLimit(.minutes(5)))
struct PoolSimulationConsoleTests {
    static let admin = "arn:aws:iam::123456789012:role/admin"
    static let auth = "arn:aws:iam::123456789012:role/auth"

    @Test("a user in the admins group gets the admin role by rule 1; typed claims without it get the authenticated role; bad JSON is one sentence")
    func simulate() async throws {
        let backend = try EmulatorConsoleTests.backend()
        let idp = backend.identityProvider
        let userPool = try #require(try await idp.createUserPool(.init(poolName: EmulatorConsoleTests.unique("sim"))).userPool?.id)
        let client = try #require(try await idp.createUserPoolClient(.init(userPoolId: userPool, clientName: "web")).userPoolClient?.clientId)
        _ = try await idp.createGroup(.init(groupName: "admins", userPoolId: userPool, roleArn: Self.admin, precedence: 1))
        _ = try await idp.adminCreateUser(.init(userPoolId: userPool, username: "ann", messageAction: .suppress))
        _ = try await idp.adminAddUserToGroup(.init(userPoolId: userPool, username: "ann", groupName: "admins"))
        let provider = "cognito-idp.us-east-1.amazonaws.com/\(userPool)"
        let identity = backend.identity
        let pool = try await identity.createIdentityPool(.init(
            identityPoolName: EmulatorConsoleTests.unique("sim"), allowUnauthenticatedIdentities: false,
            cognitoIdentityProviders: [.init(providerName: provider, clientId: client)]))
        try await identity.setIdentityPoolRoles(.init(
            identityPoolId: pool.identityPoolId, roles: ["authenticated": Self.auth],
            roleMappings: ["\(provider):\(client)": .init(type: .rules, ambiguousRoleResolution: .authenticatedRole,
                                                         rulesConfiguration: .init(rules: [
                                                             .init(claim: "cognito:groups", matchType: .contains, value: "admins", roleARN: Self.admin),
                                                         ]))]))

        let model = EmulatorConsoleTests.model(backend, start: .identityPool(id: pool.identityPoolId, name: pool.identityPoolName))
        await model.settle()
        func press(_ keys: Key...) async {
            for key in keys { model.handle(.key(key)) }
            await model.settle()
        }
        func type(_ text: String) { for char in text { model.handle(.key(.character(char))) } }

        await press(.character("S"))
        guard case .form(let form)? = model.screen.overlay else { Issue.record("no form: \(String(describing: model.screen.message))"); return }
        #expect(form.fields[0].value == "\(provider):\(client)")
        #expect(form.fields[1].value == "user")
        type("ann")                                                    // the focus starts on the subject
        await press(.enter)
        #expect(model.screen.breadcrumbs.last == "Simulation: role admin", "\(String(describing: model.screen.message))")
        guard case .text(let view) = model.screen.body else { Issue.record("no lines: \(model.screen.body)"); return }
        let lines = view.lines
        #expect(lines.contains("Result: \(Self.admin) (rule 1)"), "\(lines)")
        #expect(lines.contains { $0.contains("cognito:groups Contains \"admins\" → MATCH") }, "\(lines)")

        await press(.escape, .character("S"))
        await press(.backTab, .right, .tab)                            // user → claims
        type(#"{"cognito:groups": ["staff"]}"#)
        await press(.enter)
        #expect(model.screen.breadcrumbs.last == "Simulation: role auth", "\(String(describing: model.screen.message))")

        await press(.escape, .character("S"))
        await press(.backTab, .right, .tab)
        type("not json")
        let panes = model.screen.breadcrumbs
        await press(.enter)
        #expect(model.screen.message?.text.contains("The claims must be a JSON object") == true, "\(String(describing: model.screen.message))")
        #expect(model.screen.breadcrumbs == panes, "no pane opens")
    }
}
