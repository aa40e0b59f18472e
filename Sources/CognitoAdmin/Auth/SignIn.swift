import CognitoAPI
import Foundation

/// Signing a user in to an app client, one step at a time, so that a front end can ask for each
/// challenge's answer: `start` (or `refresh`) gives the first step; `answer` (after
/// `associateSoftwareToken` for an `MFA_SETUP` with an authenticator app) gives the next, until
/// the tokens come.
///
/// The app client is read first (`DescribeUserPoolClient`) for its flows and, when it has one,
/// its secret, from which every call's `SECRET_HASH` is computed; the secret is never shown.
/// `USER_SRP_AUTH` answers `PASSWORD_VERIFIER` itself, so the password never leaves this process.
public struct SignIn: Sendable {
    public let userPoolId: String
    public let clientId: String
    public let clientName: String?
    /// The client's `ExplicitAuthFlows`, as the service lists them.
    public let explicitAuthFlows: [String]
    let clientSecret: String?
    let backend: any CognitoOperations
    let now: @Sendable () -> Date
    let makeSRP: @Sendable () -> CognitoSRP

    /// Whether calls carry a `SECRET_HASH` (the client has a secret).
    public var hasClientSecret: Bool { clientSecret != nil }

    /// Reads the app client and returns a sign-in for it.
    /// - Parameters:
    ///   - now: the clock for the SRP timestamp.
    ///   - makeSRP: the SRP exchange (a random one by default; a fixed one in tests).
    public static func prepare(_ backend: any CognitoOperations, userPoolId: String, clientId: String,
                               now: @escaping @Sendable () -> Date,
                               makeSRP: @escaping @Sendable () -> CognitoSRP = { CognitoSRP() }) async throws -> SignIn {
        let client = try await backend.describeUserPoolClient(.init(userPoolId: userPoolId, clientId: clientId)).userPoolClient
        return SignIn(userPoolId: userPoolId, clientId: clientId, clientName: client?.clientName,
                      explicitAuthFlows: (client?.explicitAuthFlows ?? []).map(\.rawValue),
                      clientSecret: client?.clientSecret.flatMap { $0.isEmpty ? nil : $0 },
                      backend: backend, now: now, makeSRP: makeSRP)
    }

    /// Whether the client allows the flow: its `ALLOW_…` value or the older name, or, with no
    /// flows set, the service's default (SRP, refresh and custom).
    public func allows(_ flow: SignInFlow) -> Bool {
        if explicitAuthFlows.isEmpty { return flow == .srp || flow == .refresh }
        let legacy: String? = switch flow {
        case .admin: "ADMIN_NO_SRP_AUTH"
        case .password: "USER_PASSWORD_AUTH"
        default: nil
        }
        return explicitAuthFlows.contains(flow.explicitAuthFlow.rawValue) || legacy.map(explicitAuthFlows.contains) == true
    }

    /// Signs in with a password by `flow` (`.admin`, `.password` or `.srp`).
    /// - Throws: `SignInError` (a flow the client does not allow, bad SRP values), or the service's error.
    public func start(_ flow: SignInFlow, username: String, password: String) async throws -> SignInStep {
        guard allows(flow) else { throw SignInError.flowNotAllowed(flow, allowed: explicitAuthFlows) }
        var parameters = ["USERNAME": username]
        addSecretHash(&parameters, username: username)
        switch flow {
        case .admin, .password:
            parameters["PASSWORD"] = password
            return try await initiate(flow, parameters, username: username)
        case .srp:
            let srp = makeSRP()
            parameters["SRP_A"] = srp.srpA
            let reply = try await backend.initiateAuth(.init(authFlow: .userSrpAuth, authParameters: parameters, clientId: clientId))
            guard reply.challengeName == .passwordVerifier else {
                return try step(reply.challengeName, reply.challengeParameters, reply.session, reply.authenticationResult,
                                flow: flow, username: username, operation: "InitiateAuth")
            }
            return try await verifyPassword(srp, reply.challengeParameters ?? [:], session: reply.session,
                                            username: username, password: password)
        case .refresh:
            return try await refresh(refreshToken: password, username: username)
        }
    }

    /// New ID and access tokens for a refresh token (`REFRESH_TOKEN_AUTH`). With a client
    /// secret, `username` is what the `SECRET_HASH` is computed over (the user's `sub` in pools
    /// that sign in by email or phone).
    public func refresh(refreshToken: String, username: String?) async throws -> SignInStep {
        guard allows(.refresh) else { throw SignInError.flowNotAllowed(.refresh, allowed: explicitAuthFlows) }
        var parameters = ["REFRESH_TOKEN": refreshToken]
        if let username { addSecretHash(&parameters, username: username) }
        return try await initiate(.refresh, parameters, username: username ?? "")
    }

    /// Answers a challenge and returns the next step.
    /// - Throws: `SignInError.answerDoesNotFit` when the answer is for another kind of challenge.
    public func answer(_ challenge: SignInChallenge, with answer: ChallengeAnswer) async throws -> SignInStep {
        var responses = ["USERNAME": challenge.username]
        addSecretHash(&responses, username: challenge.username)
        switch (challenge.kind, answer) {
        case (.newPassword, .newPassword(let password, let attributes)):
            responses["NEW_PASSWORD"] = password
            for (name, value) in attributes { responses["userAttributes.\(name)"] = value }
        case (.smsCode, .code(let code)):
            responses["SMS_MFA_CODE"] = code
        case (.emailCode, .code(let code)):
            responses["EMAIL_OTP_CODE"] = code
        case (.totpCode, .code(let code)):
            responses["SOFTWARE_TOKEN_MFA_CODE"] = code
        case (.selectMFAType(let options), .mfaType(let choice)) where options.isEmpty || options.contains(choice):
            responses["ANSWER"] = choice
        case (.mfaSetup, .code(let code)):
            // The authenticator app's first code proves the secret took; the session that
            // proof returns is the one MFA_SETUP is answered with.
            let verified = try await backend.verifySoftwareToken(.init(session: challenge.session, userCode: code))
            guard verified.status == .success else { throw SignInError.softwareTokenNotVerified(status: verified.status?.rawValue) }
            return try await respond(challenge, responses, session: verified.session ?? challenge.session)
        default:
            throw SignInError.answerDoesNotFit(challenge: challenge.name.rawValue)
        }
        return try await respond(challenge, responses, session: challenge.session)
    }

    /// For `MFA_SETUP`: makes an authenticator-app secret for the user (`AssociateSoftwareToken`)
    /// and moves the challenge on to the session it returns. Answer the challenge with the app's code.
    /// - Parameter issuer: the name the app shows for the account (the pool's, usually).
    public func associateSoftwareToken(_ challenge: inout SignInChallenge, issuer: String) async throws -> TOTPSetup {
        let reply = try await backend.associateSoftwareToken(.init(session: challenge.session))
        if let session = reply.session { challenge.session = session }
        return TOTPSetup(secret: reply.secretCode ?? "", account: challenge.username, issuer: issuer)
    }

    // MARK: - Calls

    private func initiate(_ flow: SignInFlow, _ parameters: [String: String], username: String) async throws -> SignInStep {
        if flow == .admin {
            let reply = try await backend.adminInitiateAuth(.init(
                userPoolId: userPoolId, clientId: clientId, authFlow: .adminUserPasswordAuth, authParameters: parameters))
            return try step(reply.challengeName, reply.challengeParameters, reply.session, reply.authenticationResult,
                            flow: flow, username: username, operation: "AdminInitiateAuth")
        }
        let reply = try await backend.initiateAuth(.init(
            authFlow: .init(rawValue: flow.rawValue), authParameters: parameters, clientId: clientId))
        return try step(reply.challengeName, reply.challengeParameters, reply.session, reply.authenticationResult,
                        flow: flow, username: username, operation: "InitiateAuth")
    }

    private func respond(_ challenge: SignInChallenge, _ responses: [String: String], session: String?) async throws -> SignInStep {
        if challenge.flow == .admin {
            let reply = try await backend.adminRespondToAuthChallenge(.init(
                userPoolId: userPoolId, clientId: clientId, challengeName: challenge.name,
                challengeResponses: responses, session: session))
            return try step(reply.challengeName, reply.challengeParameters, reply.session, reply.authenticationResult,
                            flow: challenge.flow, username: challenge.username, operation: "AdminRespondToAuthChallenge")
        }
        let reply = try await backend.respondToAuthChallenge(.init(
            clientId: clientId, challengeName: challenge.name, session: session, challengeResponses: responses))
        return try step(reply.challengeName, reply.challengeParameters, reply.session, reply.authenticationResult,
                        flow: challenge.flow, username: challenge.username, operation: "RespondToAuthChallenge")
    }

    /// Answers `PASSWORD_VERIFIER` with the SRP claim.
    private func verifyPassword(_ srp: CognitoSRP, _ parameters: [String: String], session: String?,
                                username: String, password: String) async throws -> SignInStep {
        let internalName = parameters["USERNAME"] ?? username
        let userId = parameters["USER_ID_FOR_SRP"] ?? internalName
        let timestamp = CognitoTimestamp.format(now())
        let signature: String
        do {
            signature = try srp.passwordClaimSignature(
                userPoolId: userPoolId, userIdForSRP: userId, password: password,
                saltHex: parameters["SALT"] ?? "", srpBHex: parameters["SRP_B"] ?? "",
                secretBlock: parameters["SECRET_BLOCK"] ?? "", timestamp: timestamp)
        } catch let error as SRPError {
            throw SignInError.srp(error)
        }
        var responses = ["USERNAME": internalName, "TIMESTAMP": timestamp,
                         "PASSWORD_CLAIM_SECRET_BLOCK": parameters["SECRET_BLOCK"] ?? "",
                         "PASSWORD_CLAIM_SIGNATURE": signature]
        addSecretHash(&responses, username: internalName)
        let verifier = SignInChallenge(name: .passwordVerifier, kind: .unsupported, parameters: parameters,
                                       username: internalName, session: session, flow: .srp)
        return try await respond(verifier, responses, session: session)
    }

    private func addSecretHash(_ parameters: inout [String: String], username: String) {
        guard let clientSecret else { return }
        parameters["SECRET_HASH"] = SecretHash.compute(username: username, clientId: clientId, clientSecret: clientSecret)
    }

    /// The step a reply describes.
    private func step(_ name: CognitoIdentityProvider.ChallengeNameType?, _ parameters: [String: String]?,
                      _ session: String?, _ result: CognitoIdentityProvider.AuthenticationResultType?,
                      flow: SignInFlow, username: String, operation: String) throws -> SignInStep {
        if let result { return .signedIn(SignInTokens(result)) }
        guard let name else { throw SignInError.emptyReply(operation: operation) }
        let parameters = parameters ?? [:]
        return .challenge(SignInChallenge(name: name, kind: SignInChallenge.kind(name, parameters), parameters: parameters,
                                          username: parameters["USERNAME"] ?? username, session: session, flow: flow))
    }
}
