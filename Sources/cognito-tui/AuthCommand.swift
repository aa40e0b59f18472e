import AWSCore
import ArgumentParser
import CognitoAPI
import CognitoAdmin
import Foundation

/// `cognito-tui auth`: signs a user in to an app client and prints the tokens.
struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Sign a user in to an app client and print IdToken, AccessToken, RefreshToken and ExpiresIn as JSON.",
        discussion: """
            The password is stdin's first line when stdin is not a terminal, and is asked for without \
            echo otherwise; with --flow refresh that line is the refresh token instead. A \
            NEW_PASSWORD_REQUIRED challenge takes the next line as the new password; an MFA challenge \
            takes --mfa-code, else the next line (or asks). The app client is read first: the flow must \
            be one it allows (default: srp, else password, else admin), and when it has a secret every \
            call carries its SECRET_HASH; the secret is never shown. Setting up an authenticator app \
            (MFA_SETUP) shows its secret and otpauth:// URI on a terminal only.

            Examples:
              cognito-tui auth --pool eu-west-1_AbC123def --client 4c6a0q0example1client2id ann < password.txt
              cognito-tui auth --pool staff-pool --client 4c6a0q0example1client2id ann --flow admin --mfa-code 123456
              cognito-tui auth --pool staff-pool --client 4c6a0q0example1client2id ann --flow refresh < refresh-token.txt
            """
    )

    @Option(help: PoolHelp.option)
    var pool: String
    @Option(name: .customLong("client"), help: "The app client id.")
    var clientID: String
    @Argument(help: "The user's name (or email or phone number, where the pool signs in by them).")
    var username: String
    @Option(help: "admin (ADMIN_USER_PASSWORD_AUTH), password (USER_PASSWORD_AUTH), srp (USER_SRP_AUTH) or refresh (REFRESH_TOKEN_AUTH).")
    var flow: String?
    @Option(name: .customLong("mfa-code"), help: "The code for an SMS, email or authenticator-app challenge.")
    var mfaCode: String?
    @Option(help: "The output format: json (the only one).")
    var output: String = "json"
    @OptionGroup var global: GlobalOptions

    static let flows: [String: SignInFlow] = ["admin": .admin, "password": .password, "srp": .srp, "refresh": .refresh]

    func validate() throws {
        try InputChecks.userPool(pool)
        if let flow, Self.flows[flow] == nil { throw ValidationError("--flow must be admin, password, srp or refresh, got `\(flow)`.") }
        if output != "json" { throw ValidationError("--output must be json, got `\(output)`.") }
    }

    func run() async throws {
        // A pool id names its region; calls about it go there whatever the profile's region.
        var options = global
        if options.region == nil, UserPoolLookup.looksLikeID(pool), let region = pool.split(separator: "_").first {
            options.region = String(region)
        }
        let admin = try AdminContext.make(options)
        let poolId = try await admin.pool(pool)
        let signIn = try await SignIn.prepare(admin.backend, userPoolId: poolId, clientId: clientID,
                                              now: admin.session.context.now)
        let chosen = try flow.map { Self.flows[$0]! } ?? [SignInFlow.srp, .password, .admin].first(where: signIn.allows)
            ?? { throw CommandFailure.usage("The app client allows no password flow (\(signIn.explicitAuthFlows.joined(separator: ", "))).") }()
        var step: SignInStep
        do {
            if chosen == .refresh {
                step = try await signIn.refresh(refreshToken: try SecretInput.line("Refresh token"), username: username)
            } else {
                step = try await signIn.start(chosen, username: username, password: try SecretInput.line("Password"))
            }
            var answered = 0
            while case .challenge(var challenge) = step {
                answered += 1
                guard answered <= 5 else { throw CommandFailure.usage("The sign-in asked too many questions; stopped.") }
                step = try await signIn.answer(challenge, with: try answer(&challenge, signIn: signIn, pool: poolId))
            }
        } catch let error as SignInError {
            if case .flowNotAllowed = error { throw CommandFailure.usage(error.description) }
            throw CommandFailure(description: error.description, status: ExitStatus.serviceError)
        }
        guard case .signedIn(let tokens) = step else { return }
        var out: [String: JSONValue] = [:]
        if let v = tokens.idToken { out["IdToken"] = .string(v) }
        if let v = tokens.accessToken { out["AccessToken"] = .string(v) }
        if let v = tokens.refreshToken { out["RefreshToken"] = .string(v) }
        if let v = tokens.expiresIn { out["ExpiresIn"] = .integer(Int64(v)) }
        if let v = tokens.tokenType { out["TokenType"] = .string(v) }
        Output.json(try JSONEncoder().encode(JSONValue.object(out)), pretty: isatty(STDOUT_FILENO) == 1)
    }

    /// The answer to one challenge, from the options, the next line of stdin or the terminal.
    private func answer(_ challenge: inout SignInChallenge, signIn: SignIn, pool: String) async throws -> ChallengeAnswer {
        switch challenge.kind {
        case .newPassword(let required):
            let password = try SecretInput.line("New password")
            var attributes: [String: String] = [:]
            for name in required {
                guard let value = Terminal.isInteractive ? Terminal.ask("\(name): ") : readLine(strippingNewline: true),
                      !value.isEmpty else { throw CommandFailure.usage("The pool requires \(name) for this user; give it on the next line.") }
                attributes[name] = value
            }
            return .newPassword(password, attributes: attributes)
        case .smsCode, .emailCode, .totpCode:
            return .code(try mfaCode ?? SecretInput.line("MFA code"))
        case .selectMFAType(let options):
            // With a code at hand an authenticator app is the likely method; otherwise the first offered.
            let pick = options.contains("SOFTWARE_TOKEN_MFA") ? "SOFTWARE_TOKEN_MFA" : (options.first ?? "SOFTWARE_TOKEN_MFA")
            return .mfaType(pick)
        case .mfaSetup(let options):
            guard options.contains("SOFTWARE_TOKEN_MFA") || options.isEmpty else {
                throw CommandFailure.usage("The user must set up \(options.joined(separator: " or ")) first, which needs the user's own device.")
            }
            guard Terminal.stderrIsTerminal else {
                throw CommandFailure.usage("The user must set up an authenticator app first; run this on a terminal to see its secret.")
            }
            let setup = try await signIn.associateSoftwareToken(&challenge, issuer: pool)
            Output.error("Add this account to the authenticator app:\n  secret: \(setup.secret)\n  \(setup.uri)\n", newline: false)
            return .code(try mfaCode ?? SecretInput.line("Code from the app"))
        case .unsupported:
            throw CommandFailure.usage("The \(challenge.name.rawValue) challenge is not supported here.")
        }
    }
}
