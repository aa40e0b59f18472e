import Foundation
import Testing
import TestSupport

/// `cognito-tui users disable|enable|delete` through the binary, judged by boto3.
@Suite("cognito-tui users", .timeLimit(.minutes(5)))
struct UsersCommandTests {
    @Test("disable, enable and delete one user, each read back")
    func lifecycle() throws {
        let kit = try AdminCommandKit(users: ["ann", "bob"])
        let disabled = try kit.run(["users", "disable", "--pool", kit.pool, "ann"])
        #expect(disabled.status == 0, "\(disabled.stderr)")
        #expect(disabled.stdout.contains("Disabled user ann"))
        #expect(try kit.enabled() == ["ann": false, "bob": true])

        let enabled = try kit.run(["users", "enable", "--pool", kit.pool, "ann"])
        #expect(enabled.status == 0, "\(enabled.stderr)")
        #expect(try kit.enabled() == ["ann": true, "bob": true])

        let deleted = try kit.run(["users", "delete", "--pool", kit.pool, "ann", "--yes"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(try kit.enabled() == ["bob": true])
    }

    @Test("sign-out everywhere: the user's refresh token stops working, as boto3 finds")
    func signOut() throws {
        let kit = try AdminCommandKit(users: ["ann"])
        // Sign ann in with boto3 to hold a refresh token.
        let token = try kit.boto("""
            client = idp.create_user_pool_client(UserPoolId=pool, ClientName="app",
                ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]
            idp.admin_set_user_password(UserPoolId=pool, Username="ann", Password="Correct-Horse-9", Permanent=True)
            auth = idp.admin_initiate_auth(UserPoolId=pool, ClientId=client, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                AuthParameters={"USERNAME": "ann", "PASSWORD": "Correct-Horse-9"})["AuthenticationResult"]
            print(json.dumps({"client": client, "refresh": auth["RefreshToken"]}))
            """)
        let tokens = try JSONDecoder().decode([String: String].self, from: Data(token.utf8))
        let refresh = """
            try:
                idp.admin_initiate_auth(UserPoolId=pool, ClientId=\(AdminCommandKit.literal(tokens["client"] ?? "")),
                    AuthFlow="REFRESH_TOKEN_AUTH", AuthParameters={"REFRESH_TOKEN": \(AdminCommandKit.literal(tokens["refresh"] ?? ""))})
                print("valid")
            except idp.exceptions.NotAuthorizedException:
                print("revoked")
            """
        #expect(try kit.boto(refresh).contains("valid"))
        let result = try kit.run(["users", "sign-out", "--pool", kit.pool, "ann"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Signed out everywhere: user ann"), "\(result.stdout)")
        #expect(try kit.boto(refresh).contains("revoked"))
    }

    @Test("a user or group that does not exist is one sentence naming the pool, exit 2, and no change reaches the emulator")
    func missingUser() throws {
        let kit = try AdminCommandKit(groups: [("staff", "Everyone", 3, "arn:aws:iam::123456789012:role/Staff")])
        let proxy = try FaultProxy(upstream: kit.url)
        let cases: [(arguments: [String], sentence: String)] = [
            (["users", "disable", "--pool", kit.pool, "ghost"], "There is no user ghost in \(kit.pool); nothing was sent."),
            (["users", "enable", "--pool", kit.pool, "ghost"], "There is no user ghost in \(kit.pool); nothing was sent."),
            (["users", "sign-out", "--pool", kit.pool, "ghost"], "There is no user ghost in \(kit.pool); nothing was sent."),
            (["users", "delete", "--pool", kit.pool, "ghost", "--yes"], "There is no user ghost in \(kit.pool); nothing was sent."),
            (["groups", "delete", "--pool", kit.pool, "ghosts", "--yes"], "There is no group ghosts in \(kit.pool); nothing was sent."),
            (["groups", "update", "--pool", kit.pool, "ghosts", "--description", "x", "--yes"],
             "There is no group ghosts in \(kit.pool); nothing was sent."),
        ]
        for (arguments, sentence) in cases {
            let result = try kit.run(arguments, endpoint: proxy.url)
            #expect(result.status == 2, "\(arguments.prefix(2)): \(result.stderr)")
            #expect(result.stderr == "cognito-tui: \(sentence)\n", "\(arguments.prefix(2))")
        }
        let changes = ["AdminDisableUser", "AdminEnableUser", "AdminUserGlobalSignOut", "AdminDeleteUser", "DeleteGroup", "UpdateGroup"]
        #expect(try proxy.counters().received(changes) == 0)
    }

    @Test("several users run as a job whose JSON-lines report has every user exactly once")
    func jobWithReport() throws {
        let users = ["u1", "u2", "u3", "u4", "u5", "u6"]
        let kit = try AdminCommandKit(users: users)
        let report = kit.home.path + "/disabled.jsonl"
        let result = try kit.run(["users", "disable", "--pool", kit.pool, "--report", report, "--yes"] + users + ["ghost"])
        #expect(result.status == 1, "one user failed: \(result.stderr)")
        #expect(result.stdout.contains("6 succeeded, 1 failed"))
        #expect(result.stdout.contains("ghost: failed, UserNotFoundException"))
        #expect(result.stderr.contains("Disable users: 7/7 done, 1 failed, 0 remaining"), "the last progress line: \(result.stderr)")

        let lines = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n")
        let entries = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        let ids = entries.compactMap { $0["id"] as? String }
        #expect(ids.sorted() == (users + ["ghost"]).sorted(), "every user once: \(ids)")
        let outcomes = Dictionary(uniqueKeysWithValues: entries.map { ($0["id"] as? String ?? "", $0["outcome"] as? String ?? "") })
        #expect(users.allSatisfy { outcomes[$0] == "succeeded" })
        #expect(outcomes["ghost"] == "failed")
        #expect(try kit.enabled() == Dictionary(uniqueKeysWithValues: users.map { ($0, false) }))
    }

    @Test("a CSV report is written for a single user too")
    func csvReport() throws {
        let kit = try AdminCommandKit(users: ["ann"])
        let report = kit.home.path + "/one.csv"
        let result = try kit.run(["users", "disable", "--pool", kit.pool, "ann", "--report", report])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\r\n")
        #expect(rows.count == 2)
        #expect(rows.first?.hasPrefix("id,label,operation") == true)
        #expect(rows.last?.hasPrefix("ann,ann,AdminDisableUser,\(kit.pool)/ann,succeeded") == true)
    }

    @Test("--dry-run prints the plan and the emulator shows no change")
    func dryRun() throws {
        let kit = try AdminCommandKit(users: ["ann", "bob"])
        let result = try kit.run(["users", "delete", "--pool", kit.pool, "ann", "bob", "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Delete users: 2 calls of AdminDeleteUser in \(kit.pool), quota category UserUpdate at 25/s"))
        #expect(result.stdout.contains("Nothing sent (dry run)."))
        #expect(result.stdout.contains("AdminDeleteUser \(kit.pool)/ann") && result.stdout.contains("AdminDeleteUser \(kit.pool)/bob"))
        #expect(try kit.enabled() == ["ann": true, "bob": true])
    }

    @Test("--read-only refuses with exit 5 and the emulator is unchanged")
    func readOnlyFlag() throws {
        let kit = try AdminCommandKit(users: ["ann", "bob"])
        let result = try kit.run(["users", "disable", "--pool", kit.pool, "ann", "bob", "--read-only"])
        #expect(result.status == 5)
        #expect(result.stderr.contains("AdminDisableUser changes data"))
        #expect(try kit.enabled() == ["ann": true, "bob": true])
    }

    @Test("read_only in config.yaml refuses a delete with exit 5, even with --yes")
    func readOnlySetting() throws {
        let kit = try AdminCommandKit(users: ["ann"])
        try kit.settings("read_only: true\n")
        let result = try kit.run(["users", "delete", "--pool", kit.pool, "ann", "--yes"])
        #expect(result.status == 5)
        #expect(try kit.enabled() == ["ann": true])
    }

    @Test("deleting without a terminal needs --yes; without it nothing is sent, exit 2")
    func deleteNeedsYes() throws {
        let kit = try AdminCommandKit(users: ["ann"])
        let result = try kit.run(["users", "delete", "--pool", kit.pool, "ann"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("pass --yes; nothing was sent"))
        #expect(try kit.enabled() == ["ann": true])
    }

    @Test("a protected profile refuses a change without --confirm, and a wrong name too")
    func protectedProfile() throws {
        let kit = try AdminCommandKit(users: ["ann", "bob"])
        try kit.settings("profiles:\n  default:\n    protected: true\n")
        let bare = try kit.run(["users", "disable", "--pool", kit.pool, "ann"])
        #expect(bare.status == 2)
        #expect(bare.stderr.contains("Profile `default` is protected"), "\(bare.stderr)")
        #expect(bare.stderr.contains("--confirm ann"))
        let yes = try kit.run(["users", "delete", "--pool", kit.pool, "ann", "--yes"])
        #expect(yes.status == 2, "--yes is not enough on a protected profile")
        let wrong = try kit.run(["users", "disable", "--pool", kit.pool, "ann", "--confirm", "bob"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("does not match `ann`"))
        #expect(try kit.enabled() == ["ann": true, "bob": true])

        let confirmed = try kit.run(["users", "disable", "--pool", kit.pool, "ann", "--confirm", "ann"])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try kit.enabled() == ["ann": false, "bob": true])
    }

    @Test("a job on a protected profile is confirmed with the verb and the count")
    func protectedJob() throws {
        let kit = try AdminCommandKit(users: ["ann", "bob"])
        try kit.settings("protected: true\n")
        let refused = try kit.run(["users", "enable", "--pool", kit.pool, "ann", "bob", "--yes"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--confirm 'enable 2'"), "\(refused.stderr)")
        let confirmed = try kit.run(["users", "disable", "--pool", kit.pool, "ann", "bob", "--confirm", "disable 2"])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try kit.enabled() == ["ann": false, "bob": false])
    }

    @Test("a bad quota in config.yaml is one sentence naming the file and line, exit 3, nothing sent")
    func badQuota() throws {
        let kit = try AdminCommandKit(users: ["ann"])
        try kit.settings("theme: light\nquotas:\n  UserUpdates: 10\n")
        let result = try kit.run(["users", "disable", "--pool", kit.pool, "ann"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("config.yaml, line 3, is broken: “UserUpdates” is not a Cognito quota category"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try kit.enabled() == ["ann": true])
    }
}
