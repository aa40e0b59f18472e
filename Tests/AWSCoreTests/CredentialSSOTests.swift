import Foundation
import Testing
@testable import AWSCore

@Suite("IAM Identity Center credentials from the AWS CLI's token cache", .timeLimit(.minutes(5)))
struct CredentialSSOTests {
    static let sessionConfig = """
        [profile dev]
        sso_session = corp
        sso_account_id = 111111111111
        sso_role_name = Admin Role
        [sso-session corp]
        sso_start_url = https://example.awsapps.com/start
        sso_region = eu-west-1
        """
    static let legacyConfig = """
        [profile old]
        sso_start_url = https://example.awsapps.com/start
        sso_region = us-east-2
        sso_account_id = 222222222222
        sso_role_name = ReadOnly
        """
    /// SHA-1 of `corp` and of the start URL, as Python's hashlib gives them.
    static let sessionCacheFile = "\(testHome)/.aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json"
    static let legacyCacheFile = "\(testHome)/.aws/sso/cache/e8be5486177c5b5392bd9aa76563515b29358e6e.json"
    static let validToken = #"{"accessToken": "bearer-xyz", "expiresAt": "2030-01-01T08:00:00Z", "region": "eu-west-1"}"#
    static let roleCredentials = """
        {"roleCredentials": {"accessKeyId": "ASIASSO", "secretAccessKey": "sso-secret",
         "sessionToken": "sso-token", "expiration": 1893459600000}}
        """

    func provider(_ profile: String, config: String, cache: [String: String] = [:],
                  transport: RecordingTransport, endpointURL: String? = nil) throws -> SSOCredentialProvider {
        let context = makeContext(config: config, files: MemoryFiles(cache))
        return SSOCredentialProvider(profileName: profile, files: try AWSConfigFiles.load(context: context),
                                     context: context, transport: transport, endpointURL: endpointURL)
    }

    func failure(_ provider: SSOCredentialProvider) async -> String? {
        do {
            _ = try await provider.credentials()
            return nil
        } catch {
            return message(of: error)
        }
    }

    @Test(arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        (String(repeating: "a", count: 1000), "291e9a6c66994949b57ba5e650361e98fc36b1ba"),
    ])
    func sha1MatchesKnownDigests(input: String, digest: String) {
        #expect(SHA1.hex(input) == digest)
    }

    @Test func sessionProfileExchangesTheCachedToken() async throws {
        let transport = RecordingTransport { _ in json(200, Self.roleCredentials) }
        let credentials = try await provider("dev", config: Self.sessionConfig,
                                             cache: [Self.sessionCacheFile: Self.validToken], transport: transport)
            .credentials()
        #expect(credentials == Credentials(accessKeyId: "ASIASSO", secretAccessKey: "sso-secret",
                                           sessionToken: "sso-token", expiration: testNow + 3600, source: "sso"))
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.endpoint == Endpoint(host: "portal.sso.eu-west-1.amazonaws.com"))
        #expect(request.path == "/federation/credentials")
        #expect(request.query == "role_name=Admin%20Role&account_id=111111111111")
        #expect(request.headers["x-amz-sso_bearer_token"] == "bearer-xyz")
    }

    @Test func legacyProfileFindsTheTokenByStartURL() async throws {
        let transport = RecordingTransport { _ in json(200, Self.roleCredentials) }
        _ = try await provider("old", config: Self.legacyConfig, cache: [Self.legacyCacheFile: Self.validToken],
                               transport: transport).credentials()
        #expect(transport.requests.first?.endpoint.host == "portal.sso.us-east-2.amazonaws.com")
        #expect(transport.requests.first?.query == "role_name=ReadOnly&account_id=222222222222")
    }

    @Test func configuredEndpointReplacesThePortal() async throws {
        let transport = RecordingTransport { _ in json(200, Self.roleCredentials) }
        _ = try await provider("dev", config: Self.sessionConfig, cache: [Self.sessionCacheFile: Self.validToken],
                               transport: transport, endpointURL: "http://127.0.0.1:4000").credentials()
        #expect(transport.requests.first?.endpoint == Endpoint(scheme: "http", host: "127.0.0.1", port: 4000))
    }

    @Test func profileWithoutSSOSettingsIsNotConfigured() async throws {
        await #expect(throws: CredentialSourceNotConfigured()) {
            try await provider("x", config: "[profile x]\nregion = y\n", transport: RecordingTransport()).credentials()
        }
    }

    static let expiredMessage = "The SSO session for profile `dev` has expired or was never started; "
        + "run `aws sso login --profile dev`."

    @Test func missingTokenSaysToLogIn() async throws {
        let transport = RecordingTransport()
        #expect(await failure(try provider("dev", config: Self.sessionConfig, transport: transport)) == Self.expiredMessage)
        #expect(transport.requests.isEmpty)
    }

    @Test func expiredTokenSaysToLogIn() async throws {
        let token = #"{"accessToken": "old", "expiresAt": "2029-12-31T23:59:59Z"}"#
        let transport = RecordingTransport()
        #expect(await failure(try provider("dev", config: Self.sessionConfig, cache: [Self.sessionCacheFile: token],
                                           transport: transport)) == Self.expiredMessage)
        #expect(transport.requests.isEmpty)
    }

    @Test func tokenWithOlderUTCSuffixIsRead() async throws {
        let token = #"{"accessToken": "t", "expiresAt": "2030-01-01T08:00:00UTC"}"#
        let transport = RecordingTransport { _ in json(200, Self.roleCredentials) }
        _ = try await provider("dev", config: Self.sessionConfig, cache: [Self.sessionCacheFile: token],
                               transport: transport).credentials()
        #expect(transport.requests.count == 1)
    }

    @Test func portalRejectingTheTokenSaysToLogIn() async throws {
        let transport = RecordingTransport { _ in json(401, #"{"message": "Session token not found or invalid"}"#) }
        #expect(await failure(try provider("dev", config: Self.sessionConfig, cache: [Self.sessionCacheFile: Self.validToken],
                                           transport: transport)) == Self.expiredMessage)
    }

    @Test func portalRefusingTheRoleQuotesItsMessage() async throws {
        let transport = RecordingTransport { _ in json(403, #"{"message": "No access"}"#) }
        let message = await failure(try provider("dev", config: Self.sessionConfig,
                                                 cache: [Self.sessionCacheFile: Self.validToken], transport: transport))
        #expect(message == "IAM Identity Center refused role `Admin Role` in account `111111111111` for profile `dev` "
                + "(HTTP 403): No access.")
    }

    @Test func missingSSOSessionSectionIsAnError() async throws {
        let config = "[profile dev]\nsso_session = nope\nsso_account_id = 1\nsso_role_name = R\n"
        #expect(await failure(try provider("dev", config: config, transport: RecordingTransport()))
                == "The profile `dev` uses sso_session `nope`, but ~/.aws/config has no `[sso-session nope]` section.")
    }

    @Test func profileAndSessionDisagreeingIsAnError() async throws {
        let config = Self.sessionConfig.replacingOccurrences(of: "sso_session = corp",
                                                             with: "sso_session = corp\nsso_region = us-east-1")
        #expect(await failure(try provider("dev", config: config, transport: RecordingTransport()))
                == "The profile `dev` and `[sso-session corp]` set sso_region differently.")
    }

    @Test func missingSettingsAreListed() async throws {
        let config = "[profile dev]\nsso_account_id = 1\n"
        #expect(await failure(try provider("dev", config: config, transport: RecordingTransport()))
                == "The profile `dev` is set up for IAM Identity Center but lacks sso_start_url, sso_region and sso_role_name.")
    }
}
