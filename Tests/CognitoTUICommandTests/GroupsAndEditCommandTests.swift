import Foundation
import Testing
import TestSupport

/// `cognito-tui groups` and `cognito-tui edit` through the binary, judged by boto3.
@Suite("cognito-tui groups and edit", .timeLimit(.minutes(5)))
struct GroupsAndEditCommandTests {
    static let role = "arn:aws:iam::123456789012:role/Staff"
    static let staff = (name: "staff", description: "Everyone", precedence: 3, role: role)

    @Test("groups update --description keeps the precedence and the role")
    func updateKeepsOtherFields() throws {
        let kit = try AdminCommandKit(groups: [Self.staff])
        let result = try kit.run(["groups", "update", "--pool", kit.pool, "staff", "--description", "All staff"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#"~ Description: "Everyone" → "All staff""#))
        #expect(result.stdout.contains("= Precedence: 3 (kept)"))
        #expect(try kit.group("staff") == ["Description": "All staff", "Precedence": "3", "RoleArn": Self.role])
    }

    @Test("groups update --dry-run prints the diff and sends nothing")
    func updateDryRun() throws {
        let kit = try AdminCommandKit(groups: [Self.staff])
        let result = try kit.run(["groups", "update", "--pool", kit.pool, "staff", "--precedence", "9", "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("~ Precedence: 3 → 9"))
        #expect(result.stdout.contains("nothing was sent"))
        #expect(try kit.group("staff")["Precedence"] == "3")
    }

    @Test("groups delete needs --yes without a terminal, then deletes")
    func delete() throws {
        let kit = try AdminCommandKit(groups: [Self.staff])
        let refused = try kit.run(["groups", "delete", "--pool", kit.pool, "staff"])
        #expect(refused.status == 2)
        #expect(try kit.groupNames() == ["staff"])
        let deleted = try kit.run(["groups", "delete", "--pool", kit.pool, "staff", "--yes"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(try kit.groupNames().isEmpty)
    }

    @Test("on a protected profile groups update without --confirm refuses and changes nothing")
    func protectedUpdate() throws {
        let kit = try AdminCommandKit(groups: [Self.staff])
        try kit.settings("profiles:\n  default:\n    protected: true\n")
        let refused = try kit.run(["groups", "update", "--pool", kit.pool, "staff", "--precedence", "1"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is protected") && refused.stderr.contains("--confirm staff"))
        #expect(try kit.group("staff")["Precedence"] == "3")
        let confirmed = try kit.run(["groups", "update", "--pool", kit.pool, "staff", "--precedence", "1", "--confirm", "staff"])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try kit.group("staff")["Precedence"] == "1")
    }

    @Test("groups delete under --read-only exits 5 and the group stays")
    func readOnlyDelete() throws {
        let kit = try AdminCommandKit(groups: [Self.staff])
        let result = try kit.run(["groups", "delete", "--pool", kit.pool, "staff", "--yes", "--read-only"])
        #expect(result.status == 5)
        #expect(try kit.groupNames() == ["staff"])
    }

    @Test("edit group through an editor script changes the description and keeps precedence and role")
    func editGroup() throws {
        let kit = try AdminCommandKit(groups: [Self.staff])
        let editor = try kit.script("editor.sh", #"sed -i -E 's/"Description" *: *"[^"]*"/"Description": "Edited"/' "$1""# + "\n")
        let result = try kit.run(["edit", "group", kit.pool, "staff", "--yes"], env: ["EDITOR": editor])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#"~ Description: "Everyone" → "Edited""#))
        #expect(try kit.group("staff") == ["Description": "Edited", "Precedence": "3", "RoleArn": Self.role])
    }

    @Test("an invalid edit reopens the editor with the error on top; the fixed file is sent")
    func invalidEditReopens() throws {
        let kit = try AdminCommandKit(groups: [Self.staff])
        let editor = try kit.script("editor.sh", #"""
            count="$HOME/editor-count"
            n=$(( $(cat "$count" 2>/dev/null || echo 0) + 1 ))
            echo "$n" > "$count"
            cp "$1" "$HOME/seen-$n"
            if [ "$n" = 1 ]; then
              sed -i -E 's/"Description" *: *"[^"]*"/"Description": "Fixed" BROKEN/' "$1"
            else
              sed -i 's/ BROKEN//' "$1"
            fi

            """#)
        let result = try kit.run(["edit", "group", kit.pool, "staff", "--yes"], env: ["EDITOR": editor])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: kit.home.path + "/editor-count", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        let second = try String(contentsOfFile: kit.home.path + "/seen-2", encoding: .utf8)
        #expect(second.hasPrefix("# ERROR: The file is not valid JSON"), "\(second)")
        #expect(result.stderr.contains("Opening the editor again"))
        #expect(try kit.group("staff") == ["Description": "Fixed", "Precedence": "3", "RoleArn": Self.role])
    }

    @Test("an edit that breaks the model's rules is reopened too, and an emptied file cancels")
    func ruleBreakingEditThenCancel() throws {
        let kit = try AdminCommandKit(groups: [Self.staff])
        let editor = try kit.script("editor.sh", #"""
            count="$HOME/editor-count"
            n=$(( $(cat "$count" 2>/dev/null || echo 0) + 1 ))
            echo "$n" > "$count"
            cp "$1" "$HOME/seen-$n"
            if [ "$n" = 1 ]; then
              sed -i -E 's/"Precedence" *: *[0-9]+/"Precedence": -4/' "$1"
            else
              : > "$1"
            fi

            """#)
        let result = try kit.run(["edit", "group", kit.pool, "staff", "--yes"], env: ["EDITOR": editor])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("The file was emptied; nothing was sent."))
        let second = try String(contentsOfFile: kit.home.path + "/seen-2", encoding: .utf8)
        #expect(second.hasPrefix("# ERROR: UpdateGroup: Precedence must be"), "\(second)")
        #expect(try kit.group("staff")["Precedence"] == "3")
    }

    @Test("edit without a terminal needs --yes; without it nothing is sent")
    func editNeedsYes() throws {
        let kit = try AdminCommandKit(groups: [Self.staff])
        let editor = try kit.script("editor.sh", #"sed -i -E 's/"Description" *: *"[^"]*"/"Description": "Edited"/' "$1""# + "\n")
        let result = try kit.run(["edit", "group", kit.pool, "staff"], env: ["EDITOR": editor])
        #expect(result.status == 2)
        #expect(try kit.group("staff")["Description"] == "Everyone")
    }
}

/// Bad input to the admin subcommands: one sentence, a usage status, nothing sent.
@Suite("cognito-tui admin subcommands: bad input", .timeLimit(.minutes(5)))
struct AdminBadInputTests {
    @Test("bad input gets one sentence and nothing is sent", arguments: [
        (["users", "disable", "--pool", "not/a:pool", "ann"], "`not/a:pool` is neither a user pool id"),
        (["users", "disable", "--pool", "us-east-1_\(String(repeating: "a", count: 50))", "ann"], "is not a user pool id; they look like"),
        (["users", "disable", "--pool", "us-east-1_abc", ""], "A username cannot be empty"),
        (["users", "disable", "--pool", "us-east-1_abc"], "Name at least one user"),
        (["users", "enable", "--pool", "us-east-1_abc", "ann", "ann"], "more than once"),
        (["users", "disable", "--pool", "us-east-1_abc", "ann", "--report", "out.txt"], "--report takes a file ending in .csv or .jsonl"),
        (["groups", "update", "--pool", "us-east-1_abc", "staff", "--precedence", "-1"], "--precedence must be 0 or more"),
        (["groups", "update", "--pool", "us-east-1_abc", "staff", "--precedence", "high"], "The value 'high' is invalid for '--precedence"),
        (["groups", "update", "--pool", "us-east-1_abc", "staff"], "Say what to change"),
        (["groups", "update", "--pool", "us-east-1_abc", "staff", "--role-arn", "admin"], "UpdateGroup: RoleArn must be"),
        (["groups", "delete", "--pool", "us-east-1_abc", ""], "A group name cannot be empty"),
        (["edit", "group", "us-east-1_abc"], "`edit group POOL GROUP` takes 2 ids, got 1"),
        (["edit", "identity-pool", "us-east-1_abc"], "is not an identity pool id"),
        (["edit", "widget", "x"], "widget"),
    ])
    func badInput(_ arguments: [String], _ expected: String) throws {
        let home = try TemporaryHome()
        let server = try FaultServer()
        try server.script([])
        let env = BinaryRunner.baseEnvironment(home: home.path).merging(AdminCommandKit.keys) { $1 }
        let result = try BinaryRunner.run(arguments + ["--endpoint-url", server.url, "--region", "us-east-1"], environment: env)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(try server.requests().isEmpty)
    }

    @Test("every subcommand's help has examples", arguments: [
        ["users", "disable"], ["users", "enable"], ["users", "delete"], ["groups", "update"], ["groups", "delete"], ["edit"],
    ])
    func helpHasExamples(_ command: [String]) throws {
        let home = try TemporaryHome()
        let result = try BinaryRunner.run(command + ["--help"], environment: BinaryRunner.baseEnvironment(home: home.path))
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("cognito-tui \(command.joined(separator: " ")) "))
    }
}
