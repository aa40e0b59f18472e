import ConsoleModel
import Foundation

/// Runs a plugin on the terminal while the console is suspended: the command itself (found on
/// `PATH` when it has no slash, never through a shell), its arguments, and the environment the
/// console has plus the selection's variables.
struct PluginSession {
    var environment: [String: String]

    func run(_ plugin: PluginRun) -> PluginOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // `env --` runs the command as given, looked up on PATH, with no option parsing of its own.
        process.arguments = ["--", plugin.command] + plugin.arguments
        process.environment = environment.merging(plugin.environment) { $1 }
        do {
            try process.run()
        } catch {
            return .notStarted(error.localizedDescription)
        }
        process.waitUntilExit()
        // env's own 126 and 127: the command was found but could not run, or was not found.
        switch process.terminationStatus {
        case 127 where process.terminationReason == .exit: return .notStarted("\(plugin.command) was not found")
        case 126 where process.terminationReason == .exit: return .notStarted("\(plugin.command) could not be run")
        default: return .exited(process.terminationStatus)
        }
    }
}
