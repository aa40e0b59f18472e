import Foundation

/// The real binary in a tmux session of fixed size, on a private tmux server: tests type with
/// `send-keys` and read the screen with `capture-pane`, polling until what they expect appears
/// (never sleeping a fixed time).
public final class TmuxSession: @unchecked Sendable {
    public let socket: String
    public let name = "t"
    /// The HOME folder the command runs with, kept for as long as the session: the program may
    /// read and write there until it ends, which is after the session is gone.
    public let home: TemporaryHome?

    public struct Timeout: Error, CustomStringConvertible {
        public var waitingFor: String
        public var screen: String
        public var description: String { "Timed out waiting for \(waitingFor). The screen was:\n\(screen)" }

        public init(waitingFor: String, screen: String) {
            self.waitingFor = waitingFor
            self.screen = screen
        }
    }

    /// Starts `command` (run by `/bin/sh -c`) in a new session of `columns`×`rows` with exactly
    /// `environment` (plus TERM); `home`, when given, lives as long as the session.
    public init(command: String, environment: [String: String], columns: Int = 100, rows: Int = 30,
                term: String = "xterm-256color", home: TemporaryHome? = nil) throws {
        self.home = home
        socket = "cognito-tui-test-" + UUID().uuidString.prefix(8)
        var env = environment
        env["TERM"] = term
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.shellQuote($0.value))" }.joined(separator: " ")
        let full = "env -i \(assignments) /bin/sh -c \(Self.shellQuote(command))"
        // The server this starts would keep a captured stdout open for ever: give it none.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), full],
                 capture: false)
        _ = try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"], capture: false)
    }

    /// Runs one tmux command on this session's server and returns its stdout.
    @discardableResult
    public func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        try Spawn.run(["tmux", "-L", socket] + arguments, captureOutput: capture).output
    }

    /// Types keys: tmux key names such as `Enter`, `Escape`, `Down`, `C-c`, `PageDown`.
    public func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Types text literally.
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    /// A left click at a 1-based cell, as an SGR (1006) mouse report like xterm's.
    public func click(x: Int, y: Int) throws {
        try type("\u{1B}[<0;\(x);\(y)M\u{1B}[<0;\(x);\(y)m")
    }

    /// Two clicks in quick succession.
    public func doubleClick(x: Int, y: Int) throws {
        try type("\u{1B}[<0;\(x);\(y)M\u{1B}[<0;\(x);\(y)m\u{1B}[<0;\(x);\(y)M\u{1B}[<0;\(x);\(y)m")
    }

    /// The wheel, `lines` notches down (negative: up), at a 1-based cell.
    public func wheel(_ notches: Int, x: Int, y: Int) throws {
        let button = notches < 0 ? 64 : 65
        try type(String(repeating: "\u{1B}[<\(button);\(x);\(y)M", count: abs(notches)))
    }

    /// The visible screen, one line per row.
    public func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// Polls the screen until `predicate` holds, or throws with the last screen.
    @discardableResult
    public func wait(for description: String, timeout: TimeInterval = 15,
                     _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(30_000)
        }
        throw Timeout(waitingFor: description, screen: last)
    }

    /// Polls until the screen contains `text`.
    @discardableResult
    public func wait(for text: String, timeout: TimeInterval = 15) throws -> String {
        try wait(for: "\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Resizes the window (and so the pane).
    public func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(columns), "-y", String(rows)])
    }

    /// The pane's size as tmux sees it.
    public func size() throws -> (columns: Int, rows: Int) {
        let parts = try tmux(["display-message", "-p", "-t", name, "#{pane_width} #{pane_height}"])
            .split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return (parts.first ?? 0, parts.dropFirst().first ?? 0)
    }

    static func shellQuote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
