import Foundation
import Testing
import TestSupport

/// Every command's `--help` shows examples of itself. The commands come from the binary's own
/// tree (`--experimental-dump-help`), so a new subcommand without examples fails here.
@Suite("cognito-tui subcommand help", .timeLimit(.minutes(5)))
struct SubcommandHelpTests {
    /// The part of the argument parser's description of a command these tests read.
    struct Command: Decodable {
        var commandName: String
        var superCommands: [String]?
        var shouldDisplay: Bool
        var subcommands: [Command]?

        var path: [String] { (superCommands ?? []) + [commandName] }
        /// This command and every shown command under it.
        var visible: [Command] { shouldDisplay ? [self] + (subcommands ?? []).flatMap(\.visible) : [] }
    }

    struct Dump: Decodable { var command: Command }

    static func commands() throws -> [Command] {
        let home = try TemporaryHome()
        let dump = try BinaryRunner.run(["--experimental-dump-help"], environment: BinaryRunner.baseEnvironment(home: home.path))
        return try JSONDecoder().decode(Dump.self, from: Data(dump.stdout.utf8)).command.visible
    }

    @Test("the tree holds every command group and the commands under them")
    func treeIsComplete() throws {
        let paths = Set(try Self.commands().map { $0.path.joined(separator: " ") })
        for expected in ["cognito-tui", "cognito-tui console", "cognito-tui call", "cognito-tui users disable",
                         "cognito-tui idpools simulate", "cognito-tui identities unlink", "cognito-tui token verify"] {
            #expect(paths.contains(expected), "\(expected) is missing from \(paths.sorted())")
        }
        #expect(!paths.contains("cognito-tui generate-manual"), "the hidden command is walked")
    }

    @Test("every command's --help has examples that run that command")
    func everyCommandHasExamples() throws {
        let home = try TemporaryHome()
        let commands = try Self.commands()
        var missing: [String] = []
        // `help` is the argument parser's own command, the same for every tool.
        for command in commands where command.path != ["cognito-tui", "help"] {
            let arguments = Array(command.path.dropFirst()) + ["--help"]
            let result = try BinaryRunner.run(arguments, environment: BinaryRunner.baseEnvironment(home: home.path))
            let example = "  " + command.path.joined(separator: " ") + (command.path.count == 1 ? "" : " ")
            if result.status != 0 || !result.stdout.contains("Examples:") || !result.stdout.contains(example) {
                missing.append(command.path.joined(separator: " "))
            }
        }
        #expect(missing.isEmpty, "no examples of themselves in --help: \(missing)")
    }
}
