import AWSCore
import CognitoAPI
import Foundation
import TestSupport
import Testing

/// The Cognito credential providers against the emulator, whose credentials are STS sessions of
/// the pool's roles: caching on an injected clock, refresh before expiry, a stale identity id
/// replaced once, `clearCachedId`, fresh login tokens, the basic flow, and an AWSCore client
/// signing with the credentials.
@Suite("Cognito credential providers against the emulator", .timeLimit(.minutes(5)))
struct CognitoCredentialProviderTests {
    static let guestRole = "arn:aws:iam::123456789012:role/app-guest"
    static let userRole = "arn:aws:iam::123456789012:role/app-user"
    let admin: CognitoIdentityClient
    let transport = CountingTransport()
    let clock = TestClock()
    let pool: String

    init() async throws {
        admin = try Emulator.identity()
        pool = try await admin.createIdentityPool(.init(
            identityPoolName: Emulator.uniqueWord("creds"), allowUnauthenticatedIdentities: true)).identityPoolId
        _ = try await admin.setIdentityPoolRoles(.init(identityPoolId: pool, roles: ["unauthenticated": Self.guestRole]))
    }

    var configuration: CognitoClientConfiguration {
        let clock = self.clock
        return CognitoClientConfiguration(
            region: Emulator.region, endpoint: Endpoint(url: try! TestEmulator.url()), transport: transport,
            context: RuntimeContext(environment: [:], now: { clock.now }))
    }

    func caller(_ provider: any CredentialProvider) async throws -> String {
        let sts = STSClient(region: Emulator.region, endpoint: Endpoint(url: try TestEmulator.url()),
                            transport: CurlTransport(), context: RuntimeContext(environment: [:]))
        return try await sts.getCallerIdentity(credentials: provider)["Arn"] ?? ""
    }

    @Test("an AWSCore client signs STS GetCallerIdentity with a guest's credentials: the pool's guest role")
    func callerIdentity() async throws {
        let provider = CognitoIdentityPoolCredentialProvider(identityPoolId: pool, configuration: configuration)
        #expect(try await caller(provider) == "arn:aws:sts::123456789012:assumed-role/app-guest/CognitoIdentityCredentials")
        #expect(await provider.identityId?.hasPrefix("us-east-1:") == true)
    }

    @Test("credentials are kept until five minutes before they expire, then fetched again with the same identity")
    func cachingAndRefresh() async throws {
        let provider = CognitoIdentityPoolCredentialProvider(identityPoolId: pool, configuration: configuration)
        let first = try await provider.credentials()
        let expiration = try #require(first.expiration)
        clock.set(expiration.addingTimeInterval(-301))
        #expect(try await provider.credentials().accessKeyId == first.accessKeyId)
        #expect(transport.count("GetCredentialsForIdentity") == 1)
        clock.set(expiration.addingTimeInterval(-299))
        let second = try await provider.credentials()
        #expect(second.accessKeyId != first.accessKeyId)
        #expect(transport.count("GetCredentialsForIdentity") == 2)
        #expect(transport.count("GetId") == 1)
        let forced = try await provider.refresh()
        #expect(forced.accessKeyId != second.accessKeyId)
    }

    @Test("callers arriving together share one fetch")
    func concurrentCallersShareAFetch() async throws {
        let provider = CognitoIdentityPoolCredentialProvider(identityPoolId: pool, configuration: configuration)
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<6 { group.addTask { try await provider.credentials().accessKeyId } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys.count == 1)
        #expect(transport.count("GetId") == 1)
        #expect(transport.count("GetCredentialsForIdentity") == 1)
    }

    @Test("a cached identity id the service no longer knows is dropped and replaced, and the cache holds the new one")
    func staleIdReplaced() async throws {
        let cache = MemoryIdentityIdCache()
        let key = "aws:cognito-identity-credentials:\(pool):guest-7"
        await cache.setIdentityId("us-east-1:00000000-0000-4000-8000-000000000000", forKey: key)
        let provider = CognitoIdentityPoolCredentialProvider(identityPoolId: pool, userIdentifier: "guest-7", cache: cache,
                                                             configuration: configuration)
        #expect(await provider.cacheKey == key)
        _ = try await provider.credentials()
        let fresh = try #require(await provider.identityId)
        #expect(fresh != "us-east-1:00000000-0000-4000-8000-000000000000")
        #expect(await cache.identityId(forKey: key) == fresh)
        #expect(transport.count("GetId") == 1)
        #expect(transport.count("GetCredentialsForIdentity") == 2)
    }

    @Test("a stale id is replaced once only: when the new identity is refused too, that error is thrown")
    func staleIdReplacedOnce() async throws {
        let cache = MemoryIdentityIdCache()
        await cache.setIdentityId("us-east-1:00000000-0000-4000-8000-000000000000", forKey: "aws:cognito-identity-credentials:\(pool):g")
        // A guest may not ask for a custom role: every identity is refused with NotAuthorizedException.
        let provider = CognitoIdentityPoolCredentialProvider(identityPoolId: pool, customRoleArn: Self.userRole, userIdentifier: "g",
                                                             cache: cache, configuration: configuration)
        await #expect { try await provider.credentials() } throws: { ($0 as? AWSServiceError)?.code == "NotAuthorizedException" }
        #expect(transport.count("GetId") == 1)
        #expect(transport.count("GetCredentialsForIdentity") == 2)
    }

    @Test("clearCachedId forgets the identity (here and in the cache) and the credentials: the next call is a new guest")
    func clearCachedId() async throws {
        let cache = MemoryIdentityIdCache()
        let provider = CognitoIdentityPoolCredentialProvider(identityPoolId: pool, userIdentifier: "kiosk", cache: cache,
                                                             configuration: configuration)
        _ = try await provider.credentials()
        let first = try #require(await provider.identityId)
        await provider.clearCachedId()
        #expect(await provider.identityId == nil)
        #expect(await cache.identityId(forKey: "aws:cognito-identity-credentials:\(pool):kiosk") == nil)
        _ = try await provider.credentials()
        #expect(try #require(await provider.identityId) != first)
        #expect(transport.count("GetId") == 2)
    }

    @Test("a file cache keeps the identity id for the next provider")
    func fileCache() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ids-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = CognitoIdentityPoolCredentialProvider(identityPoolId: pool, userIdentifier: "u",
                                                          cache: FileIdentityIdCache(path: path, files: LocalFiles()), configuration: configuration)
        _ = try await first.credentials()
        let second = CognitoIdentityPoolCredentialProvider(identityPoolId: pool, userIdentifier: "u",
                                                           cache: FileIdentityIdCache(path: path, files: LocalFiles()), configuration: configuration)
        _ = try await second.credentials()
        #expect(await second.identityId == (await first.identityId))
        #expect(transport.count("GetId") == 1)
    }

    @Test("logins given as functions are asked for a fresh token at every fetch; the user gets the authenticated role")
    func loginFunctions() async throws {
        let idp = try Emulator.identityProvider()
        let userPool = try await Emulator.userPool(idp, prefix: "creds")
        let client = try #require(try await idp.createUserPoolClient(.init(
            userPoolId: userPool, clientName: "app", explicitAuthFlows: [.allowAdminUserPasswordAuth])).userPoolClient?.clientId)
        _ = try await idp.adminCreateUser(.init(userPoolId: userPool, username: "ann", messageAction: .suppress))
        _ = try await idp.adminSetUserPassword(.init(userPoolId: userPool, username: "ann", password: "Corr3ct-horse!", permanent: true))
        let provider = "cognito-idp.us-east-1.amazonaws.com/\(userPool)"
        let userPoolPool = try await admin.createIdentityPool(.init(
            identityPoolName: Emulator.uniqueWord("users"), allowUnauthenticatedIdentities: false,
            cognitoIdentityProviders: [.init(providerName: provider, clientId: client)])).identityPoolId
        _ = try await admin.setIdentityPoolRoles(.init(identityPoolId: userPoolPool, roles: ["authenticated": Self.userRole]))

        let asked = TestCounter()
        let login = CognitoLogin.provider {
            asked.increment()
            let result = try await idp.adminInitiateAuth(.init(userPoolId: userPool, clientId: client, authFlow: .adminUserPasswordAuth,
                                                               authParameters: ["USERNAME": "ann", "PASSWORD": "Corr3ct-horse!"]))
            return result.authenticationResult?.idToken ?? ""
        }
        let credentials = CognitoIdentityPoolCredentialProvider(identityPoolId: userPoolPool, logins: [provider: login],
                                                                configuration: configuration)
        #expect(try await caller(credentials) == "arn:aws:sts::123456789012:assumed-role/app-user/CognitoIdentityCredentials")
        _ = try await credentials.refresh()
        #expect(asked.value == 3) // GetId, then GetCredentialsForIdentity twice

        let byId = CognitoIdentityCredentialProvider(identityId: try #require(await credentials.identityId), logins: [provider: login],
                                                     configuration: configuration)
        #expect(try await caller(byId).contains("assumed-role/app-user/"))
    }

    @Test("with a role ARN the basic flow runs: GetOpenIdToken, then STS AssumeRoleWithWebIdentity")
    func basicFlow() async throws {
        let provider = CognitoIdentityPoolCredentialProvider(
            identityPoolId: pool, roleArn: "arn:aws:iam::123456789012:role/classic", roleSessionName: "kiosk-session",
            configuration: configuration)
        #expect(try await caller(provider) == "arn:aws:sts::123456789012:assumed-role/classic/kiosk-session")
        #expect(transport.count("GetOpenIdToken") == 1)
        #expect(transport.count("AssumeRoleWithWebIdentity") == 1)
        #expect(transport.count("GetCredentialsForIdentity") == 0)
    }
}

final class TestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
