import Foundation

/// The OSC 52 escape sequence that puts text on the terminal's clipboard (xterm, kitty,
/// iTerm2, WezTerm, tmux with `set-clipboard on`).
public enum Clipboard {
    /// `ESC ] 52 ; c ; <base64> BEL`.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
