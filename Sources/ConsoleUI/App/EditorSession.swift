import CNcurses
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
        // Not Foundation's Process: it starts the child in a process group of its own, where an
        // editor reading the keyboard is stopped or fails (the terminal's job is the console's).
        // `exec`: the editor itself is the child, so a hang-up passed on reaches it.
        let arguments = ["/bin/sh", "-c", "exec \(command) \"$1\"", "cognito-tui-editor", path]
        let variables = environment.map { "\($0.key)=\($0.value)" }
        let status = CStrings.withArray(arguments) { argv in
            CStrings.withArray(variables) { envp in cncurses_run_foreground("/bin/sh", argv, envp) }
        }
        guard cncurses_exited_cleanly(status) != 0, let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// NULL-terminated arrays of C strings for the length of a call.
enum CStrings {
    static func withArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
