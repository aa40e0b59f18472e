import AWSCore
import ArgumentParser
import CognitoAdmin
import Foundation

/// Options every command that talks to AWS shares.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Use this profile from the AWS config and credentials files.")
    var profile: String?

    @Option(help: "The AWS region, e.g. eu-west-1.")
    var region: String?

    @Option(name: .customLong("endpoint-url"), help: "Send every call to this endpoint instead of AWS's (e.g. the local emulator).")
    var endpointURL: String?

    @Flag(name: .customLong("read-only"), help: "Refuse every operation that changes data, before anything is signed or sent.")
    var readOnly = false

    @Flag(help: "Trace requests and replies on stderr, with every secret redacted.")
    var debug = false

    @Option(name: .customLong("log-file"), help: "Append the same redacted trace to this file.")
    var logFile: String?

    func validate() throws {
        if let endpointURL, Endpoint(url: endpointURL) == nil {
            throw ValidationError("--endpoint-url must be an http:// or https:// URL with a host, got `\(endpointURL)`.")
        }
        if let region, region.isEmpty || region.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
            throw ValidationError("--region must look like eu-west-1, got `\(region)`.")
        }
        if let profile, profile.isEmpty {
            throw ValidationError("--profile needs a profile name.")
        }
    }

    /// The session these options describe, read-only when `--read-only` is given or the
    /// resolved profile has `read_only: true` in cognito-tui's config.yaml, with the profile's
    /// `quotas:` as its request rates.
    /// - Parameters:
    ///   - settings: cognito-tui's own settings (per-profile read-only and request rates).
    ///   - extraObserver: another observer of calls (the console's call log).
    func session(context: RuntimeContext = .live(), settings: Settings,
                 extraObserver: (any CallObserver)? = nil) throws -> AWSSession {
        try session(overrides: ConfigOverrides(profile: profile, region: region, endpointURL: endpointURL),
                    context: context, settings: settings, extraObserver: extraObserver)
    }

    /// A session for other overrides with these options' tracing (for profile and region
    /// switches), sharing `transport` when given.
    ///   - auditError: told once when the audit log of changes cannot be written.
    func session(overrides: ConfigOverrides, context: RuntimeContext, settings: Settings,
                 extraObserver: (any CallObserver)?, transport: (any HTTPTransport)? = nil,
                 auditError: @escaping @Sendable (String) -> Void = { Output.error($0) }) throws -> AWSSession {
        let audit = AuditLog(path: AuditLog.defaultPath(context: context), files: context.files, onError: auditError)
        var observers: [any CallObserver] = [audit]
        if debug { observers.append(DebugTrace(write: { Output.error($0, newline: false) })) }
        if let logFile { observers.append(try LogFile.trace(path: logFile, files: context.files)) }
        if let extraObserver { observers.append(extraObserver) }
        let trace = ObserverGroup(observers)
        let session = try AWSSession(overrides: overrides, context: context, readOnly: readOnly, observer: trace,
                                     transport: transport)
        audit.profile = session.config.profileName
        // The profile is known only once resolved (flag, AWS_DEFAULT_PROFILE, AWS_PROFILE, default),
        // so its read-only setting and request rates apply to a second session over the same transport.
        let profile = settings.resolved(forProfile: session.config.profileName)
        let settingsReadOnly = profile.readOnly ?? false
        if (!readOnly && settingsReadOnly) || !profile.quotas.isEmpty {
            return try AWSSession(overrides: overrides, context: context, readOnly: readOnly || settingsReadOnly,
                                  observer: trace, transport: session.transport, rateLimits: profile.quotas)
        }
        return session
    }

    /// cognito-tui's settings file; a broken one is an error, since it may be what makes a
    /// profile read-only.
    static func loadSettings(_ context: RuntimeContext) throws -> Settings {
        do {
            return try Settings.load(environment: context.environment, files: context.files)
        } catch {
            throw AWSClientError.configuration(
                "\(error) Fix it or move it aside; nothing was sent, since it may make this profile read-only.")
        }
    }
}
