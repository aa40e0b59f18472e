import Foundation
import Testing
import TestSupport
@testable import AWSCore

/// Every credential source that can run here, end to end through `cognito-tui call`: the call
/// goes to a scripted local server (or the emulator), and the test checks which keys signed it.
@Suite("cognito-tui call with each credential source", .timeLimit(.minutes(5)))
struct CallCredentialSourcesTests {
    func run(_ args: [String], home: TemporaryHome, env: [String: String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(args, environment: BinaryRunner.baseEnvironment(home: home.path).merging(env) { $1 })
    }

    /// Calls ListUserPools at the fault server, whose last scripted reply answers it, and returns
    /// the access key id that signed that request.
    func signingKey(_ server: FaultServer, home: TemporaryHome, env: [String: String] = [:],
                    extraArgs: [String] = []) throws -> (String?, [FaultServer.Recorded]) {
        let result = try run(["call", "cognito-idp", "ListUserPools", #"{"MaxResults":1}"#, "--endpoint-url", server.url,
                              "--region", "us-east-1"] + extraArgs, home: home, env: env)
        #expect(result.status == 0, "\(result.stderr)")
        let requests = try server.requests()
        let auth = requests.last?.headers["authorization"]
        let key = auth.flatMap { $0.components(separatedBy: "Credential=").dropFirst().first?.split(separator: "/").first.map(String.init) }
        return (key, requests)
    }

    static let poolsReply = FaultServer.Reply.json(200, #"{"UserPools":[]}"#)

    @Test("environment variables")
    func environment() throws {
        let server = try FaultServer()
        try server.script([Self.poolsReply])
        let (key, requests) = try signingKey(server, home: try TemporaryHome(),
                                             env: ["AWS_ACCESS_KEY_ID": "AKIAENVIRONMENT00001", "AWS_SECRET_ACCESS_KEY": "s",
                                                   "AWS_SESSION_TOKEN": "env-session"])
        #expect(key == "AKIAENVIRONMENT00001")
        #expect(requests.last?.headers["x-amz-security-token"] == "env-session")
    }

    @Test("a profile's static keys in the credentials file")
    func staticProfile() throws {
        let server = try FaultServer()
        try server.script([Self.poolsReply])
        let home = try TemporaryHome(credentials: "[dev]\naws_access_key_id = AKIASTATICPROFILE001\naws_secret_access_key = s\n")
        let (key, _) = try signingKey(server, home: home, extraArgs: ["--profile", "dev"])
        #expect(key == "AKIASTATICPROFILE001")
    }

    @Test("credential_process")
    func credentialProcess() throws {
        let server = try FaultServer()
        try server.script([Self.poolsReply])
        let home = try TemporaryHome(config: """
            [profile proc]
            credential_process = printf '{"Version":1,"AccessKeyId":"AKIAPROCESS000000001","SecretAccessKey":"s","SessionToken":"proc-token"}'
            """)
        let (key, requests) = try signingKey(server, home: home, extraArgs: ["--profile", "proc"])
        #expect(key == "AKIAPROCESS000000001")
        #expect(requests.last?.headers["x-amz-security-token"] == "proc-token")
    }

    @Test("role_arn with source_profile, through the emulator's STS AssumeRole")
    func assumeRole() throws {
        let emulator = try TestEmulator.url()
        let home = try TemporaryHome(
            config: """
                [profile base]
                region = us-east-1
                [profile admin]
                role_arn = arn:aws:iam::123456789012:role/cognito-admin
                source_profile = base
                role_session_name = cli-assume-test
                duration_seconds = 900
                """,
            credentials: "[base]\naws_access_key_id = AKIABASEPROFILE00001\naws_secret_access_key = s\n")
        let result = try run(["call", "sts", "GetCallerIdentity", "--profile", "admin", "--region", "us-east-1", "--endpoint-url", emulator],
                             home: home, env: ["AWS_ENDPOINT_URL_STS": emulator])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("assumed-role/cognito-admin/cli-assume-test"))
    }

    @Test("a web identity token file, through the emulator's STS AssumeRoleWithWebIdentity")
    func webIdentity() throws {
        let emulator = try TestEmulator.url()
        let home = try TemporaryHome()
        try home.write("token.jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0In0.")
        let result = try run(["call", "sts", "GetCallerIdentity", "--region", "us-east-1", "--endpoint-url", emulator],
                             home: home, env: ["AWS_ENDPOINT_URL_STS": emulator,
                                               "AWS_WEB_IDENTITY_TOKEN_FILE": home.path + "/token.jwt",
                                               "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/web-role",
                                               "AWS_ROLE_SESSION_NAME": "cli-web-test"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("assumed-role/web-role/cli-web-test"))
    }

    static let ssoConfig = """
        [profile sso]
        sso_session = corp
        sso_account_id = 111122223333
        sso_role_name = CognitoAdmin
        region = us-east-1
        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = us-east-1
        """

    @Test("IAM Identity Center, with the token cache that aws sso login writes")
    func sso() throws {
        let server = try FaultServer()
        try server.script([
            FaultServer.Reply(status: 200, headers: ["Content-Type": "application/json"], body: """
                {"roleCredentials":{"accessKeyId":"ASIASSOROLE000000001","secretAccessKey":"s","sessionToken":"sso-session-token","expiration":4102444800000}}
                """),
            Self.poolsReply,
        ])
        let home = try TemporaryHome(config: Self.ssoConfig)
        try home.write(".aws/sso/cache/\(SHA1.hex("corp")).json", """
            {"startUrl":"https://corp.awsapps.com/start","region":"us-east-1","accessToken":"sso-bearer-token","expiresAt":"2099-01-01T00:00:00Z"}
            """)
        let (key, requests) = try signingKey(server, home: home, env: ["AWS_ENDPOINT_URL_SSO": server.url],
                                             extraArgs: ["--profile", "sso"])
        #expect(key == "ASIASSOROLE000000001")
        let exchange = try #require(requests.first)
        #expect(exchange.path == "/federation/credentials")
        #expect(exchange.query.contains("role_name=CognitoAdmin") && exchange.query.contains("account_id=111122223333"))
        #expect(exchange.headers["x-amz-sso_bearer_token"] == "sso-bearer-token")
    }

    @Test("an expired IAM Identity Center token names the login command")
    func ssoExpired() throws {
        let home = try TemporaryHome(config: Self.ssoConfig)
        try home.write(".aws/sso/cache/\(SHA1.hex("corp")).json", """
            {"startUrl":"https://corp.awsapps.com/start","region":"us-east-1","accessToken":"old","expiresAt":"2001-01-01T00:00:00Z"}
            """)
        let result = try run(["call", "cognito-idp", "ListUserPools", #"{"MaxResults":10}"#, "--profile", "sso", "--endpoint-url", "http://127.0.0.1:9"],
                             home: home, env: [:])
        #expect(result.status == 3)
        #expect(result.stderr.contains("aws sso login --profile sso"), "\(result.stderr)")
    }

    @Test("container credentials with an authorization token")
    func container() throws {
        let server = try FaultServer()
        try server.script([
            FaultServer.Reply(status: 200, headers: ["Content-Type": "application/json"], body: """
                {"AccessKeyId":"ASIACONTAINER0000001","SecretAccessKey":"s","Token":"container-token","Expiration":"2099-01-01T00:00:00Z"}
                """),
            Self.poolsReply,
        ])
        let (key, requests) = try signingKey(server, home: try TemporaryHome(),
                                             env: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.url + "/v2/credentials/abc",
                                                   "AWS_CONTAINER_AUTHORIZATION_TOKEN": "container-auth"])
        #expect(key == "ASIACONTAINER0000001")
        #expect(requests.first?.path == "/v2/credentials/abc")
        #expect(requests.first?.headers["authorization"] == "container-auth")
    }

    @Test("EC2 instance metadata, IMDSv2 token first, at a local endpoint")
    func instanceMetadata() throws {
        let server = try FaultServer()
        try server.script([
            FaultServer.Reply(status: 200, headers: ["Content-Type": "text/plain"], body: "imds-session-token"),
            FaultServer.Reply(status: 200, headers: ["Content-Type": "text/plain"], body: "instance-role"),
            FaultServer.Reply(status: 200, headers: ["Content-Type": "application/json"], body: """
                {"Code":"Success","AccessKeyId":"ASIAINSTANCE00000001","SecretAccessKey":"s","Token":"imds-token","Expiration":"2099-01-01T00:00:00Z"}
                """),
            Self.poolsReply,
        ])
        let (key, requests) = try signingKey(server, home: try TemporaryHome(),
                                             env: ["AWS_EC2_METADATA_DISABLED": "false",
                                                   "AWS_EC2_METADATA_SERVICE_ENDPOINT": server.url])
        #expect(key == "ASIAINSTANCE00000001")
        #expect(requests.count == 4)
        #expect(requests.first?.method == "PUT" && requests.first?.path == "/latest/api/token")
        #expect(requests.dropFirst().first?.headers["x-aws-ec2-metadata-token"] == "imds-session-token")
        #expect(requests.dropFirst(2).first?.path == "/latest/meta-data/iam/security-credentials/instance-role")
    }
}
