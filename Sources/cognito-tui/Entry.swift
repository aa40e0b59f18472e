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
            let sub = CognitoTUI.subcommandPath(arguments)
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
                    || error is InputValidationError || error is CatalogError || error is CommandFailure {
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
            Without a command, cognito-tui opens the console on the profile and region the AWS CLI \
            would use. Every command's --help has examples; `man cognito-tui` has them all.

            Examples:
              cognito-tui --profile prod-admin --region eu-west-1
              cognito-tui --read-only --start idpools
              cognito-tui users list --pool staff-pool --where 'email $= "@example.com"'
              cognito-tui call cognito-idp ListUserPools '{"MaxResults":10}'

            Exit status: 0 success, 1 the service returned an error, 2 bad usage or input, \
            3 configuration or credentials, 4 network or unreadable reply, 5 refused by --read-only, \
            6 a change declined at the prompt (a missing --yes or --confirm without a terminal is 2), 130 a job cancelled with Ctrl-C.
            """,
        version: CognitoTUIVersion.current,
        subcommands: [ConsoleCommand.self, CallCommand.self, PoolsCommand.self, UsersCommand.self, GroupsCommand.self,
                      ClientsCommand.self, EditCommand.self, IdpoolsCommand.self, IdentitiesCommand.self, TokenCommand.self,
                      AuthCommand.self, CredentialsCommand.self, ManualCommand.self],
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
    static let notConfirmed: Int32 = 6
}

extension CognitoTUI {
    /// The subcommand the arguments name, for the hint after a usage error: ` users disable`.
    static func subcommandPath(_ arguments: [String]) -> String {
        var path = ""
        var commands: [ParsableCommand.Type] = configuration.subcommands
        for argument in arguments {
            guard let command = commands.first(where: { $0.configuration.commandName == argument }) else { break }
            path += " " + argument
            commands = command.configuration.subcommands
        }
        return path
    }
}
