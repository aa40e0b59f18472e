/// One action of a key table: its keys, its title (help and footer hints are generated from
/// these, never typed twice), why it is unavailable right now, and what it does.
///
/// Later actions (editing, the user lifecycle) are added as new entries of new or existing
/// tables; `whyDisabled` is where the read-only mode says no.
public struct KeyAction: Sendable {
    public var keys: [Key]
    public var title: String
    /// Shown among the footer's hints when available.
    public var hint: Bool
    /// Nil when the action can run; else one short reason, shown in help and when pressed.
    public var whyDisabled: @Sendable (ConsoleState) -> String?
    /// Does it; gets the key that was pressed, for actions bound to several (tab by number).
    public var run: @Sendable (inout ConsoleState, Key) -> [ConsoleEffect]

    public init(_ keys: [Key], _ title: String, hint: Bool = false,
                whyDisabled: @escaping @Sendable (ConsoleState) -> String? = { _ in nil },
                run: @escaping @Sendable (inout ConsoleState) -> [ConsoleEffect]) {
        self.init(keys, title, hint: hint, whyDisabled: whyDisabled, runWithKey: { state, _ in run(&state) })
    }

    public init(_ keys: [Key], _ title: String, hint: Bool = false,
                whyDisabled: @escaping @Sendable (ConsoleState) -> String? = { _ in nil },
                runWithKey: @escaping @Sendable (inout ConsoleState, Key) -> [ConsoleEffect]) {
        self.keys = keys
        self.title = title
        self.hint = hint
        self.whyDisabled = whyDisabled
        self.run = runWithKey
    }

    /// How help spells the keys: `j/↓`.
    public var label: String { keys.map(\.label).joined(separator: "/") }
}

/// A named group of actions; help lists them under the name.
public struct KeyTable: Sendable {
    public var title: String
    public var actions: [KeyAction]
    public init(_ title: String, _ actions: [KeyAction]) {
        self.title = title
        self.actions = actions
    }
}

/// Looking keys up in the tables that apply now, and generating help and hints from them.
public enum KeyDispatch {
    /// The tables for the current pane and tab, most specific first.
    public static func tables(for state: ConsoleState) -> [KeyTable] {
        var tables: [KeyTable] = []
        switch state.currentContent {
        case .list(let list):
            switch list.source {
            case .users: tables.append(KeyTables.users)
            case .identities: tables.append(KeyTables.identities)
            default: break
            }
            tables.append(KeyTables.list)
        case .detail, .text:
            tables.append(KeyTables.scrolling)
        case .vacant:
            break
        }
        if state.current.tabs.count > 1 { tables.append(KeyTables.tabs) }
        tables.append(KeyTables.global)
        return tables
    }

    /// Runs the first available action bound to `key`; if every action bound to it is
    /// unavailable, says why the first one is.
    public static func handle(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        var refusal: String?
        for table in tables(for: state) {
            for action in table.actions where action.keys.contains(key) {
                if let why = action.whyDisabled(state) {
                    if refusal == nil { refusal = "\(action.title): \(why)" }
                    continue
                }
                return action.run(&state, key)
            }
        }
        if let refusal { state.message = StatusMessage(.warning, refusal.hasSuffix(".") ? refusal : refusal + ".") }
        return []
    }

    /// `?`: every action of the current tables, an unavailable one with its reason.
    public static func help(for state: ConsoleState) -> [KeyHint] {
        var entries: [KeyHint] = []
        for table in tables(for: state) {
            entries.append(KeyHint("", table.title))
            for action in table.actions {
                let why = action.whyDisabled(state)
                entries.append(KeyHint(action.label, why.map { "\(action.title) (\($0))" } ?? action.title))
            }
        }
        return entries
    }

    /// The footer's hints: the available actions marked as hints, first key only.
    public static func hints(for state: ConsoleState) -> [KeyHint] {
        var hints: [KeyHint] = []
        var seen: Set<String> = []
        for table in tables(for: state) {
            for action in table.actions where action.hint && action.whyDisabled(state) == nil {
                let key = action.keys[0].label
                if seen.insert(key).inserted { hints.append(KeyHint(key, action.title)) }
            }
        }
        return hints
    }
}
