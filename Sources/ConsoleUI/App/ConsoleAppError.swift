/// Why the console could not run.
public enum ConsoleAppError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal ncurses can use.
    case noTerminal
    /// A system call failed (name and errno).
    case system(String, Int32)

    public var description: String {
        switch self {
        case .noTerminal:
            return "The console needs a terminal: standard input and output must be a TTY and TERM must name a known terminal."
        case .system(let call, let code):
            return "The console could not start: \(call) failed with error \(code)."
        }
    }
}
