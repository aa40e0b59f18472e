import CognitoAdmin
import CognitoAPI
import Foundation
import Testing

/// The role-resolution simulator against the table written from the developer guide, and the
/// details it shows beside the role: the steps, the reason, the principal tags.
@Suite("Role simulator", .timeLimit(.minutes(5)))
struct RoleSimulatorTests {
    let table: RoleResolutionTable
    init() throws { table = try RoleResolutionTable.load() }

    @Test("the table of documented cases is there")
    func tableLoads() {
        #expect(table.cases.count >= 20)
    }

    @Test("each documented case resolves to its role and rule", arguments: RoleResolutionTable.all)
    func documentedCase(_ testCase: RoleResolutionTable.Case) {
        let result = RoleSimulator.simulate(roles: table.roles(testCase), provider: table.provider,
                                            claims: RoleResolutionTable.claims(testCase), tagMap: nil, providerType: .userPool,
                                            customRoleArn: testCase.customRoleArn.map(RoleResolutionTable.arn))
        #expect(result.roleARN == testCase.expect.role.map(RoleResolutionTable.arn), "\(result.reason)")
        #expect(result.rule == testCase.expect.rule, "\(result.reason)")
        #expect(result.mappingType == testCase.mapping?.type)
        #expect(!result.reason.isEmpty && result.reason.hasSuffix("."))
    }

    @Test("the steps stop at the matching rule and show each claim's value, absent as nil")
    func stepsUpToTheMatch() {
        let roles = CognitoIdentity.GetIdentityPoolRolesResponse(roles: [:], roleMappings: ["p": .init(
            type: .rules, ambiguousRoleResolution: .deny, rulesConfiguration: .init(rules: [
                .init(claim: "custom:dept", matchType: .notEqual, value: "HR", roleARN: RoleResolutionTable.arn("A")),
                .init(claim: "cognito:groups", matchType: .contains, value: "admins", roleARN: RoleResolutionTable.arn("B")),
                .init(claim: "email", matchType: .startsWith, value: "a", roleARN: RoleResolutionTable.arn("C")),
            ]))])
        let claims: JSONValue = .object(["cognito:groups": .array([.string("admins")]), "email": .string("ann@example.com")])
        let result = RoleSimulator.simulate(roles: roles, provider: "p", claims: claims, tagMap: nil, providerType: .oidc)
        #expect(result.steps.map(\.matched) == [false, true])
        #expect(result.steps[0].claimValue == nil)
        #expect(result.steps[1].claimValue == .array([.string("admins")]))
        #expect(result.rule == 2)
        #expect(result.reason.contains("Rule 2"))
    }

    @Test("principal tags: a user pool's defaults are client from aud and username from sub, a missing claim flagged")
    func defaultPrincipalTags() {
        let result = RoleSimulator.simulate(roles: .init(roles: [:]), provider: "p", claims: .object(["sub": .string("u-1")]),
                                            tagMap: (useDefaults: true, tags: ["ignored": "email"]), providerType: .userPool)
        #expect(result.principalTags.map(\.tag) == ["client", "username"])
        #expect(result.principalTags.map(\.claim) == ["aud", "sub"])
        #expect(result.principalTags.map(\.value) == [nil, "u-1"])
        #expect(result.roleARN == nil)
    }

    @Test("principal tags: a custom map takes each tag from its claim")
    func customPrincipalTags() {
        let result = RoleSimulator.simulate(roles: .init(roles: ["authenticated": RoleResolutionTable.arn("Auth")]), provider: "p",
                                            claims: .object(["custom:tenant": .string("t-9")]),
                                            tagMap: (useDefaults: false, tags: ["tenant": "custom:tenant", "plan": "custom:plan"]),
                                            providerType: .userPool)
        #expect(result.principalTags.count == 2)
        #expect(result.principalTags[0] == (tag: "plan", claim: "custom:plan", value: nil))
        #expect(result.principalTags[1] == (tag: "tenant", claim: "custom:tenant", value: "t-9"))
        #expect(result.roleARN == RoleResolutionTable.arn("Auth"))
    }

    @Test("a user's groups give cognito:roles and the best-precedence group's role as the preferred role")
    func groupRoles() {
        let roles = RoleSimulator.groupRoles([
            (name: "staff", precedence: 10, roleArn: "arn:aws:iam::123456789012:role/Staff"),
            (name: "admins", precedence: 1, roleArn: "arn:aws:iam::123456789012:role/Admin"),
            (name: "readers", precedence: nil, roleArn: nil),
        ])
        #expect(roles.groups == ["admins", "staff", "readers"])
        #expect(roles.roles == ["arn:aws:iam::123456789012:role/Admin", "arn:aws:iam::123456789012:role/Staff"])
        #expect(roles.preferred == "arn:aws:iam::123456789012:role/Admin")
        let tied = RoleSimulator.groupRoles([
            (name: "a", precedence: 1, roleArn: "arn:aws:iam::123456789012:role/A"),
            (name: "b", precedence: 1, roleArn: "arn:aws:iam::123456789012:role/B"),
        ])
        #expect(tied.preferred == nil)
    }

    @Test("a JWT's payload is decoded without checking it; anything else is one sentence that never repeats the token")
    func decodeJWT() throws {
        let payload = Data(#"{"sub":"u-1","cognito:groups":["a"]}"#.utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let claims = try RoleSimulator.decodeJWT("eyJhbGciOiJub25lIn0.\(payload).sig")
        #expect(claims["sub"] == .string("u-1"))
        #expect(throws: RoleSimulationError.self) { try RoleSimulator.decodeJWT("secret-opaque-token") }
        do {
            _ = try RoleSimulator.decodeJWT("secret.opaque.token")
        } catch {
            #expect(!String(describing: error).contains("secret"))
        }
    }
}
