import Foundation
import Testing
import TestSupport

/// Plugins in the real console in tmux against the emulator: the console suspends while a
/// plugin runs, the plugin sees the selection in its environment, and the console comes back on
/// the same row; a dangerous plugin is hidden under read-only.
@Suite("Plugins end to end in tmux", .timeLimit(.minutes(5)))
struct PluginEndToEndTests {

    /// A home whose config.yaml declares `envdump` (b, users) and the dangerous `wipe` (z,
    /// users); each writes its environment's Cognito variables to a file in the home.
    static func home() throws -> TemporaryHome {
        let home = try TemporaryHome()
        for name in ["envdump", "wipe"] {
            try home.write("bin/\(name)", """
                #!/bin/sh
                env | grep -E '^(USER_POOL_ID|USERNAME|AWS_PROFILE|AWS_REGION)=' | sort > "$HOME/\(name).out"
                echo "args: $*" >> "$HOME/\(name).out"
                """)
            #expect(chmod(home.path + "/bin/\(name)", 0o755) == 0)
        }
        try home.write(".config/cognito-tui/config.yaml", """
            plugins:
              envdump:
                key: b
                scopes: [users]
                description: write the selection's variables
                command: \(home.path)/bin/envdump
                args: [--user, $USERNAME]
              wipe:
                key: z
                scopes: [users]
                description: pretend to wipe the user
                command: \(home.path)/bin/wipe
                dangerous: true
            """)
        return home
    }

    func console(_ home: TemporaryHome, region: String, args: String = "") throws -> TmuxSession {
        var env = BinaryRunner.baseEnvironment(home: home.path)
        env["AWS_ACCESS_KEY_ID"] = ConsoleEndToEndTests.keys.accessKeyId
        env["AWS_SECRET_ACCESS_KEY"] = ConsoleEndToEndTests.keys.secretAccessKey
        env["LANG"] = "C.UTF-8"
        let command = "\(BinaryRunner.binaryPath) --region \(region) --endpoint-url \(try TestEmulator.url()) \(args)"
        return try TmuxSession(command: command, environment: env, columns: 100, rows: 30)
    }

    /// Opens the pool's Users tab and puts the cursor on user002.
    func openUsers(_ tmux: TmuxSession, pool name: String) throws {
        try tmux.wait(for: name)
        try tmux.press("/")
        try tmux.type(name)
        try tmux.press("Enter")
        try tmux.press("Enter")
        try tmux.wait(for: "Summary")
        try tmux.press("2")
        try tmux.wait(for: "user004")
        try tmux.press("j")
        try tmux.press("j")
    }

    @Test("a plugin runs with the selection in its environment and the console resumes on the same row")
    func runsWithSelection() async throws {
        let name = "e2e-plugin-\(UUID().uuidString.prefix(6).lowercased())"
        let region = try TestRegion.claim()
        let pool = try await ConsoleEndToEndTests.Seeder(region: region).userPool(name, users: 5)
        let home = try Self.home()
        let tmux = try console(home, region: region)
        try openUsers(tmux, pool: name)
        try tmux.press("b")
        try tmux.wait(for: "envdump finished.")
        let written = try String(contentsOfFile: home.path + "/envdump.out", encoding: .utf8)
        #expect(written == """
            AWS_PROFILE=default
            AWS_REGION=\(region)
            USERNAME=user002
            USER_POOL_ID=\(pool)
            args: --user user002

            """)
        // The same row is still selected: Enter opens user002.
        try tmux.press("Enter")
        try tmux.wait(for: "user002's summary") { $0.contains("› user002 › Summary") }
    }

    @Test("under --read-only the dangerous plugin is not in help and its key runs nothing")
    func dangerousHiddenUnderReadOnly() async throws {
        let name = "e2e-plugin-ro-\(UUID().uuidString.prefix(6).lowercased())"
        let region = try TestRegion.claim()
        _ = try await ConsoleEndToEndTests.Seeder(region: region).userPool(name, users: 5)
        let home = try Self.home()
        let tmux = try console(home, region: region, args: "--read-only")
        try openUsers(tmux, pool: name)
        try tmux.press("?")
        let help = try tmux.wait(for: "help listing the plugins") { $0.contains("envdump") }
        #expect(!help.contains("wipe"))
        try tmux.press("Escape")
        // z first, then b: once envdump has run, z has been handled.
        try tmux.press("z")
        try tmux.press("b")
        try tmux.wait(for: "envdump finished.")
        #expect(!FileManager.default.fileExists(atPath: home.path + "/wipe.out"))
        #expect(FileManager.default.fileExists(atPath: home.path + "/envdump.out"))
    }
}
