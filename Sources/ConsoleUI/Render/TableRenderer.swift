import ConsoleModel

/// Draws a table: a heading row of column titles, then the rows from the scroll offset, the
/// selected one highlighted across the whole line, marked rows flagged in the gutter, inactive
/// rows dimmed. Only the visible rows are touched, so 100,000 rows cost the same as ten.
enum TableRenderer {
    /// Columns before the first cell: the mark flag and a space.
    static let gutter = 2
    static let markGlyph = "✓"

    /// Draws `table` into `region`; returns screen row → row index for the rows drawn.
    static func draw(_ table: TableView, in region: BodyRegion, into grid: inout Grid) -> [Int: Int] {
        let gap = region.width >= 80 ? 2 : 1
        let widths = columnWidths(table.columns, available: region.width - gutter, gap: gap)
        grid.fill(x: 0, y: region.top, width: region.width, height: 1, role: .tableHeader)
        drawCells(table.columns.map(\.title), columns: table.columns, widths: widths, gap: gap,
                  y: region.top, role: .tableHeader, into: &grid)

        var hits: [Int: Int] = [:]
        let count = table.rows.count
        let offset = min(max(0, table.scrollOffset), max(0, count - 1))
        for line in 0..<region.contentHeight {
            let y = region.contentTop + line
            let index = offset + line
            guard index < count else {
                grid.fill(x: 0, y: y, width: region.width, height: 1, role: .normal)
                continue
            }
            let row = table.rows[index]
            let role: StyleRole = index == table.selected ? .rowSelected
                : row.marked ? .rowMarked : row.dimmed ? .rowDim : .row
            grid.fill(x: 0, y: y, width: region.width, height: 1, role: role)
            if row.marked { grid.write(markGlyph, x: 0, y: y, role: role) }
            drawCells(row.cells, columns: table.columns, widths: widths, gap: gap, y: y, role: role, into: &grid)
            hits[y] = index
        }
        return hits
    }

    private static func drawCells(_ cells: [String], columns: [Column], widths: [Int], gap: Int, y: Int,
                                  role: StyleRole, into grid: inout Grid) {
        var x = gutter
        for (index, width) in widths.enumerated() where width > 0 {
            let text = index < cells.count ? cells[index] : ""
            let trailing = columns[index].alignment == .trailing
            grid.place(TextFit.pad(text, to: width, trailing: trailing), x: x, y: y, role: role)
            x += width + gap
        }
    }

    /// The display width of each column for `available` columns of space: fixed columns get
    /// their width, flexible ones share the rest by weight (never under their minimum); columns
    /// that do not fit at all get 0 and are hidden, from the right.
    static func columnWidths(_ columns: [Column], available: Int, gap: Int) -> [Int] {
        guard !columns.isEmpty, available > 0 else { return columns.map { _ in 0 } }
        func floor(_ column: Column) -> Int {
            switch column.width {
            case .fixed(let width): return max(0, width)
            case .flex(_, let minimum): return max(1, minimum)
            }
        }
        // How many columns fit at their fixed width or minimum.
        var shown = columns.count
        while shown > 1 {
            let needed = columns[..<shown].map(floor).reduce(0, +) + gap * (shown - 1)
            if needed <= available { break }
            shown -= 1
        }
        var widths = columns.enumerated().map { $0.offset < shown ? floor($0.element) : 0 }
        if shown == 1 {
            widths[0] = min(widths[0], available)
            if case .flex = columns[0].width { widths[0] = available }
            return widths
        }
        var spare = available - widths.reduce(0, +) - gap * (shown - 1)
        let flexible = (0..<shown).filter {
            if case .flex = columns[$0].width { return true } else { return false }
        }
        let totalWeight = flexible.map { index -> Int in
            if case .flex(let weight, _) = columns[index].width { return max(1, weight) }
            return 0
        }.reduce(0, +)
        guard spare > 0, totalWeight > 0 else { return widths }
        let pool = spare
        for index in flexible {
            if case .flex(let weight, _) = columns[index].width {
                let share = pool * max(1, weight) / totalWeight
                widths[index] += share
                spare -= share
            }
        }
        if let last = flexible.last { widths[last] += spare }
        return widths
    }
}
