import AWSCore
import ArgumentParser

/// `cognito-tui generate-manual`: writes the manual page, generated from the commands, on
/// stdout; `scripts/install` puts it in `share/man/man1`. Hidden from the help.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Write the manual page of cognito-tui (roff) on stdout.",
        discussion: """
            Examples:
              cognito-tui generate-manual > cognito-tui.1
              cognito-tui generate-manual | man -l -
            """,
        shouldDisplay: false
    )

    /// A command holding only the shared options, so their names come from the parser too.
    private struct SharedOptions: ParsableCommand {
        @OptionGroup var global: GlobalOptions
    }

    func run() throws {
        let shared = try CommandTree(of: SharedOptions.self).root.arguments ?? []
        let names = Set(shared.filter { !$0.isBuiltIn }.compactMap(\.spelled.first))
        let page = ManualPage(tree: try CommandTree(of: CognitoTUI.self), sharedOptions: names, version: CognitoTUIVersion.current)
        print(page.render(), terminator: "")
    }
}
