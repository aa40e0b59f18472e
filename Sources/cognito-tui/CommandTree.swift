import ArgumentParser
import Foundation

/// The command tree as the argument parser describes it (`--experimental-dump-help`): every
/// command with its abstract, discussion, arguments and subcommands. The manual page is written
/// from it, and the tests walk it, so neither keeps its own list of commands.
struct CommandTree: Decodable {
    struct Name: Decodable, Hashable {
        var kind: String
        var name: String

        /// `--pool`, `-h`, `-pool`.
        var spelled: String {
            switch kind {
            case "long": return "--" + name
            case "short": return "-" + name
            default: return "-" + name
            }
        }
    }

    struct Argument: Decodable {
        var kind: String
        var shouldDisplay: Bool
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var abstract: String?
        var discussion: String?

        /// The names the argument is spelled with, as the parser shows them.
        var spelled: [String] { (names ?? []).map(\.spelled) }
        /// `--help` and `--version`, which the parser adds to every command.
        var isBuiltIn: Bool { spelled.contains("--help") || spelled.contains("--version") }
    }

    struct Command: Decodable {
        var commandName: String
        var superCommands: [String]?
        var shouldDisplay: Bool
        var abstract: String?
        var discussion: String?
        var subcommands: [Command]?
        var arguments: [Argument]?

        /// `cognito-tui users list`.
        var path: [String] { (superCommands ?? []) + [commandName] }

        /// This command and every command under it, depth first; hidden ones left out.
        var visibleCommands: [Command] {
            guard shouldDisplay else { return [] }
            return [self] + (subcommands ?? []).flatMap(\.visibleCommands)
        }
    }

    private struct Dump: Decodable { var command: Command }

    let root: Command

    /// The tree of `command`, read from the parser's own description of it.
    init(of command: ParsableCommand.Type) throws {
        root = try JSONDecoder().decode(Dump.self, from: Data(command._dumpHelp().utf8)).command
    }
}
