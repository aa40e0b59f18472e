import AWSCore
import ArgumentParser
import ConsoleModel
import ConsoleUI
import Foundation

/// `cognito-tui [console]`: the interactive console (the default command).
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Browse Cognito user pools, users, groups, identity pools and identities (the default).",
        discussion: """
            Keys: : commands, / filter, ? help, enter open, esc back, d describe, y copy id, \
            o the AWS console's page (shown and copied), r refresh, p profile, R region, @ API call log, \
            t sign in as a user (on an identity pool: a guest's credentials), \
            :jwt TOKEN inspect and verify a token, q quit. Themes: default, light, high-contrast, monochrome, \
            or a YAML file in ~/.config/cognito-tui/themes. Per-profile theme, read_only, protected and quotas \
            settings, column views and plugins live in ~/.config/cognito-tui/config.yaml. \
            :userpools all and :idpools all list every region's pools; R on a row opens it in its region.

            Examples:
              cognito-tui console --profile prod-admin --region eu-west-1
              cognito-tui console --read-only --theme high-contrast --start idpools
              cognito-tui console --endpoint-url http://127.0.0.1:5000 --region us-east-1
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The colour theme: default, light, high-contrast, monochrome, or a theme file's name.")
    var theme: String?

    @Option(help: "The first list to show: userpools or idpools.")
    var start: StartPane = .userpools

    enum StartPane: String, ExpressibleByArgument, CaseIterable {
        case userpools, idpools
        var pane: PaneKind { self == .userpools ? .userPools : .identityPools }
    }

    @MainActor
    func run() async throws {
        guard !global.debug else {
            throw AWSClientError.invalidInput("--debug writes to the screen the console draws on; use --log-file FILE with the console.")
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw AWSClientError.invalidInput(
                "The console needs a terminal; for scripts use `cognito-tui call` (see `cognito-tui call --help`).")
        }
        if let problem = TerminalCheck.problem(term: ProcessInfo.processInfo.environment["TERM"]) {
            throw AWSClientError.invalidInput(problem)
        }
        // An MFA code is asked for on the terminal before the console takes it over; once the
        // console runs, the prompt is closed and a later refresh asks the operator to restart.
        let gate = PromptGate()
        var live = RuntimeContext.live()
        live.prompt = { message in gate.isOpen ? TerminalPrompt.readCode(message) : nil }
        let context = live
        let settings = try GlobalOptions.loadSettings(context)
        let plugins: [Plugin]
        do {
            plugins = try PluginTable.load(settings.plugins)
        } catch {
            throw AWSClientError.configuration(error.description)
        }
        var warnings: [String] = []
        let relay = CallLogRelay()
        let frameTrace = FrameTrace(path: context.env("COGNITO_TUI_TRACE_FRAMES"))
        let observer: any CallObserver = frameTrace.map { ObserverGroup([relay, $0]) } ?? relay
        let auditSink = AuditErrorSink()
        let session = try global.session(overrides: ConfigOverrides(profile: global.profile, region: global.region,
                                                                    endpointURL: global.endpointURL),
                                         context: context, settings: settings, extraObserver: observer,
                                         auditError: { auditSink.report($0) })
        let backend = try ClientBackend(session: session, settings: settings)
        // Resolve credentials now, while the terminal is still a terminal (SSO and MFA profiles);
        // a failure shows in the first pane as it would for any call.
        _ = try? await session.credentials.credentials()
        gate.close()

        let loader = ThemeLoader.standard()
        let (startTheme, themeWarning) = loader.startupTheme(named: theme ?? settings.theme(forProfile: session.config.profileName))
        if let themeWarning { warnings.append(themeWarning) }

        let options = global
        let transport = session.transport
        let makeBackend: BackendFactory = { profile, region in
            // The same profile keeps being resolved as it was at start-up (from AWS_PROFILE or the
            // environment's keys); naming it explicitly would turn the environment's keys off.
            let sameProfile = profile == session.config.profileName
            let overrides = ConfigOverrides(profile: sameProfile ? options.profile : profile, region: region,
                                            endpointURL: options.endpointURL)
            let other = try options.session(overrides: overrides, context: context, settings: settings,
                                            extraObserver: observer, transport: transport,
                                            auditError: { auditSink.report($0) })
            return try ClientBackend(session: other, settings: settings)
        }
        let profiles = session.config.files.profileNames
        // :audit reads the audit log this session appends to; job reports are saved in the working folder.
        let local = LocalSources(audit: AuditTrail(path: AuditLog.defaultPath(context: context), files: context.files),
                                 reports: ReportFolder(path: FileManager.default.currentDirectoryPath, files: context.files,
                                                       now: context.now))
        let viewModel = ConsoleViewModel(backend: backend, profiles: profiles, themes: loader.availableNames,
                                         start: start.pane, local: local, views: settings.views, plugins: plugins, now: context.now,
                                         makeBackend: makeBackend)
        relay.attach(viewModel)
        auditSink.attach { sentence in Task { @MainActor in viewModel.show(StatusMessage(.warning, sentence)) } }
        for warning in warnings { viewModel.show(StatusMessage(.warning, warning)) }
        if session.readOnly && !global.readOnly {
            viewModel.show(StatusMessage(.info, "Profile `\(session.config.profileName)` is read-only (config.yaml)."))
        }
        let app = ConsoleApp(driver: viewModel, theme: startTheme, themeLoader: loader,
                             onThemeMessage: { viewModel.show($0) })
        if let frameTrace { app.onFrameDrawn = { frameTrace.frame($0) } }
        let ending = try await app.run()
        if case .signal(let number) = ending { throw ExitCode(128 + number) }
    }
}

/// Whether asking on the terminal is still possible (before the console takes it over).
final class PromptGate: @unchecked Sendable {
    private let lock = NSLock()
    private var open = true
    var isOpen: Bool { lock.withLock { open } }
    func close() { lock.withLock { open = false } }
}

/// Holds audit-log failures until the view-model can show them (the screen belongs to ncurses).
final class AuditErrorSink: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [String] = []
    private var handler: (@Sendable (String) -> Void)?

    func report(_ sentence: String) {
        let handler = lock.withLock { () -> (@Sendable (String) -> Void)? in
            if self.handler == nil { pending.append(sentence) }
            return self.handler
        }
        handler?(sentence)
    }

    func attach(_ handler: @escaping @Sendable (String) -> Void) {
        let waiting = lock.withLock { () -> [String] in
            self.handler = handler
            defer { pending = [] }
            return pending
        }
        waiting.forEach(handler)
    }
}
