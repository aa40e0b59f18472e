/// Fitting text into columns by display width: truncation with an ellipsis, padding, alignment
/// and word wrapping. Pure functions, used by every widget.
public enum TextFit {
    /// The ellipsis that marks truncated text.
    public static let ellipsis: Character = "…"

    /// Text cut to at most `width` columns, ending in `…` when anything was cut. An ARN is cut
    /// in the middle instead, since its end names the resource (`arn:aws:i…role/admins`).
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        if text.hasPrefix("arn:") && width >= 12 { return truncateMiddle(text, to: width) }
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(printable(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        result.append(ellipsis)
        return result
    }

    /// Text cut to `width` columns by replacing its middle with `…`: a third of the room for the
    /// start, the rest for the end.
    public static func truncateMiddle(_ text: String, to width: Int) -> String {
        guard width > 1 else { return width == 1 ? String(ellipsis) : "" }
        if DisplayWidth.of(text) <= width { return text }
        let headRoom = width / 3
        var head = "", used = 0
        for character in text {
            let w = DisplayWidth.of(printable(character))
            if used + w > headRoom { break }
            head.append(character)
            used += w
        }
        let tailRoom = width - used - 1
        var tail: [Character] = [], tailUsed = 0
        for character in text.reversed() {
            let w = DisplayWidth.of(printable(character))
            if tailUsed + w > tailRoom { break }
            tail.append(character)
            tailUsed += w
        }
        return head + String(ellipsis) + String(tail.reversed())
    }

    /// Text truncated or padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, trailing: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let gap = max(0, width - DisplayWidth.of(cut))
        let spaces = String(repeating: " ", count: gap)
        return trailing ? spaces + cut : cut + spaces
    }

    /// A control character replaced by `?` (terminals would act on it), others unchanged; also
    /// strips stray line breaks and tabs to a space.
    public static func printable(_ character: Character) -> Character {
        guard let first = character.unicodeScalars.first else { return "?" }
        if first == "\t" || first == "\n" || first == "\r" { return " " }
        if first.value < 0x20 || (first.value >= 0x7F && first.value < 0xA0) { return "?" }
        return character
    }

    /// Words wrapped into lines of at most `width` columns; words longer than a line are cut.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var piece = String(word)
            var pieceWidth = DisplayWidth.of(piece)
            if pieceWidth > width {
                piece = truncate(piece, to: width)
                pieceWidth = DisplayWidth.of(piece)
            }
            if used == 0 {
                line = piece
                used = pieceWidth
            } else if used + 1 + pieceWidth <= width {
                line += " " + piece
                used += 1 + pieceWidth
            } else {
                lines.append(line)
                line = piece
                used = pieceWidth
            }
        }
        if used > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Cuts text into lines of at most `width` display columns, wherever the width runs out
    /// (values such as ARNs and JSON have no spaces to break at); lines after the first are
    /// indented by `indent`.
    public static func chunks(_ text: String, width: Int, indent: Int = 0) -> [String] {
        guard width > indent else { return [truncate(text, to: max(1, width))] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for character in text {
            let cell = DisplayWidth.of(String(character))
            if used + cell > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                used = indent
            }
            line.append(character)
            used += cell
        }
        lines.append(line)
        return lines
    }
}
