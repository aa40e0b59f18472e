import ConsoleModel

/// A bordered box: the frame overlays are drawn in. Coordinates are the outer corner; the
/// inside starts one row down and two columns in (a border and a space of padding).
struct Box {
    var x: Int
    var y: Int
    var innerWidth: Int
    var innerHeight: Int

    var innerX: Int { x + 2 }
    var innerY: Int { y + 1 }
    var outerWidth: Int { innerWidth + 4 }
    var outerHeight: Int { innerHeight + 2 }

    /// A box for content of the given size, centered, shrunk to fit the grid.
    static func centered(innerWidth: Int, innerHeight: Int, in grid: Grid) -> Box {
        let width = max(1, min(innerWidth, grid.columns - 4))
        let height = max(1, min(innerHeight, grid.rows - 2))
        return Box(x: max(0, (grid.columns - width - 4) / 2), y: max(0, (grid.rows - height - 2) / 2),
                   innerWidth: width, innerHeight: height)
    }

    /// Draws the border with a title on the top edge and an optional note on the bottom edge,
    /// and clears the inside.
    func draw(title: String, footer: String?, into grid: inout Grid) {
        grid.fill(x: x, y: y, width: outerWidth, height: outerHeight, role: .overlay)
        let right = x + outerWidth - 1, bottom = y + outerHeight - 1
        let line = String(repeating: "─", count: max(0, outerWidth - 2))
        grid.place("┌" + line + "┐", x: x, y: y, role: .overlayBorder)
        grid.place("└" + line + "┘", x: x, y: bottom, role: .overlayBorder)
        for row in (y + 1)..<max(y + 1, bottom) {
            grid.place("│", x: x, y: row, role: .overlayBorder)
            grid.place("│", x: right, y: row, role: .overlayBorder)
        }
        if !title.isEmpty, outerWidth > 6 {
            grid.write(" \(title) ", x: x + 2, y: y, role: .overlayBorder, limit: outerWidth - 4)
        }
        if let footer, outerWidth > DisplayWidth.of(footer) + 6 {
            grid.write(" \(footer) ", x: right - DisplayWidth.of(footer) - 3, y: bottom, role: .overlayBorder)
        }
    }
}

/// A one-line text field that scrolls horizontally to keep the cursor in view.
enum InputField {
    /// Draws `text` in the input role, `width` columns wide; returns the cursor's screen position.
    static func draw(_ text: String, cursor: Int, x: Int, y: Int, width: Int, into grid: inout Grid) -> (x: Int, y: Int)? {
        guard width > 0 else { return nil }
        grid.fill(x: x, y: y, width: width, height: 1, role: .input)
        let characters = Array(text)
        let cursorIndex = min(max(0, cursor), characters.count)
        var start = 0
        // Drop characters from the left until the text before the cursor leaves room for it.
        while DisplayWidth.of(String(characters[start..<cursorIndex])) > width - 1 { start += 1 }
        let visible = TextFit.truncate(String(characters[start...]), to: width)
        grid.place(visible, x: x, y: y, role: .input)
        let cursorX = x + DisplayWidth.of(String(characters[start..<cursorIndex]))
        return (x: min(cursorX, x + width - 1), y: y)
    }
}
