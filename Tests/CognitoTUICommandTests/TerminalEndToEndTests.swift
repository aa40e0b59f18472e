import Foundation
import Testing
import TestSupport

/// The console against what terminals do to it: sizes from one cell to 400×120, storms of
/// resizes with an overlay, a form and the editor open, a terminal type that cannot address the
/// cursor, a C locale, right-to-left, combining and wide text, a hang-up and a suspension.
@Suite("The console in odd terminals, end to end in tmux", .timeLimit(.minutes(5)))
struct TerminalEndToEndTests {
    /// A console at the emulator in its own tmux server, with a HOME that lives as long as it.
    struct Run {
        let home: TemporaryHome
        let tmux: TmuxSession
    }

    static func console(region: String, columns: Int = 100, rows: Int = 30, term: String = "xterm-256color",
                        lang: String = "C.UTF-8", extraEnvironment: [String: String] = [:],
                        shellTail: String = "; echo CONSOLE-EXIT=$?") throws -> Run {
        // The shell stays after the console (a dead pane's screen is not kept), until the test ends.
        let home = try TemporaryHome()
        var env = BinaryRunner.baseEnvironment(home: home.path)
        env["AWS_ACCESS_KEY_ID"] = ConsoleEndToEndTests.keys.accessKeyId
        env["AWS_SECRET_ACCESS_KEY"] = ConsoleEndToEndTests.keys.secretAccessKey
        env["LANG"] = lang
        env.merge(extraEnvironment) { _, new in new }
        let command = "\(BinaryRunner.binaryPath) --region \(region) --endpoint-url \(try TestEmulator.url())\(shellTail); exec cat"
        return Run(home: home, tmux: try TmuxSession(command: command, environment: env, columns: columns, rows: rows, term: term))
    }

    /// Whether the console has exited: its shell no longer has a child other than `cat`.
    static func consoleGone(_ tmux: TmuxSession) throws -> Bool {
        (try? consolePID(tmux)) == nil
    }

    /// The pid of the console: the child of the pane's shell.
    static func consolePID(_ tmux: TmuxSession) throws -> Int32 {
        let shell = try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try Spawn.run(["pgrep", "-P", shell, "-f", BinaryRunner.binaryPath], captureOutput: true).output
        return try #require(children.split(separator: "\n").compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }.first,
                            "the console runs under the pane's shell \(shell)")
    }

    /// The screen once `ready` holds and two captures in a row are the same (drawing is done).
    static func settled(_ tmux: TmuxSession, _ ready: @escaping (String) -> Bool) throws -> String {
        var last = ""
        return try tmux.wait(for: "a settled screen") { screen in
            defer { last = screen }
            return ready(screen) && screen == last
        }
    }

    /// Display cells before `needle` in `line`: wide characters take two, combining marks none.
    static func column(of needle: String, in line: String) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return displayWidth(String(line[..<range.lowerBound]))
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return width
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x1F300...0x1FAFF:
                return width + 2
            default: return width + 1
            }
        }
    }

    @Test("every size from 1×1 to 400×120 draws without dying, small ones say so, and the list comes back at 100×30")
    func sizes() async throws {
        let region = try TestRegion.claim()
        _ = try await ConsoleEndToEndTests.Seeder(region: region).userPool("sizes-pool", users: 0)
        let run = try Self.console(region: region)
        let tmux = run.tmux
        try tmux.wait(for: "sizes-pool")
        for (columns, rows) in [(1, 1), (2, 1), (10, 3), (19, 5), (30, 8), (400, 120), (57, 17), (100, 30)] {
            try tmux.resize(columns: columns, rows: rows)
            if columns < 30 || rows < 8 {
                // Too small to draw the console: a notice (cut to what fits), never the list.
                try tmux.wait(for: "the notice at \(columns)×\(rows)") { screen in
                    !screen.contains("sizes-pool") && (columns < 3 || screen.contains("Ter") || screen.contains("sma"))
                }
            } else {
                try tmux.wait(for: "the list at \(columns)×\(rows)") { $0.contains("sizes-pool") }
            }
            #expect(try !Self.consoleGone(tmux), "alive at \(columns)×\(rows)")
        }
        let wide = try tmux.wait(for: "the header at 100 columns") { $0.contains("sizes-pool") && $0.contains("User pools") }
        #expect(wide.split(separator: "\n").count <= 30)
        try tmux.press("q")
        try tmux.wait(for: "CONSOLE-EXIT=0")
    }

    @Test("a storm of resizes with help, a form and the editor open: each survives and redraws at the last size")
    func resizeStorm() async throws {
        let region = try TestRegion.claim()
        _ = try await ConsoleEndToEndTests.Seeder(region: region).userPool("storm-pool", users: 3)
        // An editor that shows it is open and waits for a line typed at the terminal.
        let folder = try TemporaryHome()
        try folder.write("editor.sh", "#!/bin/sh\nprintf 'STORM-EDITOR-OPEN\\n'\nread line\n")
        chmod(folder.path + "/editor.sh", 0o755)
        let run = try Self.console(region: region, extraEnvironment: ["EDITOR": folder.path + "/editor.sh"])
        let tmux = run.tmux
        try tmux.wait(for: "storm-pool")
        let sizes = [(80, 24), (43, 11), (160, 50), (31, 9), (120, 40), (64, 20), (200, 60), (100, 30)]

        func storm() throws {
            for (columns, rows) in sizes + sizes.reversed() { try tmux.resize(columns: columns, rows: rows) }
        }

        try tmux.press("?")
        try tmux.wait(for: "Keys:")
        try storm()
        #expect(try tmux.size() == (80, 24))
        let stormed = try Self.settled(tmux) { $0.contains("Keys:") }
        // The same state drawn once by a console that never saw a resize: not a cell differs.
        let fresh = try Self.console(region: region, columns: 80, rows: 24)
        try fresh.tmux.wait(for: "storm-pool")
        try fresh.tmux.press("?")
        let reference = try Self.settled(fresh.tmux) { $0.contains("Keys:") }
        #expect(stormed == reference, "after the storm:\n\(stormed)\nnever resized:\n\(reference)")
        try tmux.press("Escape")

        try tmux.press("Enter")
        try tmux.wait(for: "Summary")
        try tmux.press("2")
        try tmux.wait(for: "user002")
        try tmux.press("c")
        try tmux.wait(for: "Create a user")
        try tmux.type("half-typed")
        try storm()
        #expect(try tmux.size() == (80, 24))
        try tmux.wait(for: "the form with what was typed") { $0.contains("Create a user") && $0.contains("half-typed") }
        try tmux.press("Escape")
        try tmux.wait(for: "the discard question") { $0.contains("esc again") || $0.contains("Discard") || !$0.contains("Create a user") }
        try tmux.press("Escape")
        try tmux.wait(for: "the form gone") { !$0.contains("Create a user") }

        try tmux.press("e")                                       // the user, as JSON in the editor
        try tmux.wait(for: "STORM-EDITOR-OPEN")
        try storm()
        #expect(try !Self.consoleGone(tmux))
        try tmux.press("Enter")                                   // the editor exits, the text unchanged
        try tmux.wait(for: "the console back") { screen in
            !screen.contains("STORM-EDITOR-OPEN") && screen.contains("No change") && screen.contains("user00")
        }
        #expect(try tmux.size() == (80, 24))
        try tmux.press("q")
        try tmux.wait(for: "CONSOLE-EXIT=0")
    }

    @Test("TERM=dumb is refused with one sentence and exit status 2, the screen left alone")
    func dumbTerminal() throws {
        let run = try Self.console(region: "us-east-1", term: "dumb")
        let screen = try run.tmux.wait(for: "CONSOLE-EXIT=2")
        #expect(screen.contains("TERM=dumb"), "\(screen)")
        #expect(screen.contains("xterm-256color"), "the sentence says what works: \(screen)")
    }

    @Test("LANG=C: the console runs, shows ASCII names, and draws its frames with ASCII")
    func cLocale() async throws {
        let region = try TestRegion.claim()
        _ = try await ConsoleEndToEndTests.Seeder(region: region).userPool("plain-pool", users: 0)
        let run = try Self.console(region: region, lang: "C")
        let screen = try run.tmux.wait(for: "plain-pool")
        #expect(!screen.unicodeScalars.contains { $0.value > 0x7F }, "only ASCII under LANG=C: \(screen)")
        try run.tmux.press("q")
        try run.tmux.wait(for: "CONSOLE-EXIT=0")
    }

    @Test("right-to-left, combining and wide names line up in their columns")
    func unicodeNames() async throws {
        let region = try TestRegion.claim()
        let seeder = ConsoleEndToEndTests.Seeder(region: region)
        // The last is wider than its column: cut to fit, it must stop where the column does.
        let long = String(repeating: "東京都のユーザープール", count: 3)
        let names = ["ascii-pool", "東京プール", "مجموعة-المستخدمين", "cafe\u{301}-pool", "team-🚀", long]
        var ids: [String: String] = [:]
        for name in names { ids[name] = try await seeder.userPool(name, users: 0) }
        let run = try Self.console(region: region, columns: 120)
        let screen = try run.tmux.wait(for: "every pool") { screen in names.allSatisfy { name in screen.contains(ids[name] ?? "?") } }
        let lines = screen.split(separator: "\n").map(String.init)
        var idColumns: Set<Int> = []
        for name in names {
            let id = try #require(ids[name])
            let line = try #require(lines.first { $0.contains(id) }, "the row of \(name)")
            if name == long {
                let before = String(line[..<line.range(of: id)!.lowerBound])
                #expect(before.trimmingCharacters(in: .whitespaces).hasSuffix("…") && before.hasSuffix(" "),
                        "cut with an ellipsis, clear of the next column: \(line)")
            } else {
                #expect(line.contains(name), "\(name) is drawn whole: \(line)")
            }
            idColumns.insert(try #require(Self.column(of: id, in: line)))
        }
        #expect(idColumns.count == 1, "every id starts in the same column: \(idColumns)\n\(screen)")
        try run.tmux.press("q")
        try run.tmux.wait(for: "CONSOLE-EXIT=0")
    }

    @Test("a hang-up while the editor is open restores the terminal and leaves no child process behind")
    func hangUp() async throws {
        let region = try TestRegion.claim()
        _ = try await ConsoleEndToEndTests.Seeder(region: region).userPool("hup-pool", users: 0)
        let folder = try TemporaryHome()
        let marker = "hup-editor-\(UUID().uuidString.prefix(8))"
        try folder.write("\(marker).sh", "#!/bin/sh\nprintf 'HUP-EDITOR-OPEN\\n'\nwhile :; do sleep 1; done\n")
        chmod(folder.path + "/\(marker).sh", 0o755)
        let run = try Self.console(region: region, extraEnvironment: ["EDITOR": folder.path + "/\(marker).sh"],
                                   shellTail: "; echo CONSOLE-EXIT=$?; stty -a | tr ' ' '\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo")
        let tmux = run.tmux
        try tmux.wait(for: "hup-pool")
        try tmux.press("Enter")
        try tmux.wait(for: "Summary")
        try tmux.press("e")
        try tmux.wait(for: "HUP-EDITOR-OPEN")
        let console = try Self.consolePID(tmux)
        kill(console, SIGHUP)
        let after = try tmux.wait(for: "the exit status and the terminal's modes") { screen in
            screen.contains("CONSOLE-EXIT=129") && screen.contains("icanon")
        }
        let modes = after.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        #expect(modes.contains("echo") && modes.contains("icanon"), "the terminal's modes are back: \(after)")
        // The editor's shell finishes the command it waits for (a one-second sleep) before it
        // acts on the hang-up: poll until it is gone.
        var left = ""
        let deadline = Date().addingTimeInterval(10)
        repeat {
            // The script as a running program (the tmux server's own command line names it too).
            left = try Spawn.run(["pgrep", "-f", "sh \(folder.path)/\(marker).sh"], captureOutput: true).output.trimmingCharacters(in: .whitespacesAndNewlines)
            if left.isEmpty { break }
            usleep(50_000)
        } while Date() < deadline
        #expect(left.isEmpty, "the editor was ended too: \(left)")
    }

    @Test("ctrl-z suspends the console to the shell, and fg brings it back redrawn")
    func suspendAndResume() async throws {
        let region = try TestRegion.claim()
        _ = try await ConsoleEndToEndTests.Seeder(region: region).userPool("tstp-pool", users: 0)
        let home = try TemporaryHome()
        var env = BinaryRunner.baseEnvironment(home: home.path)
        env["AWS_ACCESS_KEY_ID"] = ConsoleEndToEndTests.keys.accessKeyId
        env["AWS_SECRET_ACCESS_KEY"] = ConsoleEndToEndTests.keys.secretAccessKey
        env["LANG"] = "C.UTF-8"
        env["PS1"] = "READY$ "
        let tmux = try TmuxSession(command: "bash --norc --noprofile -i", environment: env)
        try tmux.wait(for: "READY$")
        try tmux.type("\(BinaryRunner.binaryPath) --region \(region) --endpoint-url \(try TestEmulator.url())")
        try tmux.press("Enter")
        try tmux.wait(for: "tstp-pool")
        try tmux.press("C-z")
        let shell = try tmux.wait(for: "the shell's prompt after the stop") { $0.contains("Stopped") && $0.hasSuffix("READY$") || $0.contains("Stopped") }
        #expect(!shell.contains("User pools"), "the console's screen is gone: \(shell)")
        try tmux.type("fg")
        try tmux.press("Enter")
        try tmux.wait(for: "the console redrawn") { $0.contains("tstp-pool") && $0.contains("User pools") && !$0.contains("Stopped") }
        try tmux.press("q")
        try tmux.wait(for: "the prompt after quitting") { $0.contains("READY$") && !$0.contains("User pools") }
    }
}
