import AWSCore
import ArgumentParser
import CognitoAPI
import Foundation

/// Parses the command line and runs it; bad input gets one sentence on stderr, never a trace.
@main
enum Entry {
    static func main() async {
        // Never let a dead pipe (e.g. `| head`) kill the process mid-write.
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let command: ParsableCommand
        do {
            command = try CognitoTUI.parseAsRoot(arguments)
        } catch {
            let code = CognitoTUI.exitCode(for: error)
            if code == .success {
                CognitoTUI.exit(withError: error) // --help and --version
            }
            let message = CognitoTUI.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            let sub = arguments.first.map { ["call"].contains($0) ? " \($0)" : "" } ?? ""
            Output.error("\(Output.sentence(message)) See `cognito-tui\(sub) --help`.")
            exit(ExitStatus.usage)
        }
        do {
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                var sync = command
                try sync.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let error where error is AWSServiceError || error is AWSClientError || error is CancellationError
                    || error is InputValidationError || error is CatalogError {
            let (message, status) = Output.describe(error)
            Output.error(message)
            exit(status)
        } catch {
            // Help asked for through a subcommand arrives here from the parser's own commands.
            if CognitoTUI.exitCode(for: error) == .success { CognitoTUI.exit(withError: error) }
            let (message, status) = Output.describe(error)
            Output.error(message)
            exit(status)
        }
    }
}

/// The root command.
struct CognitoTUI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cognito-tui",
        abstract: "A terminal administration console for AWS Cognito.",
        discussion: """
            Exit status: 0 success, 1 the service returned an error, 2 bad usage or input, \
            3 configuration or credentials, 4 network or unreadable reply, 5 refused by --read-only.
            """,
        version: CognitoTUIVersion.current,
        subcommands: [ConsoleCommand.self, CallCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )
}

/// The process exit statuses, as the root command's help lists them.
enum ExitStatus {
    static let serviceError: Int32 = 1
    static let usage: Int32 = 2
    static let configuration: Int32 = 3
    static let network: Int32 = 4
    static let readOnly: Int32 = 5
}
