import CNcurses

/// Whether the terminal type (`TERM`) can carry the console, asked before anything is drawn.
public enum TerminalCheck {
    /// One sentence saying why the console cannot draw on this terminal type, or nil when it can.
    public static func problem(term: String?) -> String? {
        let name = term.map { $0.isEmpty ? "(empty)" : $0 } ?? "(unset)"
        switch cncurses_terminal_kind() {
        case 1:
            return nil
        case 0:
            return "TERM=\(name) is a terminal that cannot move the cursor, which the console needs: run it in a terminal "
                + "such as xterm-256color, or set TERM to the terminal you use (for scripts, see `cognito-tui call --help`)."
        default:
            return "TERM=\(name) is not a terminal type this system knows (it has no terminfo entry): set TERM to the terminal "
                + "you use, such as xterm-256color."
        }
    }
}
