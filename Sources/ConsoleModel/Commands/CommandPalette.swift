/// A command typed after `:`.
public enum PaletteCommand: Sendable, Equatable {
    /// A root list: `:userpools`, `:idpools`.
    case root(ListKind)
    /// A tab of the nearest pane that has it, with an optional server-side search: `:users`, `:groups`.
    case tab(TabID, command: String, search: UserCondition?)
    /// An action of the selected row or the pane, by its verb: `:disable`, `:delete`.
    case action(String)
    case profile(String)
    case region(String)
    case theme(String)
    case callLog
    /// `:jwt TOKEN`: the token inspector on a pasted token.
    case jwt(String)
    case help
    case quit

    public static let userPools = PaletteCommand.root(.userPools)
    public static let identityPools = PaletteCommand.root(.identityPools)
    public static let groups = PaletteCommand.tab(.groups, command: "groups", search: nil)
    public static let clients = PaletteCommand.tab(.clients, command: "clients", search: nil)
    public static let providers = PaletteCommand.tab(.providers, command: "providers", search: nil)
    public static let identities = PaletteCommand.tab(.identities, command: "identities", search: nil)
    public static func users(_ search: UserCondition?) -> PaletteCommand { .tab(.users, command: "users", search: search) }
}

/// The `:` palette: k9s-style commands with aliases, parsing and completion. The entries come
/// from the resource registry (root lists, tabs, actions) plus a few of the console's own; each
/// entry carries the command it runs.
public enum CommandPalette {
    /// What a command takes after its name.
    public enum Argument: Sendable, Equatable {
        case none, search, profile, region, theme, token
        /// Optionally `all`: the same list for every region.
        case allRegions(ListKind)
    }

    public struct Entry: Sendable, Equatable {
        public var name: String
        public var aliases: [String]
        public var argument: Argument
        public var summary: String
        /// What it runs; for commands with an argument, the argument is filled in by `parse`.
        public var command: PaletteCommand
    }

    /// Every command, in the order completion offers them.
    public static let entries: [Entry] = {
        var entries: [Entry] = []
        for list in ResourceRegistry.lists {
            guard let name = list.command else { continue }
            switch list.placement {
            case .root:
                entries.append(Entry(name: name.name, aliases: name.aliases, argument: list.everyRegion.map { .allRegions($0) } ?? .none,
                                     summary: name.summary + (list.everyRegion == nil ? "" : " (all: every region)"),
                                     command: .root(list.kind)))
            case .tab(_, let id, _, _):
                entries.append(Entry(name: name.name, aliases: name.aliases, argument: list.searchable ? .search : .none,
                                     summary: name.summary, command: .tab(id, command: name.name, search: nil)))
            case .none:
                break
            }
        }
        var verbs: [String: [String]] = [:]
        var order: [String] = []
        for descriptor in ResourceRegistry.descriptors {
            for action in descriptor.actions {
                if verbs[action.verb] == nil { order.append(action.verb) }
                verbs[action.verb, default: []].append(action.title)
            }
        }
        for verb in order {
            entries.append(Entry(name: verb, aliases: [], argument: .none, summary: verbs[verb]!.joined(separator: "; "),
                                 command: .action(verb)))
        }
        entries += [
            Entry(name: "profile", aliases: [], argument: .profile, summary: "switch profile", command: .profile("")),
            Entry(name: "region", aliases: [], argument: .region, summary: "switch region", command: .region("")),
            Entry(name: "theme", aliases: [], argument: .theme, summary: "switch theme", command: .theme("")),
            Entry(name: "calls", aliases: ["log"], argument: .none, summary: "API calls of this session", command: .callLog),
            Entry(name: "jwt", aliases: ["token"], argument: .token, summary: "inspect and verify a pasted JWT", command: .jwt("")),
            Entry(name: "help", aliases: ["h"], argument: .none, summary: "keys of the current pane", command: .help),
            Entry(name: "quit", aliases: ["q", "q!"], argument: .none, summary: "leave the console", command: .quit),
        ]
        return entries
    }()

    /// Why a command was not understood; one sentence.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Finds a command by its name or an alias, case-insensitively.
    public static func entry(named word: String) -> Entry? {
        let word = word.lowercased()
        return entries.first { $0.name == word || $0.aliases.contains(word) }
    }

    /// Parses what was typed after `:`.
    ///
    /// - Throws: `ParseError` for an unknown command, a missing argument, or a bad search.
    public static func parse(_ text: String) throws(ParseError) -> PaletteCommand {
        let trimmed = Substring(text).drop(while: \.isWhitespace).trimmingTrailingSpaces()
        let word = String(trimmed.prefix { !$0.isWhitespace })
        let rest = String(trimmed.dropFirst(word.count).drop(while: \.isWhitespace))
        guard !word.isEmpty else { throw ParseError(description: "Type a command, e.g. :users or :idpools; tab completes.") }
        guard let entry = entry(named: word) else {
            let near = entries.first { $0.name.hasPrefix(word.lowercased()) }.map { "; did you mean :\($0.name)?" }
            throw ParseError(description: "Unknown command :\(word)" + (near ?? "; try :userpools, :users or :idpools."))
        }
        switch entry.argument {
        case .none:
            guard rest.isEmpty else { throw ParseError(description: ":\(entry.name) takes nothing after it.") }
        case .profile, .region, .theme:
            // No name opens the picker; more than one word is a mistake.
            guard !rest.contains(where: \.isWhitespace) else {
                throw ParseError(description: ":\(entry.name) takes one name, e.g. :\(entry.name) \(example(entry.argument)).")
            }
        case .search:
            break
        case .token:
            guard !rest.isEmpty else { throw ParseError(description: ":\(entry.name) takes the token after it: paste it after :\(entry.name) and a space.") }
        case .allRegions(let every):
            switch rest.lowercased() {
            case "": break
            case "all": return .root(every)
            default: throw ParseError(description: ":\(entry.name) takes nothing, or all for every region.")
            }
        }
        switch entry.command {
        case .tab(let id, let command, _):
            if rest.isEmpty { return entry.command }
            let condition: UserCondition
            do { condition = try UserCondition.parse(rest) } catch { throw ParseError(description: error.description) }
            return .tab(id, command: command, search: condition)
        case .profile: return .profile(rest)
        case .region: return .region(rest)
        case .theme: return .theme(rest)
        case .jwt: return .jwt(rest)
        default: return entry.command
        }
    }

    /// Whole inputs that complete `input`: command names (aliases match too), then the
    /// argument: profile, region and theme names, or the searchable user attributes.
    public static func completions(_ input: String, profiles: [String], regions: [String], themes: [String]) -> [String] {
        let text = String(Substring(input).drop(while: \.isWhitespace))
        guard let space = text.firstIndex(where: \.isWhitespace) else {
            let word = text.lowercased()
            return entries.filter { entry in
                entry.name.hasPrefix(word) || entry.aliases.contains { $0.hasPrefix(word) && !word.isEmpty }
            }.map(\.name)
        }
        let word = String(text[..<space])
        let rest = String(text[space...].drop(while: \.isWhitespace))
        guard let entry = entry(named: word) else { return [] }
        let candidates: [String]
        switch entry.argument {
        case .none, .token: return []
        case .profile: candidates = profiles
        case .region: candidates = regions
        case .theme: candidates = themes
        case .allRegions: candidates = ["all"]
        case .search:
            // Only the attribute is completed; the operator types the operator and value.
            guard !rest.contains(where: { $0.isWhitespace || $0 == "=" }) else { return [] }
            candidates = UserCondition.completions
        }
        return candidates.filter { $0.lowercased().hasPrefix(rest.lowercased()) }.map { "\(entry.name) \($0)" }
    }

    static func example(_ argument: Argument) -> String {
        switch argument {
        case .profile: return "default"
        case .region: return "eu-west-1"
        case .theme: return "light"
        default: return ""
        }
    }
}
