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
    /// How help spells the keys, when not each of them (`shift-letter`).
    public var keyLabel: String?
    /// Gives way when an action earlier in the tables was bound to the key but refused it (the
    /// sort on a capital must not run in place of a refused `D`).
    public var fallback = false
    /// Nil when the action can run; else one short reason, shown in help and when pressed.
    public var whyDisabled: @Sendable (ConsoleState) -> String?
    /// Does it; gets the key that was pressed, for actions bound to several (tab by number).
    public var run: @Sendable (inout ConsoleState, Key) -> [ConsoleEffect]

    public init(_ keys: [Key], _ title: String, hint: Bool = false,
                whyDisabled: @escaping @Sendable (ConsoleState) -> String? = { _ in nil },
                run: @escaping @Sendable (inout ConsoleState) -> [ConsoleEffect]) {
        self.init(keys, title, hint: hint, whyDisabled: whyDisabled, runWithKey: { state, _ in run(&state) })
    }

    public init(_ keys: [Key], _ title: String, hint: Bool = false, label: String? = nil,
                whyDisabled: @escaping @Sendable (ConsoleState) -> String? = { _ in nil },
                runWithKey: @escaping @Sendable (inout ConsoleState, Key) -> [ConsoleEffect]) {
        self.keyLabel = label
        self.keys = keys
        self.title = title
        self.hint = hint
        self.whyDisabled = whyDisabled
        self.run = runWithKey
    }

    /// How help spells the keys: `j/↓`.
    public var label: String { keyLabel ?? keys.map(\.label).joined(separator: "/") }
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
    /// The tables for the current pane and tab, most specific first: the selected row's actions,
    /// the list's own keys, the pane's resource's actions, then tabs and the general keys.
    public static func tables(for state: ConsoleState) -> [KeyTable] {
        var tables: [KeyTable] = []
        let actions = self.actions(for: state)
        let rowKind = state.currentList?.source.spec.item
        let rowActions = actions.filter { $0.ref.kind == rowKind && state.current.kind.resource != $0.ref }
        let paneActions = actions.filter { !($0.ref.kind == rowKind && state.current.kind.resource != $0.ref) }
        if !rowActions.isEmpty, let kind = rowKind {
            tables.append(actionTable(ResourceRegistry.descriptor(kind).noun.capitalizedFirst, rowActions))
        }
        // Before the list's keys: a plugin on a capital wins over sorting by that initial.
        if let plugins = PluginTable.table(state) { tables.append(plugins) }
        switch state.currentContent {
        case .list(let list):
            if list.source.spec.regional != nil { tables.append(KeyTables.regional) }
            if list.source.spec.searchable { tables.append(KeyTables.search) }
            if let toggle = list.source.spec.toggle { tables.append(KeyTables.toggle(toggle)) }
            tables.append(KeyTables.list)
        case .detail, .text:
            tables.append(KeyTables.scrolling)
        case .job:
            tables.append(KeyTables.job)
            tables.append(KeyTables.scrolling)
        case .rules:
            tables.append(KeyTables.rules)
        case .token:
            tables.append(KeyTables.tokens)
            tables.append(KeyTables.scrolling)
        case .credentials:
            tables.append(KeyTables.credentials)
            tables.append(KeyTables.scrolling)
        case .vacant:
            break
        }
        if !paneActions.isEmpty, let ref = paneActions.first?.ref {
            tables.append(actionTable("This \(ResourceRegistry.descriptor(ref.kind).noun)", paneActions))
        }
        if state.current.tabs.count > 1 { tables.append(KeyTables.tabs) }
        tables.append(KeyTables.global)
        return tables
    }

    /// The resource actions that apply here, each with the resource it would act on: the
    /// selected row's first, then the pane's own.
    public static func actions(for state: ConsoleState) -> [(action: ResourceAction, ref: ResourceRef)] {
        var found: [(ResourceAction, ResourceRef)] = []
        var kinds: [ResourceKind] = []
        if let item = state.currentList?.source.spec.item { kinds.append(item) }
        if let ref = state.current.kind.resource, !kinds.contains(ref.kind) { kinds.append(ref.kind) }
        for kind in kinds {
            for action in ResourceRegistry.descriptor(kind).actions {
                if let ref = Reducer.subject(state, for: action, of: kind) { found.append((action, ref)) }
            }
        }
        return found
    }

    static func actionTable(_ title: String, _ actions: [(action: ResourceAction, ref: ResourceRef)]) -> KeyTable {
        KeyTable(title, actions.map { entry in
            let action = entry.action, ref = entry.ref
            return KeyAction(action.keys, action.title, hint: action.hint, whyDisabled: { Reducer.whyDisabled(action, $0) }) { state in
                Reducer.startAction(&state, action, on: ref)
            }
        })
    }

    /// Runs the first available action bound to `key`; if every action bound to it is
    /// unavailable, says why the first one is.
    public static func handle(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        var refusal: String?
        for table in tables(for: state) {
            for action in table.actions where action.keys.contains(key) && !(action.fallback && refusal != nil) {
                if let why = action.whyDisabled(state) {
                    if refusal == nil { refusal = "\(action.title.capitalizedFirst): \(why)" }
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
            for action in table.actions where action.hint {
                let why = action.whyDisabled(state)
                // A change refused by read-only stays in the footer, saying so.
                guard why == nil || why!.hasPrefix("read-only") else { continue }
                let key = action.keys[0].label
                if seen.insert(key).inserted { hints.append(KeyHint(key, why == nil ? action.title : "\(action.title) (read-only)")) }
            }
        }
        return hints
    }
}
