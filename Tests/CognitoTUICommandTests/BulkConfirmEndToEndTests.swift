import Foundation
import Testing
import TestSupport

/// On a terminal, a bulk change asks for its verb and count to be typed (`disable 2`); anything
/// else sends nothing.
@Suite("cognito-tui bulk confirmation on a terminal", .timeLimit(.minutes(5)))
struct BulkConfirmEndToEndTests {
    /// `cognito-tui ARGS` in tmux against the emulator, printing its exit status when done.
    static func session(_ kit: AdminCommandKit, _ arguments: String) throws -> TmuxSession {
        var env = BinaryRunner.baseEnvironment(home: kit.home.path).merging(AdminCommandKit.keys) { $1 }
        env["LANG"] = "C.UTF-8"
        let command = "\(BinaryRunner.binaryPath) \(arguments) --endpoint-url \(kit.url) --region us-east-1; echo EXIT=$?"
        return try TmuxSession(command: command, environment: env, columns: 160, rows: 30)
    }

    @Test("typing the verb and the count runs the job")
    func typedConfirmation() throws {
        let kit = try AdminCommandKit(users: ["ann", "bob", "cy"])
        let tmux = try Self.session(kit, "users disable --pool \(kit.pool) ann bob")
        try tmux.wait(for: "type disable 2")
        #expect(try tmux.screen().contains("Disable users: 2 calls of AdminDisableUser in \(kit.pool), quota category UserUpdate"))
        try tmux.type("disable 2")
        try tmux.press("Enter")
        try tmux.wait(for: "EXIT=0")
        #expect(try tmux.screen().contains("Disable users: 2 succeeded"))
        #expect(try kit.allUsers().mapValues(\.enabled) == ["ann": false, "bob": false, "cy": true])
    }

    @Test("typing anything else sends nothing and exits 6")
    func wrongConfirmation() throws {
        let kit = try AdminCommandKit(users: ["ann", "bob"])
        let tmux = try Self.session(kit, "users delete --pool \(kit.pool) ann bob")
        try tmux.wait(for: "type delete 2")
        try tmux.type("delete 3")
        try tmux.press("Enter")
        try tmux.wait(for: "EXIT=6")
        #expect(try tmux.screen().contains("was not `delete 2`; nothing was sent."))
        #expect(try kit.allUsers().mapValues(\.enabled) == ["ann": true, "bob": true])
    }
}
