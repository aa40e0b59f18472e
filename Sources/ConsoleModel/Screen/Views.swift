/// A list of resources: columns, the rows that pass the filter, the selection and the scroll.
public struct TableView: Sendable, Equatable {
    public var columns: [Column]
    /// The rows to show, already filtered and sorted.
    public var rows: [TableRow]
    /// Index into `rows`; nil when there are none.
    public var selected: Int?
    /// The first row shown; the view-model keeps the selection inside the viewport.
    public var scrollOffset: Int

    public init(columns: [Column], rows: [TableRow], selected: Int? = nil, scrollOffset: Int = 0) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.scrollOffset = scrollOffset
    }
}

public struct Column: Sendable, Equatable {
    public enum Width: Sendable, Equatable {
        /// Exactly this many columns (display width).
        case fixed(Int)
        /// A share of what is left, never narrower than `minimum`.
        case flex(weight: Int, minimum: Int)
    }
    public enum Alignment: Sendable, Equatable { case leading, trailing }

    public var title: String
    public var width: Width
    public var alignment: Alignment

    public init(_ title: String, width: Width = .flex(weight: 1, minimum: 8), alignment: Alignment = .leading) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

public struct TableRow: Sendable, Equatable {
    /// One string per column.
    public var cells: [String]
    /// Disabled or otherwise inactive resources are drawn dimmed.
    public var dimmed: Bool
    /// Marked for a bulk action (space / v).
    public var marked: Bool

    public init(_ cells: [String], dimmed: Bool = false, marked: Bool = false) {
        self.cells = cells
        self.dimmed = dimmed
        self.marked = marked
    }
}

/// Key/value sections describing one resource (a pool's summary, a user's attributes).
public struct DetailView: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var title: String
        public var rows: [(key: String, value: String)]
        public init(_ title: String, _ rows: [(key: String, value: String)]) {
            self.title = title
            self.rows = rows
        }
        public static func == (a: Section, b: Section) -> Bool {
            a.title == b.title && a.rows.count == b.rows.count
                && zip(a.rows, b.rows).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }
    }

    public var sections: [Section]
    /// Lines scrolled past at the top.
    public var scrollOffset: Int

    public init(sections: [Section], scrollOffset: Int = 0) {
        self.sections = sections
        self.scrollOffset = scrollOffset
    }
}

/// Scrollable text, e.g. the pretty JSON of `d` (describe).
public struct TextView: Sendable, Equatable {
    public enum Syntax: Sendable, Equatable { case plain, json }
    public var title: String
    public var lines: [String]
    public var syntax: Syntax
    public var scrollOffset: Int

    public init(title: String, lines: [String], syntax: Syntax = .plain, scrollOffset: Int = 0) {
        self.title = title
        self.lines = lines
        self.syntax = syntax
        self.scrollOffset = scrollOffset
    }
}

/// The lines under the body.
public struct Footer: Sendable, Equatable {
    /// Paging state: "120 loaded, more available", "5,000 total", "loading all: 3,200…".
    public var paging: String?
    /// The active filter or server-side search, e.g. `/ann` or `email ^= "ann"`.
    public var filter: String?
    /// Key hints generated from the pane's key table: ("/", "filter"), ("?", "help").
    public var hints: [KeyHint]

    public init(paging: String? = nil, filter: String? = nil, hints: [KeyHint] = []) {
        self.paging = paging
        self.filter = filter
        self.hints = hints
    }
}

public struct KeyHint: Sendable, Equatable {
    public var key: String
    public var title: String
    public init(_ key: String, _ title: String) {
        self.key = key
        self.title = title
    }
}

public struct StatusMessage: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, warning, error }
    public var kind: Kind
    /// One sentence; request ids are part of it where there is one.
    public var text: String
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// What is drawn over the body.
public enum Overlay: Sendable, Equatable {
    /// `?`: the current pane's keys, generated from its key table.
    case help(title: String, entries: [KeyHint])
    /// `:` or `/`: a one-line prompt with completions.
    case prompt(Prompt)
    /// `p`, `R`, `:theme`: choose one item of a list.
    case picker(Picker)
    /// A small form (e.g. the server-side user search).
    case form(Form)
    /// A yes/no or type-the-name confirmation.
    case confirm(Confirm)
    /// Lines to read whole (a URL is cut where the width runs out, never shortened); any key
    /// closes it.
    case note(title: String, lines: [String])
}

public struct Prompt: Sendable, Equatable {
    /// `:` for commands, `/` for the filter.
    public var symbol: String
    public var input: String
    /// Cursor position in `input`, in characters.
    public var cursor: Int
    public var completions: [String]
    public var selectedCompletion: Int?
    public init(symbol: String, input: String, cursor: Int, completions: [String] = [], selectedCompletion: Int? = nil) {
        self.symbol = symbol
        self.input = input
        self.cursor = cursor
        self.completions = completions
        self.selectedCompletion = selectedCompletion
    }
}

public struct Picker: Sendable, Equatable {
    public var title: String
    public var items: [String]
    public var selected: Int
    /// What is typed to narrow the items; nil when the picker has no filter.
    public var filter: String?
    /// Which items are ticked, for a picker that chooses several; nil for one choice.
    public var checked: Set<Int>?
    /// Shown under the items (e.g. "searching…", "3 chosen").
    public var note: String?
    public init(title: String, items: [String], selected: Int, filter: String? = nil, checked: Set<Int>? = nil,
                note: String? = nil) {
        self.title = title
        self.items = items
        self.selected = selected
        self.filter = filter
        self.checked = checked
        self.note = note
    }
}

public struct Form: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var label: String
        public var value: String
        /// For choice fields: the allowed values; the value is one of them.
        public var choices: [String]
        /// Why the value is not valid, shown under the field.
        public var error: String?
        public init(label: String, value: String, choices: [String] = [], error: String? = nil) {
            self.label = label
            self.value = value
            self.choices = choices
            self.error = error
        }
    }
    public var title: String
    public var fields: [Field]
    public var focused: Int
    public var hint: String
    public init(title: String, fields: [Field], focused: Int, hint: String) {
        self.title = title
        self.fields = fields
        self.focused = focused
        self.hint = hint
    }
}

public struct Confirm: Sendable, Equatable {
    public var title: String
    public var text: String
    /// What will change, for an update: one line per field.
    public var lines: [ConfirmLine]
    /// When set, the operator must type this exactly.
    public var typeToConfirm: String?
    public var input: String
    public init(title: String, text: String, lines: [ConfirmLine] = [], typeToConfirm: String? = nil, input: String = "") {
        self.title = title
        self.text = text
        self.lines = lines
        self.typeToConfirm = typeToConfirm
        self.input = input
    }
}

/// One line of a confirmation's diff.
public struct ConfirmLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case changed, added, removed, kept }
    public var kind: Kind
    public var text: String
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
