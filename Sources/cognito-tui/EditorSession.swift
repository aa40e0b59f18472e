import CognitoAPI
import CognitoAdmin
import Foundation

/// One resource edited in the operator's editor until the edit is valid for its update, or
/// cancelled: an invalid edit goes back with the error as a `#` comment on top.
struct EditorSession {
    let updater: Updater
    /// Named in the file's header, e.g. `eu-west-1_AbC/staff`.
    let resource: String
    /// The editor as a shell command, e.g. `vi` or `code --wait`.
    let command: String
    /// Where the file to edit is made (`$TMPDIR`, else `/tmp`).
    let folder: String

    init(updater: Updater, resource: String, environment: [String: String]) {
        self.updater = updater
        self.resource = resource
        self.command = Self.command(environment)
        self.folder = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// `$VISUAL`, else `$EDITOR`, else `vi`, as git and kubectl choose.
    static func command(_ environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return "vi"
    }

    /// Edits the update input read as `base`; nil when the operator cancelled (the reason is
    /// printed).
    /// - Throws: `CommandFailure` when the editor fails or an invalid edit is saved unchanged.
    func edit(_ base: JSONValue) throws -> UpdatePlan? {
        let file = try EditFile(folder: folder)
        defer { file.remove() }
        var text = EditorText.initial(operation: updater.operation, resource: resource, json: try CognitoJSONText.pretty(base))
        var afterError = false
        while true {
            try file.write(text)
            try runEditor(on: file.path)
            let edited = try file.read()
            let body = EditorText.stripComments(edited)
            if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                print("The file was emptied; nothing was sent.")
                return nil
            }
            if afterError && edited == text {
                throw CommandFailure.notConfirmed("The file was saved unchanged after an error; nothing was sent.")
            }
            let problem: String
            do {
                return try updater.plan(base: base, edit: .whole(try CognitoJSONText.parse(body)))
            } catch let error as UpdateError {
                problem = error.description
            } catch {
                problem = "The file is not valid JSON: \(EditorText.jsonProblem(in: body) ?? EditorText.jsonProblem(error))"
            }
            Output.error("\(Output.sentence(problem)) Opening the editor again.")
            text = EditorText.withErrors([problem], operation: updater.operation, resource: resource, body: body)
            afterError = true
        }
    }

    /// Runs the editor through the shell, so that `EDITOR="code --wait"` works, on the
    /// terminal the command was started on.
    private func runEditor(on path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(command) \"$1\"", "cognito-tui-editor", path]
        do {
            try process.run()
        } catch {
            throw CommandFailure.usage("The editor `\(command)` could not be started: \(error.localizedDescription).")
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw CommandFailure.notConfirmed(
                "The editor `\(command)` ended with status \(process.terminationStatus); nothing was sent.")
        }
    }
}

/// The file the editor works on: private to the owner, since an identity provider's settings
/// hold its secrets, and removed afterwards.
struct EditFile {
    let path: String

    init(folder: String) throws {
        path = folder + "/cognito-tui-edit-\(UUID().uuidString.prefix(8).lowercased()).json"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw CommandFailure.usage("The file to edit could not be created in \(folder): \(String(cString: strerror(errno))).")
        }
        close(fd)
    }

    func write(_ text: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CommandFailure.usage("The file \(path) could not be written.")
        }
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8))
    }

    func read() throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure.notConfirmed("The edited file \(path) is gone; nothing was sent.")
        }
        return String(decoding: data, as: UTF8.self)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
