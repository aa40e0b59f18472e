import ConsoleModel

/// Lays out a `Screen` into a `Grid` of any size: pure, no terminal involved, so tests and the
/// ncurses backend draw exactly the same frame.
///
/// From the top: the header line, the breadcrumbs, the tabs (when the pane has any), the body
/// (`bodyHeight` lines: a heading — column titles, a title — then `bodyHeight - 1` lines of
/// content), the footer and the message line.
/// Overlays are boxes drawn over the result.
public struct ScreenRenderer: Sendable {
    /// Below this many columns or rows only "Terminal too small" is drawn.
    public static let minimumColumns = 30
    public static let minimumRows = 8
    /// Spinner frames, one per tick while calls are in flight.
    public static let spinnerFrames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    public init() {}

    /// Renders one frame.
    /// - Parameters:
    ///   - screen: What the view-model wants shown.
    ///   - columns: Terminal width.
    ///   - rows: Terminal height.
    ///   - spinnerFrame: Which spinner frame to show while calls are in flight (any integer).
    public func render(_ screen: Screen, columns: Int, rows: Int, spinnerFrame: Int = 0) -> Frame {
        var grid = Grid(columns: columns, rows: rows)
        var layout = Self.layout(for: screen, columns: columns, rows: rows)
        if layout.tooSmall {
            drawTooSmall(into: &grid)
            return Frame(grid: grid, layout: layout)
        }
        let spinner = Self.spinnerFrames[((spinnerFrame % 10) + 10) % 10]
        ChromeRenderer.header(screen.header, spinner: spinner, into: &grid)
        layout.breadcrumbs = ChromeRenderer.breadcrumbs(screen.breadcrumbs, y: 1, into: &grid)
        if !screen.tabs.isEmpty {
            layout.tabs = ChromeRenderer.tabs(screen.tabs, active: screen.activeTab, y: 2, into: &grid)
        }
        let region = BodyRegion(top: layout.bodyTop, height: layout.bodyHeight, width: columns)
        switch screen.body {
        case .table(let table):
            layout.tableRows = TableRenderer.draw(table, in: region, into: &grid)
        case .detail(let detail):
            DetailRenderer.draw(detail, heading: screen.breadcrumbs.last ?? "", in: region, into: &grid)
        case .text(let text):
            TextBodyRenderer.draw(text, in: region, into: &grid)
        case .notice(let notice):
            TextBodyRenderer.drawNotice(notice, spinner: spinner, in: region, into: &grid)
        }
        ChromeRenderer.footer(screen.footer, y: rows - 2, into: &grid)
        ChromeRenderer.message(screen.message, y: rows - 1, into: &grid)
        if let overlay = screen.overlay {
            let placed = OverlayRenderer.draw(overlay, into: &grid)
            layout.hasOverlay = true
            layout.pickerItems = placed.pickerItems
            layout.cursor = placed.cursor
        }
        return Frame(grid: grid, layout: layout)
    }

    /// The layout of a screen at a size, without drawing: the body's position and height.
    public static func layout(for screen: Screen, columns: Int, rows: Int) -> Layout {
        var layout = Layout(columns: columns, rows: rows)
        if columns < minimumColumns || rows < minimumRows {
            layout.tooSmall = true
            layout.bodyHeight = 2
            return layout
        }
        layout.bodyTop = screen.tabs.isEmpty ? 2 : 3
        // The region runs to the footer; its first line is the heading.
        layout.bodyHeight = max(2, rows - 2 - layout.bodyTop)
        return layout
    }

    private func drawTooSmall(into grid: inout Grid) {
        let lines = ["Terminal too small", "\(grid.columns)×\(grid.rows), need \(Self.minimumColumns)×\(Self.minimumRows)"]
        let top = max(0, (grid.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let fitted = TextFit.truncate(line, to: grid.columns)
            let x = max(0, (grid.columns - DisplayWidth.of(fitted)) / 2)
            grid.write(fitted, x: x, y: top + offset, role: offset == 0 ? .statusWarning : .normal)
        }
    }
}

/// The body's rectangle: `top` is its heading line; content follows for `height - 1` lines.
struct BodyRegion: Sendable {
    var top: Int
    var height: Int
    var width: Int
    var contentTop: Int { top + 1 }
    var contentHeight: Int { max(0, height - 1) }
}
