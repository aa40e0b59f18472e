import AWSCore
import CognitoAPI
import Foundation
import Testing

/// Identities through the typed client against the emulator: the unsigned calls an app makes,
/// developer-authenticated identities, and the admin view of identities.
@Suite("Cognito identities against the emulator", .timeLimit(.minutes(5)))
struct IdentityEmulatorTests {
    func newPool(_ identity: CognitoIdentityClient, developer: String? = nil,
                 logins: [String: String]? = nil) async throws -> String {
        try await identity.createIdentityPool(.init(
            identityPoolName: Emulator.uniqueWord("ids"), allowUnauthenticatedIdentities: true,
            supportedLoginProviders: logins, developerProviderName: developer)).identityPoolId
    }

    @Test("an app's unsigned calls work without credentials: GetId, GetOpenIdToken, GetCredentialsForIdentity")
    func unsignedFlow() async throws {
        let admin = try Emulator.identity()
        let poolId = try await newPool(admin)
        // Credentials are for the pool's unauthenticated role, so the pool needs one.
        _ = try await admin.setIdentityPoolRoles(.init(identityPoolId: poolId,
                                                       roles: ["unauthenticated": "arn:aws:iam::123456789012:role/Guest"]))
        let app = try Emulator.identity(credentials: nil)

        let identityId = try #require(try await app.getId(.init(identityPoolId: poolId)).identityId)
        #expect(identityId.hasPrefix("us-east-1:"))
        let token = try await app.getOpenIdToken(.init(identityId: identityId))
        #expect(token.identityId == identityId)
        #expect(token.token?.isEmpty == false)
        let credentials = try await app.getCredentialsForIdentity(.init(identityId: identityId))
        #expect(credentials.identityId == identityId)
        #expect(credentials.credentials?.accessKeyId?.isEmpty == false)
        #expect(credentials.credentials?.expiration != nil)
    }

    @Test("an identity is described, listed and deleted")
    func describeListDelete() async throws {
        let identity = try Emulator.identity()
        let poolId = try await newPool(identity)
        let id = try #require(try await identity.getId(.init(identityPoolId: poolId)).identityId)

        let described = try await identity.describeIdentity(.init(identityId: id))
        #expect(described.identityId == id)
        #expect(described.creationDate != nil)

        let listed = try await identity.listIdentities(.init(identityPoolId: poolId, maxResults: 60))
        #expect(listed.identities?.map(\.identityId) == [id])

        let result = try await identity.deleteIdentities(.init(identityIdsToDelete: [id, "us-east-1:00000000-0000-0000-0000-000000000000"]))
        #expect(result.unprocessedIdentityIds?.map(\.identityId) == ["us-east-1:00000000-0000-0000-0000-000000000000"])
        #expect(try await identity.listIdentities(.init(identityPoolId: poolId, maxResults: 60)).identities == [])
    }

    @Test("a public login is linked by GetId and removed by UnlinkIdentity")
    func unlinkIdentity() async throws {
        let admin = try Emulator.identity()
        let poolId = try await newPool(admin, logins: ["graph.facebook.com": "1234567890"])
        let app = try Emulator.identity(credentials: nil)
        let logins = ["graph.facebook.com": "facebook-user-\(UUID().uuidString)"]
        let id = try #require(try await app.getId(.init(identityPoolId: poolId, logins: logins)).identityId)
        #expect(try await admin.describeIdentity(.init(identityId: id)).logins == ["graph.facebook.com"])

        try await app.unlinkIdentity(.init(identityId: id, logins: logins, loginsToRemove: ["graph.facebook.com"]))
        #expect(try await admin.describeIdentity(.init(identityId: id)).logins ?? [] == [])
    }

    @Test("developer identities: token, lookup, merge and unlink")
    func developerIdentities() async throws {
        let identity = try Emulator.identity()
        let developer = "login.\(Emulator.uniqueWord("dev"))"
        let poolId = try await newPool(identity, developer: developer)

        let alice = try await identity.getOpenIdTokenForDeveloperIdentity(.init(
            identityPoolId: poolId, logins: [developer: "alice"], tokenDuration: 600))
        let aliceId = try #require(alice.identityId)
        #expect(alice.token?.isEmpty == false)
        let bob = try await identity.getOpenIdTokenForDeveloperIdentity(.init(identityPoolId: poolId, logins: [developer: "bob"]))
        let bobId = try #require(bob.identityId)
        #expect(aliceId != bobId)

        let lookup = try await identity.lookupDeveloperIdentity(.init(identityPoolId: poolId, developerUserIdentifier: "alice"))
        #expect(lookup.identityId == aliceId)
        #expect(lookup.developerUserIdentifierList == ["alice"])

        let merged = try await identity.mergeDeveloperIdentities(.init(
            sourceUserIdentifier: "bob", destinationUserIdentifier: "alice", developerProviderName: developer,
            identityPoolId: poolId))
        #expect(merged.identityId == aliceId)
        let both = try await identity.lookupDeveloperIdentity(.init(identityPoolId: poolId, identityId: aliceId))
        #expect(Set(both.developerUserIdentifierList ?? []) == ["alice", "bob"])

        try await identity.unlinkDeveloperIdentity(.init(identityId: aliceId, identityPoolId: poolId,
                                                          developerProviderName: developer, developerUserIdentifier: "bob"))
        let after = try await identity.lookupDeveloperIdentity(.init(identityPoolId: poolId, identityId: aliceId))
        #expect(after.developerUserIdentifierList == ["alice"])
    }

    @Test("several hundred identities page by NextToken, each exactly once")
    func identityPaging() async throws {
        let identity = try Emulator.identity()
        let poolId = try await newPool(identity)
        let created = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<6 {
                group.addTask {
                    var ids: [String] = []
                    for _ in 0..<50 { ids.append(try await identity.getId(.init(identityPoolId: poolId)).identityId ?? "") }
                    return ids
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(Set(created).count == 300)

        var seen: [String] = []
        var pages = 0
        for try await page in identity.listIdentitiesPages(.init(identityPoolId: poolId, maxResults: 60)) {
            pages += 1
            seen += (page.identities ?? []).compactMap(\.identityId)
        }
        #expect(pages == 5)
        #expect(seen.count == 300)
        #expect(Set(seen) == Set(created))

        var items = 0
        for try await _ in identity.listIdentitiesItems(.init(identityPoolId: poolId, maxResults: 7)) { items += 1 }
        #expect(items == 300)
    }
}
