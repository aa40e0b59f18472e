import Foundation
import Testing
import TestSupport

/// `--from`, `--rate`, the plan and its confirmation, and `users import`, through the binary:
/// bad input is one sentence and exit 2 with no change sent (a proxy in front of the emulator
/// counts what arrives), read-only refuses, a dry run sends nothing, and boto3 judges the rest.
@Suite("cognito-tui bulk commands", .timeLimit(.minutes(5)))
struct BulkCommandTests {
    /// Every operation these commands may send that changes data.
    static let mutating = ["AdminDisableUser", "AdminEnableUser", "AdminDeleteUser", "AdminUserGlobalSignOut",
                           "AdminResetUserPassword", "AdminConfirmSignUp", "AdminAddUserToGroup",
                           "AdminRemoveUserFromGroup", "AdminCreateUser", "AdminUpdateUserAttributes"]
    static let staff = (name: "staff", description: "Everyone", precedence: 3, role: "arn:aws:iam::123456789012:role/Staff")

    /// A pool with ann and bob, the input files the cases name, and a proxy without faults.
    struct Setup {
        let kit: AdminCommandKit
        let proxy: FaultProxy

        init() throws {
            kit = try AdminCommandKit(users: ["ann", "bob"], groups: [BulkCommandTests.staff])
            proxy = try FaultProxy(upstream: kit.url)
            let files = [
                "names.txt": "ann\nbob\n",
                "dup.txt": "ann\nbob\nann\n",
                "nocolumn.csv": "email,name\nann@example.com,Ann\n",
                "users.csv": "Username,email,given_name\ncy,cy@example.com,Cy\ndee,dee@example.com,Dee\n",
                "bad-enabled.csv": "Username,email,Enabled\ncy,cy@example.com,yes\n",
                "unknown.jsonl": #"{"Username":"cy","email":"cy@example.com","shoe_size":"42"}"# + "\n",
            ]
            for (name, text) in files { try kit.home.write(name, text) }
        }

        /// The arguments with `POOL` and `HOME/` filled in.
        func arguments(_ template: [String]) -> [String] {
            template.map { $0 == "POOL" ? kit.pool : $0.replacingOccurrences(of: "HOME/", with: kit.home.path + "/") }
        }

        func run(_ template: [String]) throws -> BinaryRunner.Result {
            try kit.run(arguments(template), endpoint: proxy.url)
        }

        /// Requests that would change data which reached the proxy.
        func mutationsSent() throws -> Int { try proxy.counters().received(BulkCommandTests.mutating) }
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var fragment: String
        var testDescription: String { arguments.prefix(2).joined(separator: " ") + ": " + fragment }
    }

    static let badInputs: [BadInput] = [
        BadInput(arguments: ["users", "disable", "--pool", "POOL", "--from", "HOME/missing.txt"], fragment: "does not exist"),
        BadInput(arguments: ["users", "disable", "--pool", "POOL", "--from", "HOME/dup.txt", "--yes"],
                 fragment: "line 3: ann is listed twice (also on line 1); nothing was sent."),
        BadInput(arguments: ["users", "enable", "--pool", "POOL", "--from", "HOME/nocolumn.csv", "--yes"],
                 fragment: "needs a Username column"),
        BadInput(arguments: ["users", "disable", "--pool", "POOL", "ann", "--from", "HOME/names.txt"], fragment: "Name the users one way"),
        BadInput(arguments: ["users", "disable", "--pool", "POOL", "ann", "--where", #"username = "bob""#], fragment: "Name the users one way"),
        BadInput(arguments: ["users", "enable", "--pool", "POOL", "--where", #"username == "ann""#, "--yes"],
                 fragment: #"--where: unknown operator "==""#),
        BadInput(arguments: ["users", "delete", "--pool", "POOL", "--where", #"custom:tenant ~ "(""#, "--yes"], fragment: "--where: "),
        BadInput(arguments: ["users", "enable", "--pool", "POOL", "ann", "bob", "--rate", "0", "--yes"],
                 fragment: "--rate takes a number of calls a second above zero, got `0`."),
        BadInput(arguments: ["users", "sign-out", "--pool", "POOL", "ann", "bob", "--rate", "fast", "--yes"],
                 fragment: "--rate takes a number"),
        BadInput(arguments: ["users", "reset-password", "--pool", "POOL", "--from", "HOME/names.txt", "--report", "HOME/r.txt", "--yes"],
                 fragment: "--report takes a file ending in .csv or .jsonl"),
        BadInput(arguments: ["users", "confirm", "--pool", "POOL", "ann", "ann", "--yes"], fragment: "The user ann is named more than once; nothing was sent."),
        BadInput(arguments: ["users", "delete", "--pool", "POOL", "--from", "HOME/names.txt"],
                 fragment: "To delete 2 users in "),
        BadInput(arguments: ["users", "add-to-group", "--pool", "POOL", "--group", "staff", "--from", "HOME/names.txt"],
                 fragment: "without a terminal, pass --yes; nothing was sent."),
        BadInput(arguments: ["users", "import", "--pool", "POOL", "HOME/names.txt"], fragment: "must end in .csv or .jsonl"),
        BadInput(arguments: ["users", "import", "--pool", "POOL", "HOME/users.csv", "--existing", "merge"],
                 fragment: "--existing takes skip or update, got `merge`."),
        BadInput(arguments: ["users", "import", "--pool", "POOL", "HOME/bad-enabled.csv", "--yes"],
                 fragment: "line 2: Enabled must be true or false, not yes; nothing was sent."),
        BadInput(arguments: ["users", "import", "--pool", "POOL", "HOME/unknown.jsonl", "--yes"],
                 fragment: "Line 1 (cy): The pool POOL has no attribute shoe_size; nothing was sent."),
        BadInput(arguments: ["users", "import", "--pool", "POOL", "HOME/users.csv", "--rate", "0.0", "--yes"],
                 fragment: "--rate takes a number"),
        BadInput(arguments: ["users", "import", "--pool", "POOL", "HOME/users.csv"], fragment: "To import 2 users in "),
    ]

    /// One pool and proxy for all the bad-input cases, which change nothing (each checks that).
    static let shared = Result { try Setup() }

    @Test("bad input is one sentence, exit 2, and no change is sent", arguments: badInputs)
    func badInput(_ case: BadInput) throws {
        let setup = try Self.shared.get()
        let result = try setup.run(`case`.arguments)
        #expect(result.status == 2, "\(result.stdout)\n\(result.stderr)")
        let fragment = `case`.fragment.replacingOccurrences(of: "POOL", with: setup.kit.pool)
        #expect(result.stderr.contains(fragment), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one sentence: \(result.stderr)")
        #expect(try setup.mutationsSent() == 0, "no change reached the emulator")
    }

    @Test("under --read-only a bulk change and an import exit 5 and send no change")
    func readOnly() throws {
        let setup = try Setup()
        let disable = try setup.run(["users", "disable", "--pool", "POOL", "--from", "HOME/names.txt", "--yes", "--read-only"])
        #expect(disable.status == 5, "\(disable.stderr)")
        #expect(disable.stderr.contains("AdminDisableUser changes data"))
        let imported = try setup.run(["users", "import", "--pool", "POOL", "HOME/users.csv", "--yes", "--read-only"])
        #expect(imported.status == 5, "\(imported.stderr)")
        #expect(imported.stderr.contains("AdminCreateUser changes data"))
        #expect(try setup.mutationsSent() == 0)
        #expect(try setup.kit.allUsers().mapValues(\.enabled) == ["ann": true, "bob": true])
    }

    @Test("a dry run prints the plan with the quota category and rate, and sends nothing; --rate only lowers it")
    func dryRunAndRate() throws {
        let setup = try Setup()
        let lowered = try setup.run(["users", "disable", "--pool", "POOL", "--from", "HOME/names.txt", "--dry-run", "--rate", "5"])
        #expect(lowered.status == 0, "\(lowered.stderr)")
        #expect(lowered.stdout.contains("Disable users: 2 calls of AdminDisableUser in \(setup.kit.pool), quota category UserUpdate at 5/s, about 0.4s."),
                "\(lowered.stdout)")
        #expect(lowered.stdout.contains("  AdminDisableUser \(setup.kit.pool)/bob"))
        #expect(lowered.stdout.hasSuffix("Nothing sent (dry run).\n"))
        let raised = try setup.run(["users", "disable", "--pool", "POOL", "ann", "bob", "--dry-run", "--rate", "500"])
        #expect(raised.stdout.contains("quota category UserUpdate at 25/s"), "never above the quota: \(raised.stdout)")
        let imported = try setup.run(["users", "import", "--pool", "POOL", "HOME/users.csv", "--dry-run"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Import users: 2 calls of AdminCreateUser in \(setup.kit.pool), quota category UserCreation at 50/s"),
                "\(imported.stdout)")
        #expect(imported.stdout.contains("Users the pool has already: skipped."))
        #expect(try setup.mutationsSent() == 0)
        #expect(Set(try setup.kit.allUsers().keys) == ["ann", "bob"])
    }

    @Test("--where acts on the users a scan of the pool finds; none found is said, exit 0, nothing sent")
    func whereCondition() throws {
        let setup = try Setup()
        let result = try setup.run(["users", "disable", "--pool", "POOL", "--where", #"username ^= "an""#, "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("AdminDisableUser \(setup.kit.pool)/ann") && !result.stdout.contains("/bob"), "\(result.stdout)")
        #expect(try setup.kit.allUsers().mapValues(\.enabled) == ["ann": false, "bob": true])
        let none = try setup.run(["users", "enable", "--pool", "POOL", "--where", #"username = "zed""#, "--yes"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(none.stderr.contains(#"No user of \#(setup.kit.pool) meets username = "zed"; nothing was sent."#), "\(none.stderr)")
        #expect(try setup.proxy.counters().received(["AdminEnableUser"]) == 0)
    }

    @Test("--from takes this tool's own CSV export, and several users need --yes")
    func fromExport() throws {
        let setup = try Setup()
        let export = try setup.run(["users", "list", "--pool", "POOL", "--output", "csv"])
        #expect(export.status == 0, "\(export.stderr)")
        try setup.kit.home.write("export.csv", export.stdout)
        let result = try setup.run(["users", "disable", "--pool", "POOL", "--from", "HOME/export.csv", "--yes", "--report", "HOME/out.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Disable users: 2 succeeded"), "\(result.stdout)")
        #expect(try setup.kit.allUsers().mapValues(\.enabled) == ["ann": false, "bob": false])
        let report = try String(contentsOfFile: setup.kit.home.path + "/out.csv", encoding: .utf8)
        #expect(report.split(separator: "\r\n").count == 3)
    }

    @Test("an export imports into another pool as it was: groups from --with-groups, and the user-import CSV's commas and dates")
    func exportImportsBack() throws {
        let source = try Setup()
        let name = "Young, Ann"
        for arguments in [["users", "update", "--pool", "POOL", "ann", "--attribute", "name=\(name)", "--attribute", "birthdate=1985-02-01", "--yes"],
                          ["users", "add-to-group", "--pool", "POOL", "--group", "staff", "ann", "--yes"],
                          ["users", "export", "--pool", "POOL", "--format", "csv", "--with-groups", "--output", "HOME/all.csv"],
                          ["users", "export", "--pool", "POOL", "--format", "jsonl", "--with-groups", "--output", "HOME/all.jsonl"],
                          ["users", "export", "--pool", "POOL", "--format", "cognito-import", "--output", "HOME/cognito.csv"]] {
            let result = try source.run(arguments)
            #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
        }
        for file in ["all.csv", "all.jsonl", "cognito.csv"] {
            let target = try AdminCommandKit(groups: [BulkCommandTests.staff])
            try target.home.write(file, try String(contentsOfFile: source.kit.home.path + "/" + file, encoding: .utf8))
            let imported = try target.run(["users", "import", "--pool", target.pool, target.home.path + "/" + file, "--yes"])
            #expect(imported.status == 0, "\(file): \(imported.stderr)")
            let ann = try #require(try target.user("ann"), "\(file)")
            #expect(ann.attributes["name"] == name, "\(file)")
            #expect(ann.attributes["birthdate"] == "1985-02-01", "\(file)")
            #expect(try target.user("bob")?.attributes["email"] == "bob@example.com", "\(file)")
            if file != "cognito.csv" {
                #expect(try target.groups(of: "ann") == ["staff"], "\(file)")
                #expect(try target.groups(of: "bob").isEmpty, "\(file)")
            }
        }

        // A group the pool does not have is one sentence before anything is sent.
        try source.kit.home.write("nogroup.jsonl", #"{"Username":"cy","email":"cy@example.com","Groups":["ops"]}"# + "\n")
        let refused = try source.run(["users", "import", "--pool", "POOL", "HOME/nogroup.jsonl", "--yes"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("Line 1 (cy): the pool has no group ops; nothing was sent."), "\(refused.stderr)")
        #expect(try source.proxy.counters().received(["AdminCreateUser"]) == 0)
    }

    @Test("import skips users the pool has, or updates them with --existing update; Cognito's import CSV is read too")
    func importExisting() throws {
        let setup = try Setup()
        try setup.kit.home.write("cognito.csv", """
            name,given_name,email,email_verified,cognito:mfa_enabled,cognito:username
            ,Ann,ann@example.com,true,false,ann
            Cy Young,Cy,cy@example.com,true,false,cy

            """)
        let skipped = try setup.run(["users", "import", "--pool", "POOL", "HOME/cognito.csv", "--yes", "--report", "HOME/skip.jsonl"])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.contains("Import users: 1 succeeded, 1 skipped"), "\(skipped.stdout)")
        var users = try setup.kit.allUsers()
        #expect(users["ann"]?.attributes["given_name"] == nil)
        #expect(users["cy"]?.attributes == ["sub": users["cy"]?.attributes["sub"] ?? "", "name": "Cy Young", "given_name": "Cy",
                                            "email": "cy@example.com", "email_verified": "true"])
        let report = try String(contentsOfFile: setup.kit.home.path + "/skip.jsonl", encoding: .utf8)
        #expect(report.contains(#""id":"ann","label":"ann","operation":"AdminCreateUser""#) && report.contains(#""outcome":"skipped""#))

        let updated = try setup.run(["users", "import", "--pool", "POOL", "HOME/cognito.csv", "--existing", "update", "--yes"])
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout.contains("Import users: 2 succeeded"), "\(updated.stdout)")
        users = try setup.kit.allUsers()
        #expect(users["ann"]?.attributes["given_name"] == "Ann")
        #expect(try setup.proxy.counters().received(["AdminUpdateUserAttributes"]) == 2)
    }
}
