import ConsoleModel

/// A frame in memory: rows of cells that widgets draw into and the terminal backend writes out.
///
/// All drawing clips to the grid, so widgets may ask for any coordinates; nothing is ever
/// written out of bounds. Widths are display widths (see `DisplayWidth`).
public struct Grid: Sendable, Equatable {
    /// Width in columns.
    public let columns: Int
    /// Height in rows.
    public let rows: Int
    /// Row-major cells, `columns * rows` of them.
    public private(set) var cells: [Cell]

    /// A blank grid; negative sizes count as zero.
    public init(columns: Int, rows: Int, fill: Cell = .blank()) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        cells = Array(repeating: fill, count: self.columns * self.rows)
    }

    /// The cell at column `x`, row `y`; a blank cell outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank() }
        return cells[y * columns + x]
    }

    /// Whether the coordinates fall inside the grid.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < columns && y < rows
    }

    /// Sets the role of a cell without changing its character.
    public mutating func setRole(_ role: StyleRole, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        cells[y * columns + x].role = role
    }

    /// Fills a rectangle with blanks in `role`.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, role: StyleRole) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(columns, x + width), y1 = min(rows, y + height)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            // Wide characters cut by the rectangle's edges lose their outside half too.
            clearWide(at: x0, y: row)
            clearWide(at: x1 - 1, y: row)
            for column in x0..<x1 { cells[row * columns + column] = .blank(role) }
        }
    }

    /// Writes `text` from column `x` on row `y`, at most `limit` columns wide (to the grid's
    /// edge when nil), truncating with `…` when it does not fit.
    /// - Returns: The number of columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: StyleRole, limit: Int? = nil) -> Int {
        let available = min(limit ?? Int.max, columns - x)
        guard y >= 0, y < rows, available > 0 else { return 0 }
        return place(TextFit.truncate(text, to: available), x: x, y: y, role: role)
    }

    /// Writes already-fitted text: every character is placed, wide characters take two cells,
    /// control characters show as `?`, and nothing crosses the grid's edge.
    @discardableResult
    mutating func place(_ text: String, x: Int, y: Int, role: StyleRole) -> Int {
        guard y >= 0, y < rows else { return 0 }
        var column = x
        for original in text {
            let character = TextFit.printable(original)
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            if column + width > columns { break }
            if column >= 0 {
                clearWide(at: column, y: y)
                cells[y * columns + column] = Cell(character, role: role)
                if width == 2 {
                    clearWide(at: column + 1, y: y)
                    cells[y * columns + column + 1] = Cell(" ", role: role, isContinuation: true)
                }
            }
            column += width
        }
        return column - x
    }

    /// Before overwriting a cell, blanks the other half of a wide character it belongs to, so
    /// no half of a wide character is left behind.
    private mutating func clearWide(at x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let index = y * columns + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].role)
        } else if x + 1 < columns, cells[index + 1].isContinuation {
            cells[index + 1] = .blank(cells[index + 1].role)
        }
    }

    /// The text of row `y`, continuation cells left out (so wide characters read naturally).
    public func text(ofRow y: Int) -> String {
        guard y >= 0, y < rows else { return "" }
        var line = ""
        for x in 0..<columns where !self[x, y].isContinuation { line.append(self[x, y].character) }
        return line
    }

    /// All rows as text, one line each.
    public var textLines: [String] {
        (0..<rows).map(text(ofRow:))
    }
}
