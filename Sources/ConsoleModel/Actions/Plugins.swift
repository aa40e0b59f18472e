import CognitoAdmin

/// A command of the operator's own on a key (`plugins:` in config.yaml), checked: its key is
/// one the console does not use, its scopes are kinds of resource.
public struct Plugin: Sendable, Equatable {
    public var name: String
    public var key: Key
    /// The kinds of resource it applies to; nil for every kind.
    public var kinds: Set<ResourceKind>?
    public var description: String
    public var command: String
    public var arguments: [String]
    public var confirm: Bool
    /// Changes things: hidden while the console is read-only.
    public var dangerous: Bool

    public init(name: String, key: Key, kinds: Set<ResourceKind>?, description: String, command: String,
                arguments: [String] = [], confirm: Bool = false, dangerous: Bool = false) {
        self.name = name
        self.key = key
        self.kinds = kinds
        self.description = description
        self.command = command
        self.arguments = arguments
        self.confirm = confirm
        self.dangerous = dangerous
    }
}

/// What the front end runs for a plugin, with the console suspended: the command, its
/// arguments with the selection's variables put in, and the variables to add to the environment.
public struct PluginRun: Sendable, Equatable {
    public var name: String
    public var command: String
    public var arguments: [String]
    public var environment: [String: String]
}

/// Why the plugins of config.yaml cannot be used; one sentence.
public struct PluginError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

/// Checking the plugins when the console starts, finding the ones that apply, and what they
/// are given.
public enum PluginTable {
    /// The plugins of the settings, checked.
    /// - Throws: `PluginError` naming the first plugin whose key the console already uses, whose
    ///   key cannot be read, or whose scope names no kind of resource.
    public static func load(_ settings: [PluginSetting]) throws(PluginError) -> [Plugin] {
        var plugins: [Plugin] = []
        for setting in settings {
            guard let key = key(setting.key) else {
                throw PluginError(description: "The key “\(setting.key)” of plugin “\(setting.name)” in config.yaml is not one character or ctrl-LETTER.")
            }
            var kinds: Set<ResourceKind>? = []
            for scope in setting.scopes {
                if scope.lowercased() == "all" { kinds = nil; break }
                guard let kind = scopeKinds[scope.lowercased()] else {
                    throw PluginError(description: "The scope “\(scope)” of plugin “\(setting.name)” in config.yaml names no list (use \(scopeNames.joined(separator: ", ")) or all).")
                }
                kinds?.insert(kind)
            }
            if let owner = builtIn(key) {
                throw PluginError(description: "The key \(key.label) of plugin “\(setting.name)” in config.yaml is the console's key for “\(owner)”; choose another.")
            }
            if let other = plugins.first(where: { $0.key == key && overlap($0.kinds, kinds) }) {
                throw PluginError(description: "Plugins “\(other.name)” and “\(setting.name)” in config.yaml both use the key \(key.label) in the same place; choose another.")
            }
            plugins.append(Plugin(name: setting.name, key: key, kinds: kinds, description: setting.description,
                                  command: setting.command, arguments: setting.arguments, confirm: setting.confirm,
                                  dangerous: setting.dangerous))
        }
        return plugins
    }

    /// `b`, `ctrl-t`; nil for anything else (several characters, a space).
    static func key(_ text: String) -> Key? {
        if text.count == 1, let char = text.first, !char.isWhitespace { return .character(char) }
        let lower = text.lowercased()
        if lower.hasPrefix("ctrl-"), lower.count == 6, let letter = lower.last, letter.isLetter { return .control(letter) }
        return nil
    }

    /// The list names a scope may use (the palette's names and aliases of lists of resources)
    /// and the kind of their rows.
    static let scopeKinds: [String: ResourceKind] = {
        var kinds: [String: ResourceKind] = [:]
        for list in ResourceRegistry.lists {
            guard let item = list.item, let command = list.command else { continue }
            for name in [command.name] + command.aliases where kinds[name] == nil { kinds[name] = item }
        }
        return kinds
    }()

    static var scopeNames: [String] {
        ResourceRegistry.lists.compactMap { $0.item != nil ? $0.command?.name : nil }
    }

    /// The title of the console's own action on `key`, wherever it applies (a pane's actions
    /// stay active on its tabs' rows); nil when the key is free. Sorting on a capital gives way
    /// to any other use of it.
    static func builtIn(_ key: Key) -> String? {
        let tables = [KeyTables.global, KeyTables.list, KeyTables.search, KeyTables.scrolling, KeyTables.tabs,
                      KeyTables.job, KeyTables.rules, KeyTables.regional]
        for table in tables {
            if let action = table.actions.first(where: { !$0.fallback && $0.keys.contains(key) }) { return action.title }
        }
        for list in ResourceRegistry.lists {
            if let toggle = list.toggle, Key.character(toggle.key) == key { return toggle.title }
        }
        for descriptor in ResourceRegistry.descriptors {
            if let action = descriptor.actions.first(where: { $0.keys.contains(key) }) { return action.title }
        }
        return nil
    }

    static func overlap(_ a: Set<ResourceKind>?, _ b: Set<ResourceKind>?) -> Bool {
        guard let a, let b else { return true }
        return !a.isDisjoint(with: b)
    }

    /// The resource a plugin acts on here: the selected row's, else the pane's; nil when it
    /// applies to neither.
    static func subject(_ plugin: Plugin, _ state: ConsoleState) -> ResourceRef? {
        if let list = state.currentList, let item = list.source.spec.item, let id = list.selectedID, let name = list.selectedName,
           plugin.kinds?.contains(item) ?? true, let ref = list.source.row(id: id, name: name) {
            return ref
        }
        if let ref = state.current.kind.resource, plugin.kinds?.contains(ref.kind) ?? true { return ref }
        return nil
    }

    /// The plugins that apply here: a dangerous one is hidden while the console is read-only.
    static func applicable(_ state: ConsoleState) -> [(plugin: Plugin, ref: ResourceRef?)] {
        state.plugins.compactMap { plugin in
            if plugin.dangerous && state.info.readOnly { return nil }
            if plugin.kinds == nil { return (plugin, subject(plugin, state)) }
            return subject(plugin, state).map { (plugin, $0) }
        }
    }

    /// The keys of the plugins that apply here, for help and dispatch.
    static func table(_ state: ConsoleState) -> KeyTable? {
        let entries = applicable(state)
        guard !entries.isEmpty else { return nil }
        return KeyTable("Plugins", entries.map { entry in
            KeyAction([entry.plugin.key], "\(entry.plugin.name): \(entry.plugin.description)") { state in
                Reducer.startPlugin(&state, entry.plugin)
            }
        })
    }

    /// The variables a plugin is given: the profile and region, the endpoint when it is not
    /// AWS's, and the ids of the panes open and of the resource it acts on, each under the name
    /// its kind gives it (`USER_POOL_ID`, `USERNAME`, `GROUP`, `IDENTITY_POOL_ID`, `IDENTITY_ID`).
    static func environment(_ state: ConsoleState, subject: ResourceRef?) -> [String: String] {
        var environment = ["AWS_PROFILE": state.info.profile, "AWS_REGION": state.info.region]
        if let endpoint = state.info.endpoint { environment["AWS_ENDPOINT_URL"] = endpoint }
        let refs = state.stack.compactMap(\.kind.resource) + (subject.map { [$0] } ?? [])
        for ref in refs {
            let names = ResourceRegistry.descriptor(ref.kind).variables
            for (name, value) in zip(names, ref.path) where !name.isEmpty && !value.isEmpty { environment[name] = value }
        }
        return environment
    }

    /// `$NAME` and `${NAME}` of the variables put in an argument; other text stays as it is.
    static func expand(_ argument: String, _ variables: [String: String]) -> String {
        var out = ""
        var rest = Substring(argument)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            var after = rest[rest.index(after: dollar)...]
            var name: Substring
            if after.first == "{", let close = after.firstIndex(of: "}") {
                name = after[after.index(after: after.startIndex)..<close]
                after = after[after.index(after: close)...]
            } else {
                name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                after = after.dropFirst(name.count)
            }
            if let value = variables[String(name)] {
                out += value
            } else {
                out += rest[dollar..<after.startIndex]
            }
            rest = after
        }
        return out + rest
    }
}
