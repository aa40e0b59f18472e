import Foundation
import Testing
import TestSupport
@testable import AWSCore

/// The HTTP credential providers over the real libcurl transport, against loopback servers: the
/// scripted fault server standing in for IAM Identity Center, the container endpoint and the
/// instance metadata service, and the moto emulator for STS.
@Suite("Credential providers against local servers", .serialized, .timeLimit(.minutes(5)))
struct CredentialIntegrationTests {
    let transport = CurlTransport()

    /// One fault server for the suite (hence `.serialized`: each test scripts it afresh), kept
    /// for the whole run and ended by its `--watch-parent`. A server stopped per test can hang
    /// the run: the child inherits a signal mask with SIGTERM blocked, so `LocalServer.stop()`
    /// waits for an exit that never comes.
    static let sharedServer = Result { try FaultServer() }

    func startServer() throws -> FaultServer {
        try Self.sharedServer.get()
    }

    static let roleCredentials = """
        {"roleCredentials": {"accessKeyId": "ASIASSO", "secretAccessKey": "sso-secret",
         "sessionToken": "sso-token", "expiration": 1893459600000}}
        """
    static let metadataCredentials = """
        {"Code": "Success", "AccessKeyId": "ASIAMETA", "SecretAccessKey": "meta-secret",
         "Token": "meta-token", "Expiration": "2030-01-01T06:00:00Z"}
        """

    static func reply(_ body: String, status: Int = 200) -> FaultServer.Reply {
        FaultServer.Reply(status: status, headers: ["Content-Type": "application/json"], body: body)
    }

    @Test func identityCenterPortalGetsTheBearerTokenAndRole() async throws {
        let server = try startServer()
        try server.script([Self.reply(Self.roleCredentials)])
        let cacheFile = "\(testHome)/.aws/sso/cache/\(SHA1.hex("corp")).json"
        let context = makeContext(config: """
            [default]
            sso_session = corp
            sso_account_id = 111111111111
            sso_role_name = Admin
            [sso-session corp]
            sso_start_url = https://example.awsapps.com/start
            sso_region = eu-west-1
            """, files: MemoryFiles([cacheFile: #"{"accessToken": "bearer-xyz", "expiresAt": "2030-01-01T08:00:00Z"}"#]))
        let provider = SSOCredentialProvider(profileName: "default", files: try AWSConfigFiles.load(context: context),
                                             context: context, transport: transport, endpointURL: server.url)
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyId == "ASIASSO")
        #expect(credentials.expiration == testNow + 3600)
        let recorded = try server.requests()
        #expect(recorded.count == 1)
        #expect(recorded.first?.method == "GET")
        #expect(recorded.first?.path == "/federation/credentials")
        #expect(recorded.first?.query == "role_name=Admin&account_id=111111111111")
        #expect(recorded.first?.headers["x-amz-sso_bearer_token"] == "bearer-xyz")
    }

    @Test func containerEndpointGetsTheAuthorizationToken() async throws {
        let server = try startServer()
        try server.script([Self.reply(Self.metadataCredentials)])
        let context = makeContext(environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.url + "/v1/credentials",
                                                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": "/run/token"],
                                  files: MemoryFiles(["/run/token": "pod-token\n"]))
        let credentials = try await ContainerCredentialProvider(context: context, transport: transport).credentials()
        #expect(credentials.accessKeyId == "ASIAMETA")
        let recorded = try server.requests()
        #expect(recorded.map(\.path) == ["/v1/credentials"])
        #expect(recorded.first?.headers["authorization"] == "pod-token")
    }

    @Test func containerEndpointIsRetriedAfterAServerError() async throws {
        let server = try startServer()
        try server.script([Self.reply(#"{"message": "busy"}"#, status: 500), Self.reply(Self.metadataCredentials)])
        let context = makeContext(environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.url + "/creds"])
        #expect(try await ContainerCredentialProvider(context: context, transport: transport).credentials()
                    .accessKeyId == "ASIAMETA")
        #expect(try server.requests().count == 2)
    }

    func metadataContext(_ server: FaultServer) -> RuntimeContext {
        makeContext(environment: ["AWS_EC2_METADATA_DISABLED": "", "AWS_EC2_METADATA_SERVICE_ENDPOINT": server.url])
    }

    @Test func instanceMetadataUsesIMDSv2() async throws {
        let server = try startServer()
        try server.script([FaultServer.Reply(body: "session-token"), FaultServer.Reply(body: "InstanceRole"),
                           Self.reply(Self.metadataCredentials)])
        let provider = InstanceMetadataCredentialProvider(context: metadataContext(server), transport: transport)
        #expect(try await provider.credentials().accessKeyId == "ASIAMETA")
        let recorded = try server.requests()
        #expect(recorded.map { "\($0.method) \($0.path)" } == [
            "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
            "GET /latest/meta-data/iam/security-credentials/InstanceRole"])
        #expect(recorded.first?.headers["x-aws-ec2-metadata-token-ttl-seconds"] == "21600")
        #expect(recorded.dropFirst().allSatisfy { $0.headers["x-aws-ec2-metadata-token"] == "session-token" })
    }

    @Test func instanceMetadataFallsBackToIMDSv1WhenTheTokenIsForbidden() async throws {
        let server = try startServer()
        try server.script([FaultServer.Reply(status: 403, body: ""), FaultServer.Reply(body: "InstanceRole"),
                           Self.reply(Self.metadataCredentials)])
        let provider = InstanceMetadataCredentialProvider(context: metadataContext(server), transport: transport)
        #expect(try await provider.credentials().accessKeyId == "ASIAMETA")
        #expect(try server.requests().dropFirst().allSatisfy { $0.headers["x-aws-ec2-metadata-token"] == nil })
    }

    @Test func instanceMetadataTokenRequestThatHangsIsAbandonedAfterTheTimeout() async throws {
        let server = try startServer()
        try server.script([FaultServer.Reply(body: "late-token", delay: 5, action: "hang"),
                           FaultServer.Reply(body: "InstanceRole"), Self.reply(Self.metadataCredentials)])
        let provider = InstanceMetadataCredentialProvider(context: metadataContext(server), transport: transport,
                                                          timeout: .milliseconds(500))
        let started = ContinuousClock.now
        #expect(try await provider.credentials().accessKeyId == "ASIAMETA")
        #expect(ContinuousClock.now - started < .seconds(4))
    }

    // MARK: STS on the emulator

    func sts(_ context: RuntimeContext) throws -> STSClient {
        STSClient(region: "us-east-1", endpoint: Endpoint(url: try TestEmulator.url()), transport: transport,
                  context: context)
    }

    @Test func assumeRoleThroughTheEmulator() async throws {
        let context = makeContext(config: """
            [profile admin]
            role_arn = arn:aws:iam::123456789012:role/Admin
            source_profile = keys
            role_session_name = integration
            """, credentials: "[keys]\naws_access_key_id = AKIAKEYS\naws_secret_access_key = keys-secret\n")
        let resolved = try ConfigResolver(context: context).resolve(ConfigOverrides(profile: "admin"))
        let provider = CredentialChainBuilder.build(config: resolved, overrides: ConfigOverrides(profile: "admin"),
                                                    context: context, transport: transport, sts: try sts(context))
        let credentials = try await provider.credentials()
        #expect(credentials.source == "assume-role")
        #expect(credentials.accessKeyId.hasPrefix("ASIA"))
        #expect(credentials.sessionToken?.isEmpty == false)
        #expect(credentials.expiration != nil)
    }

    @Test func assumeRoleWithWebIdentityThroughTheEmulator() async throws {
        let context = makeContext(environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": "/var/run/token",
                                                "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/Pod"],
                                  files: MemoryFiles(["/var/run/token": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwb2QifQ.sig"]))
        let provider = WebIdentityCredentialProvider(profileName: "default", profile: [:], useEnvironment: true,
                                                     context: context, sts: try sts(context))
        let credentials = try await provider.credentials()
        #expect(credentials.source == "web-identity")
        #expect(credentials.accessKeyId.hasPrefix("ASIA"))
    }
}
