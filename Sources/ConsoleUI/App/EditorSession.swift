import Foundation

/// Runs the operator's editor on a text: `$VISUAL`, then `$EDITOR`, then `vi`, as `kubectl edit`
/// and git choose. The text goes to a private temporary file (it may hold settings people would
/// not want others to read), the editor runs on the terminal, and the file is read back and
/// removed.
struct EditorSession {
    var environment: [String: String]

    /// The editor's command line, as the shell will run it.
    var command: String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// The edited text; nil when the file could not be written or read, or the editor failed.
    func edit(_ text: String) -> String? {
        let directory = FileManager.default.temporaryDirectory
        let path = directory.appendingPathComponent("cognito-tui-edit-\(UUID().uuidString.prefix(8)).json").path
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            return nil
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor setting may carry arguments (`code --wait`); the file is passed as "$1".
        process.arguments = ["-c", "\(command) \"$1\"", "cognito-tui-editor", path]
        process.environment = environment
        do {
            try process.run()
        } catch {
            return nil
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
