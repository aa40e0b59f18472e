import Foundation

/// Reading a password: never from the arguments (they show in `ps` and the shell's history) but
/// from the first line of stdin, or, on a terminal, typed twice without echo.
enum SecretInput {
    /// The password: asked twice without echo when stdin is a terminal, else stdin's first line.
    /// - Throws: `CommandFailure.usage` for an empty password, two that differ, or no input.
    static func password(_ what: String) throws -> String {
        if Terminal.isInteractive {
            let first = try hidden("\(what): ")
            let again = try hidden("Again: ")
            guard first == again else { throw CommandFailure.usage("The two passwords differ; nothing was sent.") }
            return try nonEmpty(first)
        }
        guard let line = readLine(strippingNewline: true) else {
            throw CommandFailure.usage("Give the \(what.lowercased()) on stdin's first line; nothing was sent.")
        }
        return try nonEmpty(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }

    private static func nonEmpty(_ password: String) throws -> String {
        guard !password.isEmpty else { throw CommandFailure.usage("The password is empty; nothing was sent.") }
        return password
    }

    /// One line typed with echo off; echo comes back even when reading fails.
    private static func hidden(_ prompt: String, nothing: String = "No password was typed; nothing was sent.") throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        let haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if haveTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer {
            if haveTerminal { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else {
            throw CommandFailure.usage(nothing)
        }
        return line
    }
}

extension SecretInput {
    /// One secret line (a password, a code, a refresh token): asked once without echo on a
    /// terminal, else the next line of stdin.
    /// - Throws: `CommandFailure.usage` for no input or an empty line.
    static func line(_ what: String) throws -> String {
        let text: String
        if Terminal.isInteractive {
            text = try hidden("\(what): ", nothing: "Nothing was typed.")
        } else {
            guard let line = readLine(strippingNewline: true) else {
                throw CommandFailure.usage("Give the \(what.lowercased()) on its own line of stdin.")
            }
            text = line.hasSuffix("\r") ? String(line.dropLast()) : line
        }
        guard !text.isEmpty else { throw CommandFailure.usage("The \(what.lowercased()) is empty.") }
        return text
    }
}
