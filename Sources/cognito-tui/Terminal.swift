import Foundation

/// Questions on the terminal: asked on stderr, answered on stdin, so that stdout stays the
/// command's output.
enum Terminal {
    /// Whether the operator can answer: stdin is a terminal.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// Whether stderr is a terminal (for one updating progress line instead of plain lines).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Asks and reads one line; nil at the end of input.
    static func ask(_ question: String) -> String? {
        FileHandle.standardError.write(Data(question.utf8))
        return readLine(strippingNewline: true)
    }

    /// Asks a yes/no question; only `y` or `yes` (any case) is yes.
    static func askYesNo(_ question: String) -> Bool {
        guard let answer = ask(question + " [y/N] ") else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
