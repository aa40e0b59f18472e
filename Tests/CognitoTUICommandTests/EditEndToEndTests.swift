import Foundation
import Testing
import TestSupport

/// `e` on a group, end to end: the real console in tmux against the emulator, with `$EDITOR` a
/// small shell script, and the group read back with boto3 (a client that is not the console's own).
/// Each test makes a user pool of its own, so the tests run side by side.
@Suite("Editing a group as JSON in $EDITOR, end to end in tmux", .timeLimit(.minutes(5)))
struct EditEndToEndTests {
    static let accessKey = TestEmulator.keys.accessKeyId
    static let secretKey = TestEmulator.keys.secretAccessKey

    static let groupName = "auditors"
    static let description = "Nightly auditors"
    static let precedence = 4
    static let roleArn = "arn:aws:iam::123456789012:role/e2e-audit"

    /// The group as boto3 reads it.
    struct Group: Equatable {
        var description: String?
        var precedence: Int?
        var roleArn: String?

        static let seeded = Group(description: EditEndToEndTests.description, precedence: EditEndToEndTests.precedence,
                                  roleArn: EditEndToEndTests.roleArn)
    }

    /// boto3 pointed at the emulator, run as `python3 -c`.
    struct Boto {
        let region: String

        struct Failure: Error, CustomStringConvertible {
            var description: String
        }

        /// Runs `body` after a preamble that makes `idp`, a cognito-idp client; `body` prints one
        /// JSON line, which is returned.
        func run(_ body: String, _ arguments: [String] = []) throws -> [String: Any] {
            let script = """
            import json, sys
            import boto3
            url, region, key, secret = sys.argv[1:5]
            args = sys.argv[5:]
            idp = boto3.client("cognito-idp", region_name=region, endpoint_url=url,
                               aws_access_key_id=key, aws_secret_access_key=secret)

            """ + body
            let process = Process()
            process.executableURL = ProjectPython.url
            process.arguments = ["-c", script, try TestEmulator.url(), region,
                                 EditEndToEndTests.accessKey, EditEndToEndTests.secretKey] + arguments
            // The machine's own AWS settings stay out; only the emulator is ever reached.
            var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
            environment["AWS_EC2_METADATA_DISABLED"] = "true"
            environment["AWS_CONFIG_FILE"] = "/dev/null"
            environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            guard process.terminationStatus == 0,
                  let last = text.split(separator: "\n").last,
                  let object = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any] else {
                throw Failure(description: "boto3 failed (status \(process.terminationStatus)):\n\(text)")
            }
            return object
        }

        /// A user pool named `name` with the seeded group in it; returns the pool's id.
        func poolWithGroup(_ name: String) throws -> String {
            let reply = try run("""
            pool = idp.create_user_pool(PoolName=args[0])["UserPool"]["Id"]
            idp.create_group(UserPoolId=pool, GroupName=args[1], Description=args[2],
                             Precedence=int(args[3]), RoleArn=args[4])
            print(json.dumps({"pool": pool}))
            """, [name, EditEndToEndTests.groupName, EditEndToEndTests.description,
                  String(EditEndToEndTests.precedence), EditEndToEndTests.roleArn])
            return try #require(reply["pool"] as? String)
        }

        /// The group as GetGroup returns it now.
        func group(pool: String) throws -> Group {
            let reply = try run("""
            group = idp.get_group(UserPoolId=args[0], GroupName=args[1])["Group"]
            print(json.dumps({k: group.get(k) for k in ("Description", "Precedence", "RoleArn")}))
            """, [pool, EditEndToEndTests.groupName])
            return Group(description: reply["Description"] as? String, precedence: reply["Precedence"] as? Int,
                         roleArn: reply["RoleArn"] as? String)
        }
    }

    /// A console in tmux with `$EDITOR` set to a script; the folder holds the script and what it
    /// leaves behind for the test to read.
    final class Run {
        let home: TemporaryHome
        let folder: String
        let tmux: TmuxSession

        /// Writes `script` (a `/bin/sh` body, where `$DIR` is the folder and `$1` the file to
        /// edit) and starts the console for `region`.
        init(region: String, script: String, args: String = "") throws {
            home = try TemporaryHome()
            folder = home.path + "/editor"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let editor = folder + "/edit.sh"
            try Data("#!/bin/sh\nDIR='\(folder)'\n\(script)\n".utf8).write(to: URL(fileURLWithPath: editor))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)
            var env = BinaryRunner.baseEnvironment(home: home.path)
            env["AWS_ACCESS_KEY_ID"] = EditEndToEndTests.accessKey
            env["AWS_SECRET_ACCESS_KEY"] = EditEndToEndTests.secretKey
            env["LANG"] = "C.UTF-8"
            env["EDITOR"] = editor
            // The console starts in the folder, so a report it saves lands there.
            let command = "cd '\(folder)' && \(BinaryRunner.binaryPath) --region \(region) --endpoint-url \(try TestEmulator.url()) \(args)"
            tmux = try TmuxSession(command: command, environment: env, columns: 120, rows: 36)
        }

        /// A file the script wrote, or nil.
        func file(_ name: String) -> String? {
            FileManager.default.contents(atPath: folder + "/" + name).map { String(decoding: $0, as: UTF8.self) }
        }

        /// From the pools list to the group's own pane.
        func openGroup(pool: String) throws {
            try tmux.wait(for: pool)
            try tmux.press("/")
            try tmux.type(pool)
            try tmux.press("Enter")
            try tmux.press("Enter")
            try tmux.wait(for: "\(pool) › Summary")
            try tmux.press("3")
            try tmux.wait(for: "the group's row") { $0.contains(EditEndToEndTests.groupName) && $0.contains(EditEndToEndTests.description) }
            try tmux.press("Enter")
            try tmux.wait(for: "the group's pane") {
                $0.contains("› \(EditEndToEndTests.groupName)") && $0.contains(EditEndToEndTests.description)
            }
        }
    }

    static func uniquePool() -> String { "e2e-edit-" + UUID().uuidString.prefix(8).lowercased() }

    @Test("a description changed in the editor is diffed, confirmed, sent, and the other members are kept")
    func editDescription() throws {
        let boto = Boto(region: try TestRegion.claim())
        let name = Self.uniquePool()
        let pool = try boto.poolWithGroup(name)
        let run = try Run(region: boto.region, script: """
        cp "$1" "$DIR/seen.txt"
        sed -i 's/Nightly auditors/Weekly auditors/' "$1"
        """)
        try run.openGroup(pool: name)
        try run.tmux.press("e")
        let confirm = try run.tmux.wait(for: "the diff") { $0.contains("~ Description:") && $0.contains("(kept)") }
        #expect(confirm.contains(#"~ Description: "Nightly auditors" → "Weekly auditors""#), "\(confirm)")
        #expect(confirm.contains("= Precedence: 4 (kept)"), "\(confirm)")
        #expect(confirm.contains(#"= RoleArn: "\#(Self.roleArn)" (kept)"#), "\(confirm)")
        let seen = try #require(run.file("seen.txt"), "the editor ran")
        #expect(seen.hasPrefix("# UpdateGroup"), "the editor gets the update input with its header: \(seen)")
        #expect(seen.contains(Self.roleArn) && seen.contains("Precedence"), "the input carries the members to keep: \(seen)")
        try run.tmux.press("y")
        try run.tmux.wait(for: "Updated \(Self.groupName) (UpdateGroup).")
        try run.tmux.wait(for: "the pane showing the new description") { $0.contains("Weekly auditors") }
        let after = try boto.group(pool: pool)
        #expect(after == Group(description: "Weekly auditors", precedence: Self.precedence, roleArn: Self.roleArn))
        // :audit shows the change the audit log recorded, with its outcome.
        try run.tmux.press(":")
        try run.tmux.type("audit")
        try run.tmux.press("Enter")
        let audit = try run.tmux.wait(for: "the audit log") { $0.contains("Audit log") && $0.contains("UpdateGroup") }
        #expect(audit.contains("UpdateGroup") && audit.contains(" ok "), "\(audit)")
    }

    @Test("an invalid edit reopens the editor with the error on top and, emptied, sends nothing")
    func invalidEditThenCancel() throws {
        let boto = Boto(region: try TestRegion.claim())
        let name = Self.uniquePool()
        let pool = try boto.poolWithGroup(name)
        let run = try Run(region: boto.region, script: """
        n=$(( $(cat "$DIR/count" 2>/dev/null || echo 0) + 1 ))
        echo "$n" > "$DIR/count"
        cp "$1" "$DIR/run$n.txt"
        if [ "$n" -eq 1 ]; then
          sed -i 's/"Precedence" *: *[0-9][0-9]*/"Precedence" : "high"/' "$1"
        else
          if head -n 1 "$1" | grep -q '^# ERROR:'; then echo error-on-top > "$DIR/second"; else echo no-error-on-top > "$DIR/second"; fi
          : > "$1"
        fi
        """)
        try run.openGroup(pool: name)
        try run.tmux.press("e")
        let screen = try run.tmux.wait(for: "nothing was sent")
        #expect(screen.contains("The file was emptied; nothing was sent."), "\(screen)")
        #expect(!screen.contains("Updated \(Self.groupName)"))
        #expect(run.file("count")?.trimmingCharacters(in: .whitespacesAndNewlines) == "2", "the editor ran twice")
        let first = try #require(run.file("run1.txt"))
        #expect(first.range(of: #""Precedence" *: *4"#, options: .regularExpression) != nil, "the first run had a number to spoil: \(first)")
        #expect(run.file("second")?.trimmingCharacters(in: .whitespacesAndNewlines) == "error-on-top")
        let second = try #require(run.file("run2.txt"))
        let errorLine = second.split(separator: "\n").first { $0.hasPrefix("# ERROR:") } ?? ""
        #expect(errorLine.contains("Precedence"), "the error names the member: \(second)")
        #expect(second.contains(#""Precedence" : "high""#), "the edit is given back to fix: \(second)")
        #expect(try boto.group(pool: pool) == Group.seeded)
    }

    @Test("read-only refuses e with its reason, and the editor never runs")
    func readOnlyRefusesEdit() throws {
        let boto = Boto(region: try TestRegion.claim())
        let name = Self.uniquePool()
        let pool = try boto.poolWithGroup(name)
        let run = try Run(region: boto.region, script: #"touch "$DIR/ran""#, args: "--read-only")
        try run.openGroup(pool: name)
        try run.tmux.press("e")
        let screen = try run.tmux.wait(for: "the refusal") { $0.contains("read-only") && $0.contains("UpdateGroup changes data") }
        let refusal = screen.split(separator: "\n").first { $0.contains("UpdateGroup changes data") } ?? ""
        #expect(refusal.contains("edit as JSON") || refusal.contains("Edit as JSON"), "the refusal names the action: \(refusal)")
        #expect(!screen.contains("Opening the editor"))
        // Help lists the action with the same reason.
        try run.tmux.press("?")
        try run.tmux.wait(for: "help with e marked read-only") { $0.contains("as JSON ($EDITOR) (read-only") }
        #expect(run.file("ran") == nil, "the editor was not started")
        #expect(try boto.group(pool: pool) == Group.seeded)
    }
}
