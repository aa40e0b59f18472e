import CognitoAdmin

/// A list tab: what it lists, the rows loaded so far, the pager, the local filter, the marks,
/// and where the cursor and the scroll are. Restored as it was when the operator comes back.
public struct ListState: Sendable {
    public let source: ListSource
    public private(set) var store = RowStore()
    public var pager = Pager()
    /// The local filter typed after `/`; empty for none.
    public private(set) var filter = ""
    /// Indices into `store` of the rows shown, in the order shown: those that pass the filter,
    /// sorted when a sort is set; nil when there is neither.
    private var filtered: [Int]?
    /// The rows of `filtered`, kept so that a frame never rebuilds them.
    private var filteredRows: [TableRow] = []
    /// The column the rows are sorted by, and which way; nil keeps the order they came in.
    public private(set) var sort: ListSort?
    /// Each stored row's key for the sort column.
    private var sortKeys: [SortKey] = []
    private var filterBytes: [UInt8] = []
    /// Index into the shown rows.
    public var cursor = 0
    /// The first shown row in the viewport.
    public var scroll = 0
    /// Ids of the rows marked with space / v; marks survive a refresh.
    public private(set) var marked: Set<String> = []
    /// The store index of the row last marked or unmarked by hand: where `V` marks from.
    private var markAnchor: Int?
    /// Set by marking every match (`ctrl-a`): rows that load later and pass the filter are
    /// marked as they arrive, so a search still scanning marks what it finds.
    public private(set) var markingArrivals = false
    /// The scan filling the list (a search, or "load all" at the quota); nil when it pages.
    public var scan: ScanState?
    /// Whether rows are still arriving without being asked for: "load all" paging, or a scan running.
    public var isFilling: Bool { pager.loadingAll || scan?.running == true }
    /// Whether more rows may still come: pages not yet asked for, or rows still arriving.
    public var mayGrow: Bool { pager.hasMore || isFilling }
    /// Why the first page failed, one sentence; shown in place of the table.
    public var failure: String? { store.count == 0 ? (pager.failure ?? scan?.failure) : nil }

    public init(source: ListSource) {
        self.source = source
    }

    /// The rows the table shows: all loaded rows, or those passing the filter.
    public var shownRows: [TableRow] { filtered == nil ? store.rows : filteredRows }
    public var shownCount: Int { filtered?.count ?? store.count }

    /// The store index of a shown row.
    public func storeIndex(ofShown index: Int) -> Int? {
        guard index >= 0, index < shownCount else { return nil }
        return filtered.map { $0[index] } ?? index
    }

    /// The row under the cursor, as an item of the store.
    public var selectedIndex: Int? { storeIndex(ofShown: cursor) }
    public var selectedID: String? { selectedIndex.map { store.ids[$0] } }
    public var selectedName: String? { selectedIndex.map { store.names[$0] } }

    /// Appends a page, filtering only the new rows.
    public mutating func append(_ items: [ListItem]) {
        let first = store.count
        store.append(items)
        if !marked.isEmpty {
            for index in first..<store.count where marked.contains(store.ids[index]) {
                store.setMarked(true, at: index)
            }
        }
        var added = !filter.isEmpty ? store.matching(filterBytes, among: first..<store.count) : Array(first..<store.count)
        if markingArrivals {
            for index in added {
                marked.insert(store.ids[index])
                store.setMarked(true, at: index)
            }
        }
        let rows = store.rows
        if let sort {
            // The new rows, sorted, merged into the sorted view: one pass, whatever was loaded.
            for index in first..<store.count { sortKeys.append(SortKey(rows[index].cells[safe: sort.column])) }
            added.sort(by: precedes)
            var merged: [Int] = []
            merged.reserveCapacity((filtered?.count ?? 0) + added.count)
            var old = (filtered ?? [])[...], new = added[...]
            while let a = old.first, let b = new.first {
                if precedes(b, a) { merged.append(b); new = new.dropFirst() } else { merged.append(a); old = old.dropFirst() }
            }
            merged.append(contentsOf: old)
            merged.append(contentsOf: new)
            let selected = selectedIndex
            filtered = merged
            filteredRows = merged.map { rows[$0] }
            if let selected, let position = position(ofStoreIndex: selected) { cursor = position }
        } else if filtered != nil {
            filtered!.append(contentsOf: added)
            filteredRows.append(contentsOf: added.map { rows[$0] })
        }
    }

    /// Replaces the row with this id, keeping the filter and the cursor.
    public mutating func replace(id: String, with item: ListItem) {
        guard let index = store.ids.firstIndex(of: id) else { return }
        store.replace(at: index, with: item)
        refilter()
    }

    /// Removes the row with this id and its mark.
    public mutating func remove(id: String) {
        guard let index = store.ids.firstIndex(of: id) else { return }
        store.remove(at: index)
        marked.remove(id)
        refilter()
    }

    private mutating func refilter() {
        guard !filter.isEmpty || sort != nil else { return }
        if let sort { sortKeys = store.rows.map { SortKey($0.cells[safe: sort.column]) } }
        let text = filter
        filter = "\u{0}"
        setFilter(text)
    }

    /// Sorts the shown rows by `column` (again on the same column: the other way), keeping the
    /// cursor on the same row; nil goes back to the order the rows came in.
    public mutating func setSort(_ sort: ListSort?) {
        self.sort = sort
        if let sort {
            sortKeys = store.rows.map { SortKey($0.cells[safe: sort.column]) }
        } else {
            sortKeys = []
        }
        refilterKeepingCursor()
    }

    private mutating func refilterKeepingCursor() {
        let text = filter
        filter = "\u{0}"
        setFilter(text)
    }

    /// Whether the store row `a` comes before `b` in the sort: by key, then as they came.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        guard let sort else { return a < b }
        let x = sortKeys[a], y = sortKeys[b]
        if x == y { return a < b }
        return sort.descending ? y < x : x < y
    }

    /// Drops the loaded rows (a refresh); the filter, the marks and the cursor stay.
    public mutating func clearRows() {
        store = RowStore()
        sortKeys = []
        if filtered != nil {
            filtered = []
            filteredRows = []
        }
    }

    /// Filters the loaded rows: a case-insensitive substring over the visible columns. A filter
    /// that extends the previous one only re-checks the rows that passed it.
    public mutating func setFilter(_ text: String) {
        guard text != filter else { return }
        let selected = selectedIndex
        var result: [Int]?
        var narrowing = false
        if text.isEmpty {
            filterBytes = []
            result = sort == nil ? nil : Array(0..<store.count)
        } else {
            let bytes = RowStore.normalize(text)
            narrowing = filtered != nil && !filter.isEmpty && text.lowercased().contains(filter.lowercased())
            result = narrowing ? store.matching(bytes, among: filtered!) : store.matching(bytes, among: 0..<store.count)
            filterBytes = bytes
        }
        filter = text
        // Narrowing keeps the view's order, sorted already; anything else is sorted afresh.
        if sort != nil, !narrowing { result?.sort(by: precedes) }
        filtered = result
        let rows = store.rows
        filteredRows = result.map { $0.map { rows[$0] } } ?? []
        // Keep the cursor on the same resource when it still shows, else go to the top.
        if let selected, let position = position(ofStoreIndex: selected) {
            cursor = position
        } else {
            cursor = 0
            scroll = 0
        }
    }

    /// Marks or unmarks the row under the cursor.
    public mutating func toggleMark() {
        guard let index = selectedIndex else { return }
        let mark = !marked.contains(store.ids[index])
        setMark(mark, shown: cursor)
        markAnchor = index
        if !mark { markingArrivals = false }
    }

    /// `V`: marks every shown row from the last one marked by hand to the cursor; with no such
    /// row, just the one under the cursor.
    public mutating func markRange() {
        guard selectedIndex != nil else { return }
        let from = markAnchor.flatMap { position(ofStoreIndex: $0) } ?? cursor
        for shown in min(from, cursor)...max(from, cursor) { setMark(true, shown: shown) }
        markAnchor = selectedIndex
    }

    /// `ctrl-a`: marks every row the filter shows, and keeps marking matching rows as more load
    /// (`following`); when every shown row is marked already, unmarks them and stops following.
    /// Returns how many rows are marked now.
    @discardableResult
    public mutating func markAllShown(following: Bool) -> Int {
        let allMarked = shownCount > 0 && (0..<shownCount).allSatisfy { marked.contains(store.ids[storeIndex(ofShown: $0)!]) }
        if allMarked && !(following && !markingArrivals) {
            for shown in 0..<shownCount { setMark(false, shown: shown) }
            markingArrivals = false
        } else {
            for shown in 0..<shownCount { setMark(true, shown: shown) }
            markingArrivals = following
        }
        return marked.count
    }

    private mutating func setMark(_ mark: Bool, shown: Int) {
        guard let index = storeIndex(ofShown: shown) else { return }
        let id = store.ids[index]
        if mark { marked.insert(id) } else { marked.remove(id) }
        store.setMarked(mark, at: index)
        if filtered != nil { filteredRows[shown].marked = mark }
    }

    /// Moves the cursor to `index` (clamped) and scrolls so it stays inside a viewport of
    /// `height` rows.
    public mutating func moveCursor(to index: Int, height: Int) {
        cursor = max(0, min(index, shownCount - 1))
        clampScroll(height: height)
    }

    /// Keeps the cursor inside the shown rows and the viewport.
    public mutating func clampScroll(height: Int) {
        let height = max(1, height)
        cursor = max(0, min(cursor, shownCount - 1))
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + height { scroll = cursor - height + 1 }
        scroll = max(0, min(scroll, shownCount - height))
    }

    private func position(ofStoreIndex index: Int) -> Int? {
        guard let filtered else { return index }
        if sort != nil { return filtered.firstIndex(of: index) }
        // `filtered` is ascending, so a binary search finds it.
        var low = 0, high = filtered.count
        while low < high {
            let mid = (low + high) / 2
            if filtered[mid] < index { low = mid + 1 } else { high = mid }
        }
        return low < filtered.count && filtered[low] == index ? low : nil
    }
}

/// A scan filling a list: its ticket, how far it has gone, and how it ended.
public struct ScanState: Sendable, Equatable {
    public let ticket: Int
    public var progress = ScanProgress()
    public var running = true
    /// Why it stopped early, one sentence.
    public var failure: String?
    /// Whether it was stopped by the operator.
    public var stopped = false
    /// The paging of the rows shown when "load all" began: they stay on screen until the scan's
    /// first rows arrive, and come back as they were if it ends before any do.
    public var replacing: Pager?

    public init(ticket: Int) { self.ticket = ticket }

    /// The footer's words: "scanned 12,000 of about 48,000, 37 matches", then "37 matches of
    /// 48,012 scanned"; without a search, the rows are every user: "loading all: 3,200 of about
    /// 5,000", then "5,000 total".
    public func footer(searching: Bool) -> String {
        let scanned = NumberText.grouped(progress.scanned)
        let of = progress.estimated.map { " of about \(NumberText.grouped($0))" } ?? ""
        let matches = NumberText.grouped(progress.matches) + (progress.matches == 1 ? " match" : " matches")
        let ending = failure != nil ? ", stopped by an error" : stopped ? ", stopped" : ""
        if running {
            return searching ? "scanned \(scanned)\(of), \(matches)…" : "loading all: \(scanned)\(of)…"
        }
        return (searching ? "\(matches) of \(scanned) scanned" : "\(scanned) total") + ending
    }
}

/// How a list is sorted: the column's index and the direction.
public struct ListSort: Sendable, Equatable {
    public var column: Int
    public var descending: Bool
    public init(column: Int, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}

/// A cell as the sort compares it: numbers by value ("1,204" after "12"), text without regard to
/// case, and an empty cell or "–" before everything.
enum SortKey: Comparable, Sendable {
    case none
    case number(Double)
    case text(String)

    init(_ cell: String?) {
        guard let cell, !cell.isEmpty, cell != ValueText.none else { self = .none; return }
        let digits = cell.replacingOccurrences(of: ",", with: "")
        if let value = Double(digits) { self = .number(value); return }
        self = .text(cell.lowercased())
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
