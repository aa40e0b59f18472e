import AWSCore
import CognitoAdmin
import CognitoAPI
import ConsoleTestSupport
import Foundation
import Testing

/// Read-modify-write of each updatable resource against the emulator: the generated mapping
/// reads the resource as the update's input, one member is edited, and reading back shows the
/// edit made and every other member kept.
@Suite("Updates against the emulator", .timeLimit(.minutes(5)))
struct UpdaterEmulatorTests {
    let backend: ClientBackend
    init() throws { backend = try EmulatorBackend.make() }

    func pool() async throws -> String {
        try #require(try await backend.createUserPool(.init(poolName: EmulatorBackend.unique("upd"))).userPool?.id)
    }

    /// Plans `edit`, checks the plan changes exactly `changed`, commits it.
    func apply(_ updater: Updater, _ path: [String], _ edit: [String: JSONValue?], changed: [String]) async throws -> UpdatePlan {
        let plan = try await updater.plan(backend, path: path, edit: .members(edit))
        #expect(plan.changes.filter { $0.kind != .kept }.map(\.path) == changed)
        #expect(try await updater.commit(backend, path: path, plan: plan) == .sent)
        return plan
    }

    @Test("a group: the description changes, precedence and role are kept")
    func group() async throws {
        let pool = try await pool()
        _ = try await backend.createGroup(.init(groupName: "staff", userPoolId: pool, description: "Staff",
                                                roleArn: "arn:aws:iam::123456789012:role/staff", precedence: 4))
        _ = try await apply(Updaters.group, [pool, "staff"], ["Description": .string("All staff")], changed: ["Description"])
        let group = try #require(try await backend.getGroup(.init(groupName: "staff", userPoolId: pool)).group)
        #expect(group.description == "All staff")
        #expect(group.precedence == 4)
        #expect(group.roleArn == "arn:aws:iam::123456789012:role/staff")
    }

    @Test("an app client: the name changes, its flows and token validity are kept, its secret is never sent")
    func appClient() async throws {
        let pool = try await pool()
        let client = try #require(try await backend.createUserPoolClient(.init(
            userPoolId: pool, clientName: "web", generateSecret: true, refreshTokenValidity: 10,
            explicitAuthFlows: [.allowUserSrpAuth, .allowRefreshTokenAuth])).userPoolClient)
        let id = try #require(client.clientId)
        let plan = try await apply(Updaters.appClient, [pool, id], ["ClientName": .string("web-app")], changed: ["ClientName"])
        #expect(plan.proposed["ClientSecret"] == nil)
        let after = try #require(try await backend.describeUserPoolClient(.init(userPoolId: pool, clientId: id)).userPoolClient)
        #expect(after.clientName == "web-app")
        #expect(after.refreshTokenValidity == 10)
        #expect(Set(after.explicitAuthFlows ?? []) == [.allowUserSrpAuth, .allowRefreshTokenAuth])
        #expect(after.clientSecret == client.clientSecret)
    }

    @Test("an identity pool: classic flow switched on, providers kept; then its roles")
    func identityPool() async throws {
        let created = try await backend.createIdentityPool(.init(
            identityPoolName: EmulatorBackend.unique("upd").replacingOccurrences(of: "-", with: "_"),
            allowUnauthenticatedIdentities: false, supportedLoginProviders: ["accounts.google.com": "client-1"]))
        let id = try #require(created.identityPoolId)
        _ = try await apply(Updaters.identityPool, [id], ["AllowClassicFlow": .bool(true)], changed: ["AllowClassicFlow"])
        let after = try await backend.describeIdentityPool(.init(identityPoolId: id))
        #expect(after.allowClassicFlow == true)
        #expect(after.supportedLoginProviders == ["accounts.google.com": "client-1"])

        let roles: JSONValue = .object(["authenticated": .string("arn:aws:iam::123456789012:role/auth")])
        _ = try await backend.setIdentityPoolRoles(.init(identityPoolId: id, roles: ["authenticated": "arn:aws:iam::123456789012:role/auth"]))
        let unauth = "arn:aws:iam::123456789012:role/unauth"
        let plan = try await Updaters.identityPoolRoles.plan(backend, path: [id], edit: .members([
            "Roles": .object(["authenticated": .string("arn:aws:iam::123456789012:role/auth"), "unauthenticated": .string(unauth)]),
        ]))
        #expect(plan.base["Roles"] == roles)
        #expect(try await Updaters.identityPoolRoles.commit(backend, path: [id], plan: plan) == .sent)
        let read = try await backend.getIdentityPoolRoles(.init(identityPoolId: id))
        #expect(read.roles == ["authenticated": "arn:aws:iam::123456789012:role/auth", "unauthenticated": unauth])
    }

    @Test("user attributes: a change and a removal go as the difference; sub is never part of it")
    func userAttributes() async throws {
        let pool = try await pool()
        _ = try await backend.adminCreateUser(.init(userPoolId: pool, username: "ann", userAttributes: [
            .init(name: "email", value: "ann@example.com"), .init(name: "given_name", value: "Ann"),
            .init(name: "family_name", value: "Lee"),
        ], messageAction: .suppress))
        let plan = try await Updaters.userAttributes.plan(backend, path: [pool, "ann"], edit: .members([:]))
        guard case .object(var attributes)? = plan.base["UserAttributes"] else { Issue.record("no attributes"); return }
        #expect(attributes["sub"] == nil)
        attributes["given_name"] = .string("Anne")
        attributes["family_name"] = nil
        let edited = try Updaters.userAttributes.plan(base: plan.base, edit: .members(["UserAttributes": .object(attributes)]))
        #expect(try await Updaters.userAttributes.commit(backend, path: [pool, "ann"], plan: edited) == .sent)
        let user = try await backend.adminGetUser(.init(userPoolId: pool, username: "ann"))
        let after = Dictionary(uniqueKeysWithValues: (user.userAttributes ?? []).map { ($0.name, $0.value) })
        #expect(after["given_name"] == "Anne")
        #expect(after["family_name"] == nil)
        #expect(after["email"] == "ann@example.com")
        #expect(after["sub"] != nil)
    }

    @Test("a change made after the plan is caught: nothing is sent and the same edit is planned over it")
    func changedMeanwhile() async throws {
        let pool = try await pool()
        _ = try await backend.createGroup(.init(groupName: "ops", userPoolId: pool, description: "Ops", precedence: 1))
        let plan = try await Updaters.group.plan(backend, path: [pool, "ops"], edit: .members(["Description": .string("Operations")]))
        _ = try await backend.updateGroup(.init(groupName: "ops", userPoolId: pool, description: "Ops", precedence: 9))
        guard case .changedMeanwhile(let fresh) = try await Updaters.group.commit(backend, path: [pool, "ops"], plan: plan) else {
            Issue.record("the change was not caught"); return
        }
        #expect(fresh.proposed["Precedence"] == .integer(9))
        #expect(fresh.proposed["Description"] == .string("Operations"))
        let group = try #require(try await backend.getGroup(.init(groupName: "ops", userPoolId: pool)).group)
        #expect(group.description == "Ops", "nothing was overwritten")
    }

    @Test("an edit that breaks the model's rules is refused before anything is sent")
    func invalidEdit() async throws {
        let pool = try await pool()
        _ = try await backend.createGroup(.init(groupName: "qa", userPoolId: pool))
        #expect(throws: UpdateError.self) {
            _ = try Updaters.group.plan(base: .object(["GroupName": .string("qa"), "UserPoolId": .string(pool)]),
                                        edit: .members(["Precedence": .integer(-1)]))
        }
        #expect(throws: UpdateError.self) {
            _ = try Updaters.group.plan(base: .object(["GroupName": .string("qa"), "UserPoolId": .string(pool)]),
                                        edit: .members(["GroupName": .string("other")]))
        }
    }
}
