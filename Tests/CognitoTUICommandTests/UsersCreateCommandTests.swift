import Foundation
import Testing
import TestSupport

/// `cognito-tui users create` through the binary, judged by boto3.
@Suite("cognito-tui users create", .timeLimit(.minutes(5)))
struct UsersCreateCommandTests {
    static let policy = #"Policies={"PasswordPolicy": {"MinimumLength": 12, "RequireUppercase": True, "RequireLowercase": True, "RequireNumbers": True, "RequireSymbols": False}}"#

    @Test("a generated password is printed once, meets the policy, and signs the new user in")
    func generated() throws {
        let kit = try AdminCommandKit(poolArguments: Self.policy)
        let result = try kit.run(["users", "create", "--pool", kit.pool, "ann", "--attribute", "email=ann@example.com",
                                  "--generate-password", "--message-action", "SUPPRESS"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Temporary password: ") }
        #expect(lines.count == 1, "\(result.stdout)")
        let password = String(lines.first?.dropFirst("Temporary password: ".count) ?? "")
        #expect(password.count >= 16)
        #expect(!result.stderr.contains(password))
        let user = try kit.user("ann")
        #expect(user?.status == "FORCE_CHANGE_PASSWORD")
        #expect(user?.attributes["email"] == "ann@example.com")
        let challenge = try kit.boto("""
            client = idp.create_user_pool_client(UserPoolId=pool, ClientName="app",
                ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]
            auth = idp.admin_initiate_auth(UserPoolId=pool, ClientId=client, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                AuthParameters={"USERNAME": "ann", "PASSWORD": \(AdminCommandKit.literal(password))})
            print(auth.get("ChallengeName"))
            """)
        #expect(challenge.contains("NEW_PASSWORD_REQUIRED"))
    }

    @Test("a temporary password from stdin that breaks the policy names the rule, exit 2, no user made")
    func weakTemporaryPassword() throws {
        let kit = try AdminCommandKit(poolArguments: Self.policy)
        let result = try kit.run(["users", "create", "--pool", kit.pool, "ann", "--temporary-password-stdin"], stdin: "Short1a\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("it must be at least 12 characters long; nothing was sent"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!result.stderr.contains("Short1a"))
        #expect(try kit.user("ann") == nil)
    }

    @Test("a temporary password from stdin is used as given")
    func stdinPassword() throws {
        let kit = try AdminCommandKit(poolArguments: Self.policy)
        let result = try kit.run(["users", "create", "--pool", kit.pool, "ann", "--temporary-password-stdin",
                                  "--message-action", "SUPPRESS"], stdin: "Long-enough-42\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("Long-enough-42"))
        #expect(try kit.user("ann")?.status == "FORCE_CHANGE_PASSWORD")
    }

    @Test("an attribute the pool does not have is one sentence naming the pool, exit 2, no user made")
    func unknownAttribute() throws {
        let kit = try AdminCommandKit()
        let result = try kit.run(["users", "create", "--pool", kit.pool, "ann", "--attribute", "shoe_size=9"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("The pool \(kit.pool) has no attribute shoe_size; nothing was sent."), "\(result.stderr)")
        #expect(try kit.user("ann") == nil)
    }

    @Test("a plain username in a pool whose usernames are emails is refused, exit 2")
    func usernameKind() throws {
        let kit = try AdminCommandKit(poolArguments: #"UsernameAttributes=["email"]"#)
        let result = try kit.run(["users", "create", "--pool", kit.pool, "ann"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("the username is the user's email"), "\(result.stderr)")
        #expect(try kit.user("ann") == nil)
    }

    @Test("--read-only refuses with exit 5 before the pool is even read, and makes no user")
    func readOnly() throws {
        let kit = try AdminCommandKit()
        let result = try kit.run(["users", "create", "--pool", kit.pool, "ann", "--generate-password", "--read-only", "--debug"])
        #expect(result.status == 5)
        #expect(!result.stderr.contains("DescribeUserPool"), "nothing is sent, reads included: \(result.stderr)")
        #expect(result.stderr.contains("AdminCreateUser changes data"))
        #expect(!result.stdout.contains("Temporary password"))
        #expect(try kit.user("ann") == nil)
    }

    @Test("a password never comes from the arguments: both password options together are bad usage")
    func passwordOptions() throws {
        let kit = try AdminCommandKit()
        let result = try kit.run(["users", "create", "--pool", kit.pool, "ann", "--generate-password", "--temporary-password-stdin"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Choose one of --generate-password and --temporary-password-stdin"))
        let unknown = try kit.run(["users", "create", "--pool", kit.pool, "ann", "--password", "Secret-123"])
        #expect(unknown.status == 2)
        #expect(try kit.user("ann") == nil)
    }
}
