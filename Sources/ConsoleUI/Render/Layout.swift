/// Where things landed in a rendered frame: the body's size (which the view-model needs for
/// paging) and the regions a mouse click can hit.
public struct Layout: Sendable, Equatable {
    /// A clickable stretch of one screen row that stands for item `index` (a tab, a crumb).
    public struct Span: Sendable, Equatable {
        public var y: Int
        public var columns: Range<Int>
        public var index: Int
        public init(y: Int, columns: Range<Int>, index: Int) {
            self.y = y
            self.columns = columns
            self.index = index
        }
    }

    /// What a click at a screen position means.
    public enum Target: Sendable, Equatable {
        case tableRow(Int)
        case tab(Int)
        case breadcrumb(Int)
        /// An item of the picker overlay.
        case pickerItem(Int)
        /// Elsewhere in the body (the wheel scrolls it).
        case body
        case nothing
    }

    public var columns: Int
    public var rows: Int
    /// True when the terminal is below the minimum size and only a notice is drawn.
    public var tooSmall: Bool
    /// First screen row of the body region (its heading line: column titles, text title).
    public var bodyTop: Int
    /// Lines of the body region, its heading line included: the `bodyHeight` of `.resize`.
    /// Tables show `bodyHeight - 1` rows under the column titles; text and detail views show
    /// `bodyHeight - 1` lines under their title.
    public var bodyHeight: Int
    /// Lines of content under the heading.
    public var contentHeight: Int { max(0, bodyHeight - 1) }
    /// Screen row → index into `TableView.rows`, for the rows drawn.
    public var tableRows: [Int: Int]
    public var tabs: [Span]
    public var breadcrumbs: [Span]
    /// Screen row → picker item index, when a picker is open.
    public var pickerItems: [Int: Int]
    /// Where the terminal cursor belongs (a prompt's insertion point); nil hides it.
    public var cursor: (x: Int, y: Int)?
    /// Whether an overlay covers the body (clicks go to the overlay, not the table).
    public var hasOverlay: Bool

    /// An empty layout for a grid of the given size.
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        tooSmall = false
        bodyTop = 0
        bodyHeight = 2
        tableRows = [:]
        tabs = []
        breadcrumbs = []
        pickerItems = [:]
        cursor = nil
        hasOverlay = false
    }

    /// What a click at column `x`, row `y` lands on.
    public func target(x: Int, y: Int) -> Target {
        if tooSmall { return .nothing }
        if hasOverlay {
            if let item = pickerItems[y] { return .pickerItem(item) }
            return .nothing
        }
        if let span = tabs.first(where: { $0.y == y && $0.columns.contains(x) }) { return .tab(span.index) }
        if let span = breadcrumbs.first(where: { $0.y == y && $0.columns.contains(x) }) {
            return .breadcrumb(span.index)
        }
        if let row = tableRows[y] { return .tableRow(row) }
        if y >= bodyTop, y < bodyTop + bodyHeight { return .body }
        return .nothing
    }

    public static func == (a: Layout, b: Layout) -> Bool {
        a.columns == b.columns && a.rows == b.rows && a.tooSmall == b.tooSmall && a.bodyTop == b.bodyTop
            && a.bodyHeight == b.bodyHeight && a.tableRows == b.tableRows && a.tabs == b.tabs
            && a.breadcrumbs == b.breadcrumbs && a.pickerItems == b.pickerItems
            && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y && a.hasOverlay == b.hasOverlay
    }
}

/// A rendered frame: the cells to draw and the layout they follow.
public struct Frame: Sendable, Equatable {
    public var grid: Grid
    public var layout: Layout
}
