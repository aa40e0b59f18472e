/// One loaded resource as a list shows it: its id (what `y` copies and Enter opens), a display
/// name, the formatted cells, and whether it is drawn dimmed.
public struct ListItem: Sendable, Equatable {
    public var id: String
    public var name: String
    public var cells: [String]
    public var dimmed: Bool

    public init(id: String, name: String? = nil, cells: [String], dimmed: Bool = false) {
        self.id = id
        self.name = name ?? id
        self.cells = cells
        self.dimmed = dimmed
    }
}

/// One page of a listing, already formatted.
public struct ListPage: Sendable, Equatable {
    public var items: [ListItem]
    public var nextToken: String?
    public init(items: [ListItem], nextToken: String?) {
        self.items = items
        self.nextToken = nextToken
    }
}

/// The loaded rows of a list, formatted once when they arrive: the `TableRow`s the screen shows
/// (the same array every frame, so building a frame copies nothing), the ids and names, and a
/// lower-cased byte index of the visible text that the filter scans.
public struct RowStore: Sendable {
    public private(set) var rows: [TableRow] = []
    public private(set) var ids: [String] = []
    public private(set) var names: [String] = []
    /// Lower-cased cells of every row, joined, back to back.
    private var text: [UInt8] = []
    /// Where each row's text starts in `text`; one more entry than rows.
    private var starts: [Int] = [0]

    public init() {}

    public var count: Int { rows.count }

    /// Appends rows in order.
    public mutating func append(_ items: [ListItem]) {
        rows.reserveCapacity(rows.count + items.count)
        for item in items {
            rows.append(TableRow(item.cells, dimmed: item.dimmed))
            ids.append(item.id)
            names.append(item.name)
            for cell in item.cells {
                text.append(contentsOf: cell.lowercased().utf8)
                // A separator no query contains, so a match never spans two cells.
                text.append(0)
            }
            starts.append(text.count)
        }
    }

    /// Replaces the row at `index` (a change read back); the text index is rebuilt.
    public mutating func replace(at index: Int, with item: ListItem) {
        var items = self.items
        let marked = rows[index].marked
        items[index] = item
        self = RowStore()
        append(items)
        rows[index].marked = marked
    }

    /// Removes the row at `index` (a deletion); the text index is rebuilt.
    public mutating func remove(at index: Int) {
        var items = self.items
        let marks = rows.map(\.marked)
        items.remove(at: index)
        self = RowStore()
        append(items)
        var kept = marks
        kept.remove(at: index)
        for (i, mark) in kept.enumerated() where mark { rows[i].marked = true }
    }

    private var items: [ListItem] {
        rows.indices.map { ListItem(id: ids[$0], name: names[$0], cells: rows[$0].cells, dimmed: rows[$0].dimmed) }
    }

    /// Sets the mark drawn on one row.
    public mutating func setMarked(_ marked: Bool, at index: Int) {
        rows[index].marked = marked
    }

    /// The indices in `candidates` (ascending) whose text contains `query`, compared
    /// case-insensitively. `query` must already be lower-cased (see `RowStore.normalize`).
    public func matching(_ query: [UInt8], among candidates: some Sequence<Int>) -> [Int] {
        var result: [Int] = []
        guard let first = query.first else { return Array(candidates) }
        let length = query.count
        text.withUnsafeBufferPointer { hay in
            query.withUnsafeBufferPointer { needle in
                for row in candidates {
                    let end = starts[row + 1] - length
                    var i = starts[row]
                    scan: while i <= end {
                        if hay[i] == first {
                            var k = 1
                            while k < length && hay[i + k] == needle[k] { k += 1 }
                            if k == length {
                                result.append(row)
                                break scan
                            }
                        }
                        i += 1
                    }
                }
            }
        }
        return result
    }

    /// A filter as the index compares it: lower-cased UTF-8.
    public static func normalize(_ query: String) -> [UInt8] {
        Array(query.lowercased().utf8)
    }
}
