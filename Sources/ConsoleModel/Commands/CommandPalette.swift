/// A command typed after `:`.
public enum PaletteCommand: Sendable, Equatable {
    case userPools
    /// The users of the current pool, with an optional server-side search.
    case users(UserSearch?)
    case groups
    case clients
    case providers
    case identityPools
    case identities
    case profile(String)
    case region(String)
    case theme(String)
    case callLog
    case help
    case quit
}

/// The `:` palette: k9s-style commands with aliases, parsing and completion.
public enum CommandPalette {
    /// What a command takes after its name.
    public enum Argument: Sendable, Equatable { case none, search, profile, region, theme }

    public struct Entry: Sendable, Equatable {
        public var name: String
        public var aliases: [String]
        public var argument: Argument
        public var summary: String
    }

    /// Every command, in the order completion offers them.
    public static let entries: [Entry] = [
        Entry(name: "userpools", aliases: ["up", "pools"], argument: .none, summary: "user pools"),
        Entry(name: "users", aliases: ["u"], argument: .search, summary: "users of the current pool; `:users email ^= \"ann\"` searches"),
        Entry(name: "groups", aliases: ["grp"], argument: .none, summary: "groups of the current pool"),
        Entry(name: "clients", aliases: ["apps"], argument: .none, summary: "app clients of the current pool"),
        Entry(name: "providers", aliases: ["idps"], argument: .none, summary: "identity providers of the current pool"),
        Entry(name: "idpools", aliases: ["ip", "identitypools"], argument: .none, summary: "identity pools"),
        Entry(name: "identities", aliases: ["ids"], argument: .none, summary: "identities of the current identity pool"),
        Entry(name: "profile", aliases: [], argument: .profile, summary: "switch profile"),
        Entry(name: "region", aliases: [], argument: .region, summary: "switch region"),
        Entry(name: "theme", aliases: [], argument: .theme, summary: "switch theme"),
        Entry(name: "calls", aliases: ["log"], argument: .none, summary: "API calls of this session"),
        Entry(name: "help", aliases: ["h"], argument: .none, summary: "keys of the current pane"),
        Entry(name: "quit", aliases: ["q", "q!"], argument: .none, summary: "leave the console"),
    ]

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
        }
        switch entry.name {
        case "userpools": return .userPools
        case "users":
            if rest.isEmpty { return .users(nil) }
            do { return .users(try UserSearch.parse(rest)) } catch { throw ParseError(description: error.description) }
        case "groups": return .groups
        case "clients": return .clients
        case "providers": return .providers
        case "idpools": return .identityPools
        case "identities": return .identities
        case "profile": return .profile(rest)
        case "region": return .region(rest)
        case "theme": return .theme(rest)
        case "calls": return .callLog
        case "help": return .help
        default: return .quit
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
        case .none: return []
        case .profile: candidates = profiles
        case .region: candidates = regions
        case .theme: candidates = themes
        case .search:
            // Only the attribute is completed; the operator types the operator and value.
            guard !rest.contains(where: { $0.isWhitespace || $0 == "=" }) else { return [] }
            candidates = UserSearch.attributes
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
