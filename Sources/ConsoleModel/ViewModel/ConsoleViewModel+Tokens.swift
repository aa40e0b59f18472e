import AWSCore
import CognitoAdmin
import CognitoAPI
import Foundation

/// Running sign-in, token and credential work: each step is the domain's (`SignIn`,
/// `TokenVerifier`, `IdentityCredentials`, `CredentialsExport`); its outcome comes back as a
/// `TokenReply`, failures as one sentence.
extension ConsoleViewModel {
    func runTokens(_ work: TokenWork) {
        let clock = now
        switch work {
        case .appClients(let ticket, let pool):
            spawn(pane: nil) { backend in
                do {
                    return .tokens(.appClients(ticket: ticket, try await Self.appClients(backend, pool: pool, now: clock)))
                } catch {
                    return .tokens(.failed(ticket: ticket, ErrorText.sentence(error)))
                }
            }
        case .signIn(let ticket, let pool, let client, let username, let flow, let secret):
            spawn(pane: nil) { backend in
                do {
                    let signIn = try await SignIn.prepare(backend, userPoolId: pool, clientId: client, now: clock)
                    let step = flow == .refresh
                        ? try await signIn.refresh(refreshToken: secret, username: username)
                        : try await signIn.start(flow, username: username, password: secret)
                    return try await Self.stepped(ticket, signIn, step, pool: pool)
                } catch {
                    return .tokens(.failed(ticket: ticket, Self.sentence(error)))
                }
            }
        case .answer(let ticket, let pool, let client, let challenge, let answer):
            spawn(pane: nil) { backend in
                do {
                    let signIn = try await SignIn.prepare(backend, userPoolId: pool, clientId: client, now: clock)
                    return try await Self.stepped(ticket, signIn, try await signIn.answer(challenge, with: answer), pool: pool)
                } catch {
                    return .tokens(.failed(ticket: ticket, Self.sentence(error)))
                }
            }
        case .verify(let address, let ticket, let token, let expectations):
            spawn(pane: address.pane) { backend in
                guard let services = backend.tokenServices else {
                    return .tokens(.unverified(address, ticket: ticket, "Not verified: this console cannot fetch the pool's keys."))
                }
                guard let jwt = try? JSONWebToken(compact: token) else {
                    return .tokens(.unverified(address, ticket: ticket, "Not verified: the text is not a JWT."))
                }
                return .tokens(.verified(address, ticket: ticket, await services.verifier.verify(jwt, expecting: expectations)))
            }
        case .appView(let pool, let client, let accessToken):
            spawn(pane: nil) { backend in
                do {
                    let signIn = try await SignIn.prepare(backend, userPoolId: pool, clientId: client, now: clock)
                    return .simulated(title: "What the app sees: GetUser", lines: try JSONLines.pretty(try await signIn.user(accessToken: accessToken)))
                } catch {
                    return .status(StatusMessage(.error, "GetUser with the access token failed: \(Self.sentence(error, retry: .again))"))
                }
            }
        case .revoke(let pool, let client, let refreshToken):
            spawn(pane: nil) { backend in
                do {
                    let signIn = try await SignIn.prepare(backend, userPoolId: pool, clientId: client, now: clock)
                    try await signIn.revoke(refreshToken: refreshToken)
                    return .status(StatusMessage(.info, "Revoked the refresh token: it can no longer get new tokens."))
                } catch {
                    return .status(StatusMessage(.error, "The refresh token was not revoked: \(Self.sentence(error, retry: .again))"))
                }
            }
        case .credentialsForm(let ticket, let origin):
            spawn(pane: nil) { backend in
                do {
                    if let id = origin.identityPoolId {
                        let pool = try await backend.describeIdentityPool(.init(identityPoolId: id))
                        return .tokens(.credentialsForm(ticket: ticket, Reducer.credentialsForm(
                            origin, pools: [], classicFlow: pool.allowClassicFlow ?? false)))
                    }
                    let pools = try await Self.identityPools(backend)
                    guard !pools.isEmpty else { return .tokens(.failed(ticket: ticket, "There are no identity pools in this region.")) }
                    return .tokens(.credentialsForm(ticket: ticket, Reducer.credentialsForm(origin, pools: pools, classicFlow: nil)))
                } catch {
                    return .tokens(.failed(ticket: ticket, ErrorText.sentence(error)))
                }
            }
        case .issue(let ticket, let origin, let values):
            spawn(pane: nil) { backend in
                guard let services = backend.tokenServices else {
                    return .tokens(.failed(ticket: ticket, "This console cannot reach Cognito Identity for credentials."))
                }
                do {
                    let (request, how) = Self.credentialsRequest(origin, values)
                    let issued = try await IdentityCredentials.issue(request, configuration: try services.credentials(request.region))
                    return .tokens(.issued(ticket: ticket, CredentialsState(
                        ticket: ticket, identityPoolId: request.identityPoolId, identityId: issued.identityId, how: how,
                        credentials: issued.credentials)))
                } catch {
                    return .tokens(.failed(ticket: ticket, ErrorText.sentence(error)))
                }
            }
        case .caller(let address, let ticket, let credentials, let region):
            spawn(pane: address.pane) { backend in
                guard let services = backend.tokenServices else {
                    return .tokens(.caller(address, ticket: ticket, arn: nil, failure: "This console cannot reach STS."))
                }
                do {
                    let arn = try await IdentityCredentials.callerArn(credentials, sts: try services.credentials(region).stsClient())
                    return .tokens(.caller(address, ticket: ticket, arn: arn ?? "(the reply names no ARN)", failure: nil))
                } catch {
                    return .tokens(.caller(address, ticket: ticket, arn: nil, failure: "GetCallerIdentity failed: \(ErrorText.sentence(error))"))
                }
            }
        case .save(let path, let text):
            guard let folder = local.reports else {
                send(.status(StatusMessage(.warning, "The credentials cannot be saved here: no folder is set.")))
                return
            }
            do {
                let written = try folder.write(text, to: path)
                send(.status(StatusMessage(.info, "Saved the credentials to \(written), readable by you only.")))
            } catch {
                send(.status(StatusMessage(.error, "The credentials were not saved: \(ErrorText.sentence(error))")))
            }
        }
    }

    /// The request the credentials form describes, and how it is said in the view.
    nonisolated static func credentialsRequest(_ origin: CredentialsOrigin, _ values: FormValues) -> (IdentityCredentialsRequest, String) {
        func text(_ key: String) -> String { (values[key] ?? "").trimmingCharacters(in: .whitespaces) }
        let pool = origin.identityPoolId ?? Reducer.poolID(fromChoice: values["pool"] ?? "")
        let basic = values["flow"] == "basic"
        let flow: IdentityCredentialsRequest.Flow = basic
            ? .basic(roleArn: text("role"), sessionName: text("session").isEmpty ? "cognito-tui" : text("session"),
                     sessionPolicy: text("policy").isEmpty ? nil : text("policy"))
            : .enhanced(customRoleArn: text("role").isEmpty ? nil : text("role"))
        let request = IdentityCredentialsRequest(identityPoolId: pool, logins: origin.logins.mapValues { .token($0) }, flow: flow)
        let how = (basic ? "the basic flow (GetOpenIdToken, AssumeRoleWithWebIdentity)" : "the enhanced flow (GetCredentialsForIdentity)")
            + ", for \(origin.who)"
        return (request, how)
    }

    /// The next step as a reply; an `MFA_SETUP` that an authenticator app can meet is met by
    /// associating one first, so its form can show the secret.
    nonisolated static func stepped(_ ticket: Int, _ signIn: SignIn, _ step: SignInStep, pool: String) async throws -> ConsoleMessage {
        if case .challenge(var challenge) = step, case .mfaSetup(let options) = challenge.kind,
           options.isEmpty || options.contains("SOFTWARE_TOKEN_MFA") {
            let setup = try await signIn.associateSoftwareToken(&challenge, issuer: pool)
            return .tokens(.stepped(ticket: ticket, .challenge(challenge), totp: setup))
        }
        return .tokens(.stepped(ticket: ticket, step, totp: nil))
    }

    /// The pool's app clients, each read for its flows.
    nonisolated static func appClients(_ backend: any CognitoBackend, pool: String,
                                       now: @escaping @Sendable () -> Date) async throws -> [AppClientChoice] {
        let ids = try await PoolReads.clients(backend, pool: pool).compactMap(\.clientId)
        var choices: [AppClientChoice] = []
        for id in ids {
            let signIn = try await SignIn.prepare(backend, userPoolId: pool, clientId: id, now: now)
            choices.append(AppClientChoice(id: id, name: signIn.clientName, explicitFlows: signIn.explicitAuthFlows,
                                           flows: SignInFlow.allCases.filter(signIn.allows), hasSecret: signIn.hasClientSecret))
        }
        return choices
    }

    /// The region's identity pools as `name (id)`.
    nonisolated static func identityPools(_ backend: any CognitoBackend) async throws -> [String] {
        try await IdentityPoolReads.identityPools(backend).map { "\($0.identityPoolName ?? "?") (\($0.identityPoolId ?? "?"))" }
    }

    /// A sign-in error in one sentence. After a failed sign-in its form stays open, so Enter
    /// tries again.
    nonisolated static func sentence(_ error: any Error, retry: ErrorText.Retry = .resubmit) -> String {
        if let error = error as? SignInError { return error.description.capitalizedFirst + "." }
        return ErrorText.sentence(error, retry: retry)
    }

    /// Redraws every second while a token's expiry or credentials' countdown is shown.
    func keepClock() {
        let counting: Bool
        switch state.currentContent {
        case .token, .credentials: counting = true
        default: counting = false
        }
        if counting, clockTicker == nil {
            clockTicker = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    guard !Task.isCancelled, let self else { return }
                    self.onChange?()
                }
            }
        } else if !counting, let ticker = clockTicker {
            ticker.cancel()
            clockTicker = nil
        }
    }
}
