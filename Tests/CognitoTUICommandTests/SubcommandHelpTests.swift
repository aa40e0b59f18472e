import Foundation
import Testing
import TestSupport

/// Every subcommand's `--help` shows examples of itself.
@Suite("cognito-tui subcommand help", .timeLimit(.minutes(5)))
struct SubcommandHelpTests {
    static let subcommands: [[String]] = [
        ["pools", "list"], ["pools", "get"],
        ["users", "list"], ["users", "get"], ["users", "groups"], ["users", "create"], ["users", "update"],
        ["users", "set-password"], ["users", "reset-password"], ["users", "confirm"],
        ["users", "add-to-group"], ["users", "remove-from-group"], ["users", "import"],
        ["groups", "list"], ["groups", "get"], ["groups", "members"], ["groups", "create"],
        ["clients", "list"], ["clients", "get"],
        ["idpools", "list"], ["idpools", "get"], ["idpools", "create"], ["idpools", "update"], ["idpools", "delete"],
        ["idpools", "roles"], ["idpools", "set-roles"], ["idpools", "principal-tags"], ["idpools", "simulate"],
        ["identities", "list"], ["identities", "get"], ["identities", "delete"], ["identities", "unlink"],
    ]

    @Test("--help has examples that run the subcommand itself", arguments: subcommands)
    func help(_ path: [String]) throws {
        let home = try TemporaryHome()
        let result = try BinaryRunner.run(path + ["--help"], environment: BinaryRunner.baseEnvironment(home: home.path))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Examples:"), "\(path)")
        #expect(result.stdout.contains("  cognito-tui \(path.joined(separator: " ")) "), "\(path): \(result.stdout)")
    }
}
