import Foundation
import Testing
import TestSupport
@testable import AWSCore

/// `cognito-tui call` end to end: the built binary against the emulator and local servers.
@Suite("cognito-tui call", .timeLimit(.minutes(5)))
struct CallCommandTests {
    static let keysEnv = TestEmulator.keyEnvironment

    func run(_ args: [String], home: TemporaryHome, env: [String: String] = [:], stdin: String? = nil) throws -> BinaryRunner.Result {
        try BinaryRunner.run(args, environment: BinaryRunner.baseEnvironment(home: home.path).merging(env) { $1 }, stdin: stdin)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("ListUserPools prints the reply as compact JSON when stdout is not a terminal")
    func listUserPools() throws {
        let home = try TemporaryHome()
        let url = try TestEmulator.url()
        let result = try run(["call", "cognito-idp", "ListUserPools", #"{"MaxResults":10}"#, "--endpoint-url", url,
                              "--region", "us-east-1"], home: home, env: Self.keysEnv)
        #expect(result.status == 0, "\(result.stderr)")
        #expect((try json(result.stdout))["UserPools"] is [Any])
        #expect(result.stdout.split(separator: "\n").count == 1, "one line of JSON")
        #expect(!result.stdout.contains("\n  "), "compact output has no indentation")
        #expect(result.stderr.isEmpty)
    }

    @Test("input is read from @file and from stdin; operation names may be kebab-case or any case")
    func inputSources() throws {
        let home = try TemporaryHome()
        try home.write("pool.json", #"{"PoolName":"from-file-pool"}"#)
        let url = try TestEmulator.url()
        let base = ["--endpoint-url", url, "--region", "us-east-1"]
        let created = try run(["call", "cognito-idp", "CreateUserPool", "@\(home.path)/pool.json"] + base, home: home, env: Self.keysEnv)
        #expect(created.status == 0, "\(created.stderr)")
        let pool = try json(created.stdout)["UserPool"] as? [String: Any]
        let id = try #require(pool?["Id"] as? String)
        let described = try run(["call", "cognito-idp", "DescribeUserPool", "-"] + base, home: home, env: Self.keysEnv,
                                stdin: #"{"UserPoolId":"\#(id)"}"#)
        #expect(described.status == 0, "\(described.stderr)")
        #expect(described.stdout.contains("from-file-pool"))
    }

    @Test("a service error exits 1 with the code, message and request id on stderr")
    func serviceError() throws {
        let home = try TemporaryHome()
        let result = try run(["call", "cognito-idp", "DescribeUserPool", #"{"UserPoolId":"us-east-1_missing"}"#,
                              "--endpoint-url", try TestEmulator.url(), "--region", "us-east-1"], home: home, env: Self.keysEnv)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("ResourceNotFoundException"))
        #expect(result.stderr.contains("request id "))
        #expect(result.stderr.split(separator: "\n").count == 1, "one sentence: \(result.stderr)")
    }

    @Test("a call signed with a wrong secret is refused by the emulator's signature check, in one sentence")
    func wrongSecret() throws {
        let home = try TemporaryHome()
        let wrong = "not-the-emulator-secret"
        let result = try run(["call", "cognito-idp", "ListUserPools", #"{"MaxResults":1}"#,
                              "--endpoint-url", try TestEmulator.url(), "--region", "us-east-1"], home: home,
                             env: ["AWS_ACCESS_KEY_ID": TestEmulator.keys.accessKeyId, "AWS_SECRET_ACCESS_KEY": wrong])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("cognito-tui: ListUserPools failed with InvalidSignatureException: The signature does not match "
                                        + "the one computed for access key \(TestEmulator.keys.accessKeyId)"), "\(result.stderr)")
        // One sentence on one line, ending with the check's status and request id.
        #expect(result.stderr.wholeMatch(of: /cognito-tui: [^\n]*\(HTTP 403, request id signature-refused-\d+\)\.\n/) != nil,
                "\(result.stderr)")
        #expect(!result.stderr.contains(wrong) && !result.stderr.contains(TestEmulator.keys.secretAccessKey))
    }

    @Test("--read-only refuses a mutation with exit 5 and sends nothing")
    func readOnly() throws {
        let home = try TemporaryHome()
        let server = try FaultServer()
        try server.script([])
        let result = try run(["call", "cognito-idp", "AdminDeleteUser", #"{"UserPoolId":"us-east-1_abc","Username":"u"}"#,
                              "--endpoint-url", server.url, "--region", "us-east-1", "--read-only"], home: home, env: Self.keysEnv)
        #expect(result.status == 5)
        #expect(result.stderr.contains("AdminDeleteUser changes data"))
        #expect(try server.requests().isEmpty)
    }

    /// Where the calls of the refusal tests would go if a refusal stopped working: a loopback
    /// port nothing listens on, never AWS.
    static let deadEndpoint = ["--endpoint-url", "http://127.0.0.1:9"]

    @Test("bad input gets one clear sentence and the documented exit status (2 usage, 3 configuration)", arguments: [
        (["call", "cognito-idp", "ListUserPools", "--bogus"] + deadEndpoint, "Unknown option '--bogus'", Int32(2)),
        (["call", "cognito-nope", "ListUserPools"] + deadEndpoint, "Unknown service `cognito-nope`", 2),
        (["call", "cognito-idp", "ListUserPools", #"{"MaxResults":"#, "--region", "us-east-1"] + deadEndpoint, "is not valid JSON", 2),
        (["call", "cognito-idp", "ListUserPools", "[1,2]", "--region", "us-east-1"] + deadEndpoint, "must be a JSON object", 2),
        (["call", "cognito-idp"] + deadEndpoint, "Name an operation", 2),
        (["call", "cognito-idp", "ListUserPools", "@/nonexistent/in.json", "--region", "us-east-1"] + deadEndpoint, "cannot be read", 2),
        (["call", "cognito-idp", "ListUserPools", "--endpoint-url", "ftp://x"], "--endpoint-url must be an http", 2),
        (["call", "cognito-idp", "ListUserPools", #"{"MaxResults":10}"#] + deadEndpoint, "No region is set", 3),
        (["call", "cognito-idp", "ListUserPools", #"{"MaxResults":10}"#, "--region", "us-east-1", "--profile", "ghost"] + deadEndpoint,
         "The profile `ghost`", 3),
    ])
    func badInput(_ args: [String], _ expected: String, _ status: Int32) throws {
        let home = try TemporaryHome()
        let result = try run(args, home: home, env: Self.keysEnv)
        #expect(result.status == status)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack"))
    }

    @Test("missing credentials say what was tried, in one sentence, exit 3")
    func noCredentials() throws {
        let home = try TemporaryHome()
        let result = try run(["call", "cognito-idp", "ListUserPools", #"{"MaxResults":10}"#, "--region", "us-east-1",
                              "--endpoint-url", "http://127.0.0.1:9"], home: home)
        #expect(result.status == 3)
        #expect(result.stderr.contains("No AWS credentials were found"))
        #expect(result.stderr.contains("environment variables"))
    }

    @Test("an unreachable endpoint is one sentence naming it, exit 4")
    func unreachable() throws {
        let home = try TemporaryHome()
        let result = try run(["call", "cognito-idp", "ListUserPools", #"{"MaxResults":10}"#, "--region", "us-east-1",
                              "--endpoint-url", "http://127.0.0.1:9"], home: home, env: Self.keysEnv)
        #expect(result.status == 4)
        #expect(result.stderr.contains("Could not connect to http://127.0.0.1:9"))
    }

    @Test("--debug traces the exchange without any secret")
    func debugRedacts() throws {
        let home = try TemporaryHome()
        var env = Self.keysEnv
        env["AWS_SESSION_TOKEN"] = "SESSIONTOKENSECRETVALUE"
        let result = try run(["call", "cognito-idp", "AdminSetUserPassword",
                              #"{"UserPoolId":"us-east-1_missing","Username":"ann","Password":"Hunter2!Secret","Permanent":true}"#,
                              "--endpoint-url", try TestEmulator.url(), "--region", "us-east-1", "--debug"], home: home, env: env)
        #expect(result.stderr.contains("--> AdminSetUserPassword attempt 1"))
        #expect(result.stderr.contains("X-Amz-Target: AWSCognitoIdentityProviderService.AdminSetUserPassword"))
        for secret in ["SESSIONTOKENSECRETVALUE", "Hunter2!Secret", TestEmulator.keys.secretAccessKey] {
            #expect(!result.stderr.contains(secret), "\(secret) leaked")
        }
        let signature = result.stderr.components(separatedBy: "Signature=").dropFirst().map { $0.prefix(10) }
        #expect(!signature.isEmpty && signature.allSatisfy { $0.hasPrefix("<redacted>") })
    }

    @Test("--log-file appends the redacted trace to a file only the owner can read")
    func logFile() throws {
        let home = try TemporaryHome()
        let log = home.path + "/trace.log"
        var env = Self.keysEnv
        env["AWS_SESSION_TOKEN"] = "SESSIONTOKENSECRETVALUE"
        let result = try run(["call", "cognito-idp", "ListUserPools", #"{"MaxResults":3}"#, "--endpoint-url", try TestEmulator.url(),
                              "--region", "us-east-1", "--log-file", log], home: home, env: env)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains("--> ListUserPools attempt 1") && text.contains("=== ListUserPools: 200"))
        #expect(!text.contains("SESSIONTOKENSECRETVALUE") && !text.contains(TestEmulator.keys.secretAccessKey))
        let mode = try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("sts speaks Query underneath but takes and prints JSON")
    func stsAsJSON() throws {
        let home = try TemporaryHome()
        let result = try run(["call", "sts", "GetCallerIdentity", "--endpoint-url", try TestEmulator.url(),
                              "--region", "us-east-1"], home: home, env: Self.keysEnv)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result.stdout)
        #expect((object["Account"] as? String)?.count == 12)
        #expect(object["Arn"] is String)
    }

    @Test("--version and --help exit 0")
    func versionAndHelp() throws {
        let home = try TemporaryHome()
        let version = try run(["--version"], home: home)
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == CognitoTUIVersion.current)
        let help = try run(["call", "--help"], home: home)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--read-only") && help.stdout.contains("--endpoint-url"))
    }
}

/// `call` on the typed layer: names, listings, skeletons and validation before sending.
@Suite("cognito-tui call on the typed API", .timeLimit(.minutes(5)))
struct CallTypedLayerTests {
    func run(_ args: [String], env: [String: String] = CallCommandTests.keysEnv) throws -> BinaryRunner.Result {
        let home = try TemporaryHome()
        return try BinaryRunner.run(args, environment: BinaryRunner.baseEnvironment(home: home.path).merging(env) { $1 })
    }

    @Test("--list prints every operation of each Cognito service", arguments: [("cognito-idp", 122), ("cognito-identity", 23)])
    func list(_ service: String, _ count: Int) throws {
        let result = try run(["call", service, "--list"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == count)
        #expect(lines.contains { $0.hasPrefix("ListUsers\tlist-users") } || service != "cognito-idp")
        #expect(lines.contains { $0.hasPrefix("DeleteIdentities\tdelete-identities\tchanges data") } || service != "cognito-identity")
    }

    @Test("--describe-input prints the input skeleton with types and limits, for a kebab-case name")
    func describeInput() throws {
        let result = try run(["call", "cognito-idp", "list-users", "--describe-input"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["Limit"] as? String) == "integer (0..60)")
        #expect((object["UserPoolId"] as? String)?.contains("required") == true)
    }

    @Test("invalid input is refused with the member and the rule, and nothing is sent", arguments: [
        (#"{"UserPoolId":"us-east-1_abc","Limit":500}"#, "ListUsers: Limit must be between 0 and 60, got 500"),
        (#"{"UserPoolId":"us-east-1_abc","Limt":5}"#, "did you mean Limit?"),
        ("{}", "UserPoolId is required"),
    ])
    func validationBeforeSending(_ input: String, _ expected: String) throws {
        let server = try FaultServer()
        try server.script([])
        let result = try run(["call", "cognito-idp", "ListUsers", input, "--endpoint-url", server.url, "--region", "us-east-1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(try server.requests().isEmpty)
    }

    @Test("an unknown operation suggests the nearest name")
    func unknownOperation() throws {
        let result = try run(["call", "cognito-idp", "ListUserz", "--region", "us-east-1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean ListUsers?"), "\(result.stderr)")
    }

    @Test("kebab-case and lower-case names call the same operation")
    func kebabCaseCall() throws {
        let url = try TestEmulator.url()
        for name in ["list-user-pools", "listuserpools"] {
            let result = try run(["call", "cognito-idp", name, #"{"MaxResults":5}"#, "--endpoint-url", url, "--region", "us-east-1"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("UserPools"))
        }
    }

    @Test("the read-only guard follows the generated metadata: GetId creates an identity and is refused")
    func readOnlyUsesMetadata() throws {
        let server = try FaultServer()
        try server.script([.json(200, #"{"IdentityPools":[]}"#)])
        let refused = try run(["call", "cognito-identity", "GetId", #"{"IdentityPoolId":"us-east-1:00000000-0000-0000-0000-000000000000"}"#,
                               "--endpoint-url", server.url, "--region", "us-east-1", "--read-only"])
        #expect(refused.status == 5)
        let allowed = try run(["call", "cognito-identity", "ListIdentityPools", #"{"MaxResults":5}"#,
                               "--endpoint-url", server.url, "--region", "us-east-1", "--read-only"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try server.requests().count == 1)
    }
}

/// cognito-tui's own settings file as the `call` command sees it.
@Suite("cognito-tui call with per-profile settings", .timeLimit(.minutes(5)))
struct CallSettingsTests {
    func run(_ args: [String], home: TemporaryHome, config: String?) throws -> BinaryRunner.Result {
        if let config { try home.write(".config/cognito-tui/config.yaml", config) }
        var env = BinaryRunner.baseEnvironment(home: home.path)
        env["XDG_CONFIG_HOME"] = home.path + "/.config"
        return try BinaryRunner.run(args, environment: env)
    }

    static let credentials = "[prod]\naws_access_key_id = AKIAPRODPROFILE00001\naws_secret_access_key = s\n"

    @Test("a profile marked read_only in config.yaml refuses mutations through call, and sends nothing")
    func profileReadOnly() throws {
        let server = try FaultServer()
        try server.script([.json(200, "{}")])
        let home = try TemporaryHome(credentials: Self.credentials)
        let args = ["call", "cognito-idp", "AdminDeleteUser", #"{"UserPoolId":"us-east-1_abc","Username":"u"}"#,
                    "--profile", "prod", "--region", "us-east-1", "--endpoint-url", server.url]
        let result = try run(args, home: home, config: "profiles:\n  prod:\n    read_only: true\n")
        #expect(result.status == 5, "\(result.stderr)")
        #expect(try server.requests().isEmpty)
    }

    @Test("a broken config.yaml is one sentence and nothing is sent")
    func brokenSettings() throws {
        let server = try FaultServer()
        try server.script([.json(200, "{}")])
        let home = try TemporaryHome(credentials: Self.credentials)
        let result = try run(["call", "cognito-idp", "ListUserPools", #"{"MaxResults":1}"#, "--profile", "prod",
                              "--region", "us-east-1", "--endpoint-url", server.url],
                             home: home, config: "profiles: [unclosed\n")
        #expect(result.status == 3)
        #expect(result.stderr.contains("config.yaml"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try server.requests().isEmpty)
    }

    @Test("without a terminal the console says to use call instead")
    func consoleWithoutTerminal() throws {
        let result = try run(["--region", "us-east-1"], home: try TemporaryHome(), config: nil)
        #expect(result.status == 2)
        #expect(result.stderr.contains("The console needs a terminal"), "\(result.stderr)")
    }

    @Test("the console refuses --debug, which would write over its screen")
    func consoleDebug() throws {
        let home = try TemporaryHome()
        let result = try run(["--debug", "--region", "us-east-1"] + CallCommandTests.deadEndpoint, home: home, config: nil)
        #expect(result.status == 2)
        #expect(result.stderr.contains("use --log-file FILE with the console"), "\(result.stderr)")
    }
}

/// The audit log of changes (`$XDG_STATE_HOME/cognito-tui/audit.jsonl`).
@Suite("Audit log of changes", .timeLimit(.minutes(5)))
struct AuditLogTests {
    @Test("a change is appended with its profile, outcome and request id, secrets masked; reads are not")
    func changesAreLogged() throws {
        let home = try TemporaryHome(credentials: "[ops]\naws_access_key_id = AKIAAUDITPROFILE0001\naws_secret_access_key = s\n")
        var env = BinaryRunner.baseEnvironment(home: home.path)
        env["XDG_STATE_HOME"] = home.path + "/state"
        let base = ["--profile", "ops", "--region", "us-east-1", "--endpoint-url", try TestEmulator.url()]
        let created = try BinaryRunner.run(["call", "cognito-idp", "CreateUserPool", #"{"PoolName":"audited"}"#] + base, environment: env)
        #expect(created.status == 0, "\(created.stderr)")
        let pool = try #require(((try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])?["UserPool"] as? [String: Any])?["Id"] as? String)
        let read = try BinaryRunner.run(["call", "cognito-idp", "ListUserPools", #"{"MaxResults":5}"#] + base, environment: env)
        #expect(read.status == 0, "the read went through, so its absence from the log means something: \(read.stderr)")
        let failed = try BinaryRunner.run(["call", "cognito-idp", "AdminSetUserPassword",
                                           #"{"UserPoolId":"\#(pool)","Username":"ghost","Password":"Sup3r-Secret!","Permanent":true}"#] + base,
                                          environment: env)
        #expect(failed.status == 1)
        let log = try String(contentsOfFile: home.path + "/state/cognito-tui/audit.jsonl", encoding: .utf8)
        let entries = log.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(entries.map { $0["operation"] as? String } == ["CreateUserPool", "AdminSetUserPassword"], "reads are not logged")
        #expect(entries.first?["profile"] as? String == "ops")
        #expect(entries.first?["outcome"] as? String == "ok" && (entries.first?["requestId"] as? String)?.isEmpty == false)
        #expect(entries.last?["outcome"] as? String == "failed" && entries.last?["error"] as? String == "UserNotFoundException")
        #expect(!log.contains("Sup3r-Secret!"), "the password is masked")
        #expect(log.contains("\"Username\":\"ghost\""), "the rest of the input is kept")
        let mode = try FileManager.default.attributesOfItem(atPath: home.path + "/state/cognito-tui/audit.jsonl")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
