import AWSCore
import CognitoAPI
import Foundation
import Testing

/// Cognito Identity through the typed client against the emulator: pools, roles and role
/// mappings, principal tags and resource tags. Every test makes its own pool.
@Suite("Cognito Identity pools against the emulator", .timeLimit(.minutes(5)))
struct IdentityPoolEmulatorTests {
    static let account = "123456789012"

    func newPool(_ identity: CognitoIdentityClient, developer: String? = nil,
                 logins: [String: String]? = nil, tags: [String: String]? = nil) async throws -> CognitoIdentity.IdentityPool {
        try await identity.createIdentityPool(.init(
            identityPoolName: Emulator.uniqueWord("pool"), allowUnauthenticatedIdentities: true,
            supportedLoginProviders: logins, developerProviderName: developer, identityPoolTags: tags))
    }

    @Test("a pool is created, described, updated, listed and deleted")
    func poolLifecycle() async throws {
        let identity = try Emulator.identity()
        let pool = try await newPool(identity, logins: ["graph.facebook.com": "1234567890"])
        #expect(pool.allowUnauthenticatedIdentities)
        #expect(pool.supportedLoginProviders == ["graph.facebook.com": "1234567890"])

        let described = try await identity.describeIdentityPool(.init(identityPoolId: pool.identityPoolId))
        #expect(described.identityPoolName == pool.identityPoolName)

        // Update replaces the whole pool: describe, change, send back (read-modify-write).
        var edited = described
        edited.allowUnauthenticatedIdentities = false
        edited.identityPoolName = Emulator.uniqueWord("renamed")
        let updated = try await identity.updateIdentityPool(edited)
        #expect(updated.identityPoolName == edited.identityPoolName)
        #expect(!updated.allowUnauthenticatedIdentities)

        var seen: [String] = []
        for try await short in identity.listIdentityPoolsItems(.init(maxResults: 60)) {
            seen.append(short.identityPoolId ?? "")
        }
        #expect(seen.filter { $0 == pool.identityPoolId }.count == 1)

        try await identity.deleteIdentityPool(.init(identityPoolId: pool.identityPoolId))
        await #expect {
            _ = try await identity.describeIdentityPool(.init(identityPoolId: pool.identityPoolId))
        } throws: { error in
            (error as? AWSServiceError)?.is(.resourceNotFoundException) == true
        }
    }

    @Test("roles and both kinds of role mapping round-trip")
    func rolesAndMappings() async throws {
        let identity = try Emulator.identity()
        let pool = try await newPool(identity)
        let provider = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123:clientabc"
        let roles = ["authenticated": "arn:aws:iam::\(Self.account):role/auth",
                     "unauthenticated": "arn:aws:iam::\(Self.account):role/unauth"]
        let rule = CognitoIdentity.MappingRule(claim: "custom:team", matchType: .equals, value: "ops",
                                               roleARN: "arn:aws:iam::\(Self.account):role/ops")
        let mappings: [String: CognitoIdentity.RoleMapping] = [
            provider: .init(type: .rules, ambiguousRoleResolution: .authenticatedRole,
                            rulesConfiguration: .init(rules: [rule])),
            "graph.facebook.com": .init(type: .token, ambiguousRoleResolution: .deny),
        ]
        try await identity.setIdentityPoolRoles(.init(identityPoolId: pool.identityPoolId, roles: roles, roleMappings: mappings))
        let read = try await identity.getIdentityPoolRoles(.init(identityPoolId: pool.identityPoolId))
        #expect(read.roles == roles)
        #expect(read.roleMappings == mappings)
    }

    @Test("the emulator's semantic rules surface as InvalidParameterException")
    func invalidRoleArn() async throws {
        let identity = try Emulator.identity()
        let pool = try await newPool(identity)
        await #expect {
            try await identity.setIdentityPoolRoles(.init(identityPoolId: pool.identityPoolId,
                                                          roles: ["authenticated": "arn:aws:s3:::not-a-role"]))
        } throws: { error in
            (error as? AWSServiceError)?.is(.invalidParameterException) == true
        }
    }

    @Test("a principal-tag map is set and read back")
    func principalTags() async throws {
        let identity = try Emulator.identity()
        let pool = try await newPool(identity)
        let provider = "accounts.google.com"
        let defaults = try await identity.getPrincipalTagAttributeMap(.init(identityPoolId: pool.identityPoolId,
                                                                           identityProviderName: provider))
        #expect(defaults.useDefaults == true)
        let set = try await identity.setPrincipalTagAttributeMap(.init(
            identityPoolId: pool.identityPoolId, identityProviderName: provider, useDefaults: false,
            principalTags: ["team": "custom:team", "env": "aud"]))
        #expect(set.principalTags == ["team": "custom:team", "env": "aud"])
        let read = try await identity.getPrincipalTagAttributeMap(.init(identityPoolId: pool.identityPoolId,
                                                                       identityProviderName: provider))
        #expect(read.useDefaults == false)
        #expect(read.principalTags == ["team": "custom:team", "env": "aud"])
    }

    @Test("tags are added, listed and removed by pool ARN")
    func tags() async throws {
        let identity = try Emulator.identity()
        let pool = try await newPool(identity, tags: ["owner": "ops"])
        let arn = "arn:aws:cognito-identity:us-east-1:\(Self.account):identitypool/\(pool.identityPoolId)"
        _ = try await identity.tagResource(.init(resourceArn: arn, tags: ["cost-center": "42"]))
        #expect(try await identity.listTagsForResource(.init(resourceArn: arn)).tags == ["owner": "ops", "cost-center": "42"])
        _ = try await identity.untagResource(.init(resourceArn: arn, tagKeys: ["owner"]))
        #expect(try await identity.listTagsForResource(.init(resourceArn: arn)).tags == ["cost-center": "42"])
    }

    @Test("pools page by NextToken, each pool once")
    func poolPaging() async throws {
        let identity = try Emulator.identity()
        var mine: Set<String> = []
        for _ in 0..<5 { mine.insert(try await newPool(identity).identityPoolId) }
        var seen: [String] = []
        var pages = 0
        for try await page in identity.listIdentityPoolsPages(.init(maxResults: 2)) {
            pages += 1
            #expect((page.identityPools ?? []).count <= 2)
            seen += (page.identityPools ?? []).compactMap(\.identityPoolId)
        }
        #expect(pages >= 3)
        #expect(Set(seen).isSuperset(of: mine))
        #expect(seen.count == Set(seen).count, "a pool came back twice")
    }
}
