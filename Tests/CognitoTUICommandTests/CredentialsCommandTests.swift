import Foundation
import Testing
import TestSupport

/// `cognito-tui credentials` against the emulator, whose credentials are STS sessions of the
/// pool's roles; and the AWS CLI itself using the command as a profile's `credential_process`.
@Suite("credentials", .timeLimit(.minutes(5)))
struct CredentialsCommandTests {
    let kit: AdminCommandKit
    let identityPool: String
    let provider: String

    init() throws {
        kit = try AdminCommandKit(users: ["ann"])
        let lines = try kit.boto("""
            ci = boto3.client("cognito-identity", endpoint_url=\(AdminCommandKit.literal(kit.url)), region_name="us-east-1",
                              aws_access_key_id="AKIABOTOJUDGE0000001", aws_secret_access_key="judge")
            client = idp.create_user_pool_client(UserPoolId=pool, ClientName="app",
                ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH"])["UserPoolClient"]["ClientId"]
            provider = f"cognito-idp.us-east-1.amazonaws.com/{pool}"
            ip = ci.create_identity_pool(IdentityPoolName="creds_cli", AllowUnauthenticatedIdentities=True,
                CognitoIdentityProviders=[{"ProviderName": provider, "ClientId": client}])["IdentityPoolId"]
            ci.set_identity_pool_roles(IdentityPoolId=ip, Roles={
                "authenticated": "arn:aws:iam::123456789012:role/cli-user",
                "unauthenticated": "arn:aws:iam::123456789012:role/cli-guest"})
            idp.admin_set_user_password(UserPoolId=pool, Username="ann", Password="Corr3ct-horse!", Permanent=True)
            token = idp.admin_initiate_auth(UserPoolId=pool, ClientId=client, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                AuthParameters={"USERNAME": "ann", "PASSWORD": "Corr3ct-horse!"})["AuthenticationResult"]["IdToken"]
            open(\(AdminCommandKit.literal(kit.home.path + "/id-token.jwt")), "w").write(token)
            print(ip); print(provider)
            """).split(separator: "\n").map(String.init)
        identityPool = lines[0]
        provider = lines[1]
    }

    /// The ARN STS says the printed keys act as (asked through boto3, apart from cognito-tui).
    func caller(_ keys: [String: Any]) throws -> String {
        try kit.boto("""
            sts = boto3.client("sts", endpoint_url=\(AdminCommandKit.literal(kit.url)), region_name="us-east-1",
                aws_access_key_id=\(AdminCommandKit.literal(keys["AccessKeyId"] as? String ?? "")),
                aws_secret_access_key=\(AdminCommandKit.literal(keys["SecretAccessKey"] as? String ?? "")),
                aws_session_token=\(AdminCommandKit.literal(keys["SessionToken"] as? String ?? "")))
            print(sts.get_caller_identity()["Arn"])
            """).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func json(_ result: BinaryRunner.Result) throws -> [String: Any] {
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("a guest gets keys of the pool's guest role; a login read from a file gets the user role")
    func guestAndUser() throws {
        let guest = try json(try kit.run(["credentials", "--identity-pool", identityPool]))
        #expect((guest["IdentityId"] as? String)?.hasPrefix("us-east-1:") == true)
        #expect(try caller(guest) == "arn:aws:sts::123456789012:assumed-role/cli-guest/CognitoIdentityCredentials")

        let user = try json(try kit.run(["credentials", "--identity-pool", identityPool, "--login", "\(provider)=@\(kit.home.path)/id-token.jwt"]))
        #expect(try caller(user) == "arn:aws:sts::123456789012:assumed-role/cli-user/CognitoIdentityCredentials")

        let token = try String(contentsOfFile: kit.home.path + "/id-token.jwt", encoding: .utf8)
        let again = try json(try kit.run(["credentials", "--identity-pool", identityPool, "--identity-id", user["IdentityId"] as? String ?? "",
                                          "--login", "\(provider)=-", "--format", "json"], stdin: token + "\n"))
        #expect(again["IdentityId"] as? String == user["IdentityId"] as? String)
    }

    @Test("the basic flow assumes --role-arn with the identity's OpenID token; env prints export lines")
    func basicFlowAndEnv() throws {
        let result = try kit.run(["credentials", "--identity-pool", identityPool, "--role-arn", "arn:aws:iam::123456789012:role/classic",
                                  "--format", "env"])
        #expect(result.status == 0, "\(result.stderr)")
        var keys: [String: Any] = [:]
        for line in result.stdout.split(separator: "\n") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1).map(String.init)
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            keys[["AWS_ACCESS_KEY_ID": "AccessKeyId", "AWS_SECRET_ACCESS_KEY": "SecretAccessKey",
                  "AWS_SESSION_TOKEN": "SessionToken"][pair[0]] ?? pair[0]] = value
        }
        #expect(keys["AWS_CREDENTIAL_EXPIRATION"] != nil)
        #expect(try caller(keys) == "arn:aws:sts::123456789012:assumed-role/classic/cognito-tui")
    }

    @Test("the AWS CLI runs sts get-caller-identity with a profile whose credential_process is this command")
    func awsCLICredentialProcess() throws {
        let command = [BinaryRunner.binaryPath, "credentials", "--identity-pool", identityPool, "--format", "process",
                       "--endpoint-url", kit.url, "--region", "us-east-1"].joined(separator: " ")
        try kit.home.write(".aws/config", "[profile guest]\ncredential_process = \(command)\nregion = us-east-1\n")
        let process = Process()
        process.executableURL = ProjectPython.url
        process.arguments = ["-m", "awscli", "sts", "get-caller-identity", "--profile", "guest",
                             "--endpoint-url", kit.url, "--output", "json"]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment.merge(["HOME": kit.home.path, "AWS_CONFIG_FILE": kit.home.path + "/.aws/config",
                           "AWS_SHARED_CREDENTIALS_FILE": kit.home.path + "/.aws/credentials",
                           "AWS_EC2_METADATA_DISABLED": "true"]) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(String(decoding: stderr, as: UTF8.self))")
        let reply = try #require(try JSONSerialization.jsonObject(with: stdout) as? [String: Any])
        #expect(reply["Arn"] as? String == "arn:aws:sts::123456789012:assumed-role/cli-guest/CognitoIdentityCredentials")
    }

    @Test("the credential_process JSON is Version 1 with the keys and an ISO 8601 expiration")
    func processFormat() throws {
        let out = try json(try kit.run(["credentials", "--identity-pool", identityPool, "--format", "process"]))
        #expect(out["Version"] as? Int == 1)
        #expect(Set(out.keys) == ["Version", "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"])
        #expect((out["Expiration"] as? String)?.hasSuffix("Z") == true)
    }
}
