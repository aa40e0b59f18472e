import Foundation
import Testing
import TestSupport

/// `cognito-tui users set-password|reset-password|confirm` through the binary, judged by boto3.
@Suite("cognito-tui users passwords and sign-up", .timeLimit(.minutes(5)))
struct UsersPasswordCommandTests {
    static let policy = #"Policies={"PasswordPolicy": {"MinimumLength": 10, "RequireUppercase": True, "RequireLowercase": True, "RequireNumbers": True, "RequireSymbols": True}}"#

    @Test("set-password --permanent from stdin confirms the user, and boto3 signs in with it")
    func setPermanent() throws {
        let kit = try AdminCommandKit(users: ["ann"], poolArguments: Self.policy)
        let result = try kit.run(["users", "set-password", "--pool", kit.pool, "ann", "--permanent"], stdin: "Correct-Horse-9\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Set a permanent password for user ann"))
        #expect(!result.stdout.contains("Correct-Horse-9") && !result.stderr.contains("Correct-Horse-9"))
        #expect(try kit.user("ann")?.status == "CONFIRMED")
        let signedIn = try kit.boto("""
            client = idp.create_user_pool_client(UserPoolId=pool, ClientName="app",
                ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]
            auth = idp.admin_initiate_auth(UserPoolId=pool, ClientId=client, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                AuthParameters={"USERNAME": "ann", "PASSWORD": "Correct-Horse-9"})
            print("AuthenticationResult" in auth)
            """)
        #expect(signedIn.contains("True"))
    }

    @Test("a password without a symbol names that rule, exit 2, and nothing changes")
    func weakPassword() throws {
        let kit = try AdminCommandKit(users: ["ann"], poolArguments: Self.policy)
        let result = try kit.run(["users", "set-password", "--pool", kit.pool, "ann", "--permanent"], stdin: "CorrectHorse9\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("it must contain a symbol such as ! or #; nothing was sent"), "\(result.stderr)")
        #expect(!result.stderr.contains("CorrectHorse9"))
        #expect(try kit.user("ann")?.status == "FORCE_CHANGE_PASSWORD")
    }

    @Test("an unknown user is one sentence naming the pool, exit 2, before any password is read")
    func unknownUser() throws {
        let kit = try AdminCommandKit(users: ["ann"])
        let result = try kit.run(["users", "set-password", "--pool", kit.pool, "ghost"], stdin: "Correct-Horse-9\n")
        #expect(result.status == 2)
        #expect(result.stderr == "cognito-tui: There is no user ghost in \(kit.pool); nothing was sent.\n")
        let reset = try kit.run(["users", "reset-password", "--pool", kit.pool, "ghost", "--yes"])
        #expect(reset.status == 2)
        #expect(reset.stderr.contains("There is no user ghost in \(kit.pool)"))
    }

    @Test("set-password under --read-only exits 5 and reads no password")
    func readOnlySet() throws {
        let kit = try AdminCommandKit(users: ["ann"])
        let result = try kit.run(["users", "set-password", "--pool", kit.pool, "ann", "--read-only"], stdin: "Correct-Horse-9\n")
        #expect(result.status == 5)
        #expect(try kit.user("ann")?.status == "FORCE_CHANGE_PASSWORD")
    }

    @Test("reset-password of two users runs as a job; boto3 finds both RESET_REQUIRED")
    func resetJob() throws {
        let kit = try AdminCommandKit(users: ["ann", "bob", "carol"])
        for name in ["ann", "bob"] {
            _ = try kit.boto("idp.admin_set_user_password(UserPoolId=pool, Username=\"\(name)\", Password=\"Correct-Horse-9\", Permanent=True)")
        }
        let result = try kit.run(["users", "reset-password", "--pool", kit.pool, "ann", "bob", "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 succeeded"), "\(result.stdout)")
        #expect(try kit.user("ann")?.status == "RESET_REQUIRED")
        #expect(try kit.user("bob")?.status == "RESET_REQUIRED")
        #expect(try kit.user("carol")?.status == "FORCE_CHANGE_PASSWORD")
    }

    @Test("reset-password without a terminal needs --yes; without it nothing changes, exit 2")
    func resetNeedsYes() throws {
        let kit = try AdminCommandKit(users: ["ann"])
        _ = try kit.boto("idp.admin_set_user_password(UserPoolId=pool, Username=\"ann\", Password=\"Correct-Horse-9\", Permanent=True)")
        let result = try kit.run(["users", "reset-password", "--pool", kit.pool, "ann"])
        #expect(result.status == 2)
        #expect(try kit.user("ann")?.status == "CONFIRMED")
    }

    @Test("confirm turns UNCONFIRMED sign-ups CONFIRMED; --read-only changes nothing")
    func confirm() throws {
        let kit = try AdminCommandKit()
        _ = try kit.boto("""
            client = idp.create_user_pool_client(UserPoolId=pool, ClientName="web")["UserPoolClient"]["ClientId"]
            for name in ("ann", "bob"):
                idp.sign_up(ClientId=client, Username=name, Password="Correct-Horse-9")
            """)
        #expect(try kit.user("ann")?.status == "UNCONFIRMED")
        let refused = try kit.run(["users", "confirm", "--pool", kit.pool, "ann", "--read-only"])
        #expect(refused.status == 5)
        #expect(try kit.user("ann")?.status == "UNCONFIRMED")
        let result = try kit.run(["users", "confirm", "--pool", kit.pool, "ann"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Confirmed the sign-up of user ann"))
        #expect(try kit.user("ann")?.status == "CONFIRMED")
        #expect(try kit.user("bob")?.status == "UNCONFIRMED")
    }
}
