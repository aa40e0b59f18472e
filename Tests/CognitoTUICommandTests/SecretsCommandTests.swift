import Foundation
import Testing
import TestSupport

/// Known secrets go through the subcommands (passwords piped in, an app client's secret, the tokens
/// of every sign-in flow, temporary credentials, the keys the binary runs with), some of them into
/// calls made to fail; then none may appear in any error, `--debug` trace, `--log-file` trace or
/// the audit log, in any of the forms `SecretLedger` knows.
@Suite("Secrets on the command line", .timeLimit(.minutes(5)))
struct SecretsCommandTests {
    /// A distinctive value: `prefix` and a fresh random tail.
    static func unique(_ prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    }

    /// One run's output, and which of the ledger's secrets it may print on stdout (what it was asked for).
    struct Output {
        var what: String
        var text: String
        /// The ledger's secrets before this run: stdout is checked against these only.
        var known: Int
    }

    /// The lines of `text` that hold a leak, for the failure message.
    static func around(leaks ledger: SecretLedger, in text: String) -> String {
        text.split(separator: "\n").filter { !ledger.leaks(in: String($0)).isEmpty }.prefix(8)
            .map { String($0.prefix(400)) }.joined(separator: "\n")
    }

    @Test("no password, client secret, token, session token or secret key reaches an error, a trace or the audit log")
    func commandLine() throws {
        let kit = try AdminCommandKit(users: ["ann"])
        var ledger = SecretLedger()
        let keys = try SecretLedger.sessionKeys()
        ledger.add("the environment's secret key", keys["AWS_SECRET_ACCESS_KEY"]!)
        ledger.add("the environment's session token", keys["AWS_SESSION_TOKEN"]!)
        let setup = try kit.boto("""
            flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
            public = idp.create_user_pool_client(UserPoolId=pool, ClientName="public", ExplicitAuthFlows=flows)["UserPoolClient"]
            private = idp.create_user_pool_client(UserPoolId=pool, ClientName="private", GenerateSecret=True,
                                                  ExplicitAuthFlows=flows)["UserPoolClient"]
            provider = f"cognito-idp.us-east-1.amazonaws.com/{pool}"
            ip = ci.create_identity_pool(IdentityPoolName="secrets", AllowUnauthenticatedIdentities=True,
                CognitoIdentityProviders=[{"ProviderName": provider, "ClientId": private["ClientId"]}])["IdentityPoolId"]
            ci.set_identity_pool_roles(IdentityPoolId=ip, Roles={
                "authenticated": "arn:aws:iam::123456789012:role/user", "unauthenticated": "arn:aws:iam::123456789012:role/guest"})
            print(json.dumps({"public": public["ClientId"], "private": private["ClientId"], "secret": private["ClientSecret"],
                              "identityPool": ip, "provider": provider}))
            """)
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(setup.utf8)) as? [String: String])
        let (publicClient, privateClient) = (ids["public"]!, ids["private"]!)
        ledger.add("the app client's secret", ids["secret"]!)

        let traceFile = kit.home.path + "/trace.log"
        var outputs: [Output] = []
        /// Runs with `--debug` and `--log-file`; everything it printed is kept for the check.
        func run(_ what: String, _ arguments: [String], stdin: String? = nil, env: [String: String] = keys) throws -> BinaryRunner.Result {
            let result = try kit.run(arguments + ["--debug", "--log-file", traceFile], stdin: stdin, env: env)
            outputs.append(Output(what: what + ", stderr", text: result.stderr, known: Int.max))
            outputs.append(Output(what: what + ", stdout", text: result.stdout, known: ledger.secrets.count))
            return result
        }
        func json(_ result: BinaryRunner.Result) throws -> [String: Any] {
            try #require(result.status == 0, "\(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }

        // Passwords piped to commands: set, create with a temporary one, and one the pool's rules refuse.
        let password = Self.unique("Pw-Set-9x!")
        ledger.add("a password piped to set-password", password)
        let set = try run("set-password", ["users", "set-password", "--pool", kit.pool, "ann", "--permanent"], stdin: password + "\n")
        #expect(set.status == 0, "\(set.stderr)")
        let temporary = Self.unique("Pw-Temp-7y!")
        ledger.add("a temporary password piped to users create", temporary)
        let create = try run("users create", ["users", "create", "--pool", kit.pool, "carl", "--temporary-password-stdin",
                                              "--message-action", "SUPPRESS"], stdin: temporary + "\n")
        #expect(create.status == 0, "\(create.stderr)")
        let refused = Self.unique("no-capitals-or-digits-").filter { !$0.isNumber }
        ledger.add("a password the pool's rules refuse", refused)
        #expect(try run("set-password refused", ["users", "set-password", "--pool", kit.pool, "ann"], stdin: refused + "\n").status != 0)

        // The tokens of every flow, with and without the client's secret.
        var tokens: [String: Any] = [:]
        for (flow, client) in [("password", privateClient), ("srp", publicClient), ("admin", privateClient)] {
            tokens = try json(try run("auth --flow \(flow)", ["auth", "--pool", kit.pool, "--client", client, "ann", "--flow", flow],
                                      stdin: password + "\n"))
            for name in ["IdToken", "AccessToken", "RefreshToken"] {
                ledger.add("the \(name) of auth --flow \(flow)", try #require(tokens[name] as? String))
            }
        }
        let refreshed = try json(try run("auth --flow refresh", ["auth", "--pool", kit.pool, "--client", privateClient, "ann", "--flow", "refresh"],
                                         stdin: (tokens["RefreshToken"] as? String ?? "") + "\n"))
        for name in ["IdToken", "AccessToken"] { ledger.add("the \(name) of a refresh", try #require(refreshed[name] as? String)) }
        let idToken = try #require(refreshed["IdToken"] as? String)
        let accessToken = try #require(refreshed["AccessToken"] as? String)

        // Calls made to fail with a secret in play.
        let wrong = Self.unique("Wrong-Guess-5z!")
        ledger.add("a wrong password", wrong)
        #expect(try run("a wrong password", ["auth", "--pool", kit.pool, "--client", privateClient, "ann", "--flow", "password"],
                        stdin: wrong + "\n").status == 1)
        let bogusRefresh = Self.unique("bogus-refresh-token-")
        ledger.add("an invalid refresh token", bogusRefresh)
        #expect(try run("an invalid refresh token", ["auth", "--pool", kit.pool, "--client", publicClient, "ann", "--flow", "refresh"],
                        stdin: bogusRefresh + "\n").status == 1)
        let tampered = String(accessToken.dropLast(6)) + "AAAAAA"
        ledger.add("a tampered access token", tampered)
        #expect(try run("GetUser with a tampered token", ["call", "cognito-idp", "GetUser", "-"],
                        stdin: "{\"AccessToken\": \"\(tampered)\"}").status == 1)
        let badHash = Self.unique("bad-secret-hash-")
        ledger.add("a wrong SECRET_HASH", badHash)
        let initiate = ["AuthFlow": "USER_SRP_AUTH", "ClientId": privateClient,
                        "AuthParameters": ["USERNAME": "ann", "SRP_A": "a1b2c3d4e5f6", "SECRET_HASH": badHash]] as [String: Any]
        let badHashRun = try run("InitiateAuth with a wrong SECRET_HASH", ["call", "cognito-idp", "InitiateAuth", "-"],
                        stdin: String(decoding: try JSONSerialization.data(withJSONObject: initiate), as: UTF8.self))
        #expect(badHashRun.status == 1, "\(badHashRun.stderr.suffix(600))")
        #expect(try run("token verify of a tampered token", ["token", "verify", "-", "--pool", kit.pool], stdin: tampered).status == 1)
        #expect(try run("token decode", ["token", "decode", "-"], stdin: idToken).status == 0)
        let clients = try run("clients get", ["clients", "get", "--pool", kit.pool, privateClient, "--output", "json"])
        #expect(clients.status == 0 && clients.stdout.contains(privateClient), "\(clients.stderr)")

        // Temporary credentials, then the binary running with them as its keys.
        try Data(idToken.utf8).write(to: URL(fileURLWithPath: kit.home.path + "/id.jwt"))
        let guest = try json(try run("credentials for a guest", ["credentials", "--identity-pool", ids["identityPool"]!]))
        let user = try json(try run("credentials for a login", ["credentials", "--identity-pool", ids["identityPool"]!,
                                                                "--login", "\(ids["provider"]!)=-"], stdin: idToken + "\n"))
        for (who, keys) in [("a guest", guest), ("a login", user)] {
            ledger.add("the secret key of \(who)", try #require(keys["SecretAccessKey"] as? String))
            ledger.add("the session token of \(who)", try #require(keys["SessionToken"] as? String))
        }
        let tamperedLogin = try run("credentials with a tampered login", ["credentials", "--identity-pool", ids["identityPool"]!,
                                                                          "--identity-id", "us-east-1:00000000-0000-4000-8000-000000000000", "--login", "\(ids["provider"]!)=-"], stdin: tampered + "\n")
        #expect(tamperedLogin.status != 0, "\(tamperedLogin.stdout)")
        let asUser = ["AWS_ACCESS_KEY_ID": user["AccessKeyId"] as? String ?? "", "AWS_SECRET_ACCESS_KEY": user["SecretAccessKey"] as? String ?? "",
                      "AWS_SESSION_TOKEN": user["SessionToken"] as? String ?? ""]
        let caller = try run("GetCallerIdentity with the credentials", ["call", "sts", "GetCallerIdentity"], env: asUser)
        #expect(caller.stdout.contains("assumed-role/user"), "\(caller.stderr)")
        #expect(try run("an admin call with the credentials", ["users", "set-password", "--pool", kit.pool, "carl"], stdin: password + "\n",
                        env: asUser).status == 0)

        // The trace and the audit log saw the calls (so their check means something), and no secret.
        let trace = try String(contentsOfFile: traceFile, encoding: .utf8)
        for operation in ["AdminSetUserPassword", "InitiateAuth", "RespondToAuthChallenge", "GetUser", "GetCredentialsForIdentity",
                          "GetCallerIdentity"] {
            let traced = trace.contains("--> \(operation) attempt 1")
            #expect(traced, "the trace has \(operation)")
        }
        let audit = try String(contentsOfFile: kit.home.path + "/.local/state/cognito-tui/audit.jsonl", encoding: .utf8)
        for operation in ["AdminSetUserPassword", "AdminCreateUser", "InitiateAuth", "RespondToAuthChallenge", "GetId"] {
            let audited = audit.contains("\"operation\":\"\(operation)\"")
            #expect(audited, "the audit log has \(operation)")
        }
        outputs.append(Output(what: "the --log-file trace", text: trace, known: Int.max))
        outputs.append(Output(what: "the audit log", text: audit, known: Int.max))
        var checked = ledger
        for output in outputs {
            checked = SecretLedger()
            for secret in ledger.secrets.prefix(output.known) { checked.add(secret.name, secret.value) }
            let leaks = checked.leaks(in: output.text)
            let clean = leaks.isEmpty
            #expect(clean, "\(output.what) shows \(leaks.joined(separator: ", ")):\n\(Self.around(leaks: checked, in: output.text))")
        }
        #expect(ledger.secrets.count >= 25, "every secret was seeded")
    }
}
