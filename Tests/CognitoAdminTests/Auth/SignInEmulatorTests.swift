import AWSCore
import CognitoAPI
import CognitoAdmin
import ConsoleTestSupport
import Foundation
import TestSupport
import Testing

/// Signing in step by step against the emulator, whose USER_SRP_AUTH checks the password claim
/// for real (scripts/emulator/idp_auth.py): every flow, with and without a client secret, and
/// each challenge the emulator sets.
@Suite("Sign-in against the emulator", .timeLimit(.minutes(5)))
struct SignInEmulatorTests {
    static let password = "Corr3ct-horse-b4ttery!"
    let backend: ClientBackend
    let pool: String
    let publicClient: String
    let secretClient: String

    init() async throws {
        backend = try EmulatorBackend.make()
        pool = try #require(try await backend.createUserPool(.init(poolName: EmulatorBackend.unique("signin"))).userPool?.id)
        let flows: [CognitoIdentityProvider.ExplicitAuthFlowsType] = [
            .allowUserSrpAuth, .allowUserPasswordAuth, .allowAdminUserPasswordAuth, .allowRefreshTokenAuth]
        publicClient = try #require(try await backend.createUserPoolClient(.init(
            userPoolId: pool, clientName: "public", explicitAuthFlows: flows)).userPoolClient?.clientId)
        secretClient = try #require(try await backend.createUserPoolClient(.init(
            userPoolId: pool, clientName: "private", generateSecret: true, explicitAuthFlows: flows)).userPoolClient?.clientId)
    }

    func user(_ name: String, permanent: Bool = true) async throws {
        _ = try await backend.adminCreateUser(.init(userPoolId: pool, username: name, temporaryPassword: permanent ? nil : Self.password,
                                                    messageAction: .suppress))
        if permanent {
            _ = try await backend.adminSetUserPassword(.init(userPoolId: pool, username: name, password: Self.password, permanent: true))
        }
    }

    func signIn(_ client: String) async throws -> SignIn {
        try await SignIn.prepare(backend, userPoolId: pool, clientId: client, now: Date.init)
    }

    func tokens(_ step: SignInStep) throws -> SignInTokens {
        guard case .signedIn(let tokens) = step else { Issue.record("expected tokens, got \(step)"); throw CancellationError() }
        return tokens
    }

    func challenge(_ step: SignInStep) throws -> SignInChallenge {
        guard case .challenge(let challenge) = step else { Issue.record("expected a challenge, got \(step)"); throw CancellationError() }
        return challenge
    }

    @Test("USER_SRP_AUTH signs in with the right password, with and without a client secret")
    func srp() async throws {
        try await user("ann")
        for client in [publicClient, secretClient] {
            let signIn = try await signIn(client)
            #expect(signIn.hasClientSecret == (client == secretClient))
            let result = try tokens(try await signIn.start(.srp, username: "ann", password: Self.password))
            let id = try JSONWebToken(compact: try #require(result.idToken))
            #expect(id.string("cognito:username") == "ann")
            #expect(result.refreshToken != nil)
        }
    }

    @Test("USER_SRP_AUTH with a wrong password is NotAuthorizedException")
    func srpWrongPassword() async throws {
        try await user("ann")
        await #expect { try await signIn(publicClient).start(.srp, username: "ann", password: "Wrong-password-1!") } throws: { error in
            (error as? AWSServiceError)?.code == "NotAuthorizedException"
        }
    }

    @Test("ADMIN_USER_PASSWORD_AUTH and USER_PASSWORD_AUTH give tokens; REFRESH_TOKEN_AUTH renews them")
    func passwordFlowsAndRefresh() async throws {
        try await user("ann")
        for client in [publicClient, secretClient] {
            let signIn = try await signIn(client)
            for flow in [SignInFlow.admin, .password] {
                let first = try tokens(try await signIn.start(flow, username: "ann", password: Self.password))
                let renewed = try tokens(try await signIn.refresh(refreshToken: try #require(first.refreshToken), username: "ann"))
                #expect(renewed.accessToken != nil && renewed.idToken != nil)
            }
        }
    }

    @Test("NEW_PASSWORD_REQUIRED after a temporary password; the new password then signs in")
    func newPasswordRequired() async throws {
        try await user("bob", permanent: false)
        for flow in [SignInFlow.admin, .srp] {
            let signIn = try await signIn(secretClient)
            let step = try challenge(try await signIn.start(flow, username: "bob", password: Self.password))
            guard case .newPassword = step.kind else { Issue.record("\(step.kind)"); return }
            let newPassword = "New-p4ssword-\(flow == .admin ? "one" : "two")!"
            _ = try tokens(try await signIn.answer(step, with: .newPassword(newPassword)))
            _ = try tokens(try await signIn.start(.password, username: "bob", password: newPassword))
            _ = try await backend.adminSetUserPassword(.init(userPoolId: pool, username: "bob", password: Self.password, permanent: false))
        }
    }

    @Test("SOFTWARE_TOKEN_MFA asks for the authenticator code, in the SRP flow too")
    func softwareTokenMFA() async throws {
        try await user("cat")
        // An authenticator app is linked with the user's own access token before it can be preferred.
        let access = try #require(try tokens(try await signIn(publicClient).start(.password, username: "cat", password: Self.password)).accessToken)
        _ = try await backend.associateSoftwareToken(.init(accessToken: access))
        _ = try await backend.verifySoftwareToken(.init(accessToken: access, userCode: "123456"))
        _ = try await backend.adminSetUserMFAPreference(.init(
            softwareTokenMfaSettings: .init(enabled: true, preferredMfa: true), username: "cat", userPoolId: pool))
        for flow in [SignInFlow.password, .srp] {
            let signIn = try await signIn(secretClient)
            let step = try challenge(try await signIn.start(flow, username: "cat", password: Self.password))
            #expect(step.kind == .totpCode)
            await #expect(throws: SignInError.answerDoesNotFit(challenge: "SOFTWARE_TOKEN_MFA")) {
                try await signIn.answer(step, with: .mfaType("SMS_MFA"))
            }
            _ = try tokens(try await signIn.answer(step, with: .code("123456")))
        }
    }

    @Test("EMAIL_OTP asks for the mailed code and names where it went")
    func emailOTP() async throws {
        _ = try await backend.adminCreateUser(.init(userPoolId: pool, username: "gus", userAttributes: [
            .init(name: "email", value: "gus@example.com")], messageAction: .suppress))
        _ = try await backend.adminSetUserPassword(.init(userPoolId: pool, username: "gus", password: Self.password, permanent: true))
        _ = try await backend.adminSetUserMFAPreference(.init(
            emailMfaSettings: .init(enabled: true, preferredMfa: true), username: "gus", userPoolId: pool))
        for flow in [SignInFlow.admin, .srp] {
            let signIn = try await signIn(secretClient)
            let step = try challenge(try await signIn.start(flow, username: "gus", password: Self.password))
            #expect(step.kind == .emailCode(destination: "g***@e***"))
            _ = try tokens(try await signIn.answer(step, with: .code("12345678")))
        }
    }

    @Test("SELECT_MFA_TYPE offers the enabled methods; the one chosen is asked for next")
    func selectMFAType() async throws {
        _ = try await backend.adminCreateUser(.init(userPoolId: pool, username: "hal", userAttributes: [
            .init(name: "email", value: "hal@example.com")], messageAction: .suppress))
        _ = try await backend.adminSetUserPassword(.init(userPoolId: pool, username: "hal", password: Self.password, permanent: true))
        let access = try #require(try tokens(try await signIn(publicClient).start(.password, username: "hal", password: Self.password)).accessToken)
        _ = try await backend.associateSoftwareToken(.init(accessToken: access))
        _ = try await backend.verifySoftwareToken(.init(accessToken: access, userCode: "123456"))
        _ = try await backend.adminSetUserMFAPreference(.init(
            softwareTokenMfaSettings: .init(enabled: true, preferredMfa: false),
            emailMfaSettings: .init(enabled: true, preferredMfa: false), username: "hal", userPoolId: pool))
        for flow in [SignInFlow.password, .srp] {
            let signIn = try await signIn(secretClient)
            let step = try challenge(try await signIn.start(flow, username: "hal", password: Self.password))
            #expect(step.kind == .selectMFAType(options: ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"]))
            await #expect(throws: SignInError.answerDoesNotFit(challenge: "SELECT_MFA_TYPE")) {
                try await signIn.answer(step, with: .mfaType("SMS_MFA"))
            }
            let next = try challenge(try await signIn.answer(step, with: .mfaType("EMAIL_OTP")))
            guard case .emailCode = next.kind else { Issue.record("\(next.kind)"); return }
            _ = try tokens(try await signIn.answer(next, with: .code("12345678")))
        }
    }

    @Test("SMS_MFA asks for the texted code")
    func smsMFA() async throws {
        _ = try await backend.adminCreateUser(.init(userPoolId: pool, username: "dan", userAttributes: [
            .init(name: "phone_number", value: "+15555550100"), .init(name: "phone_number_verified", value: "true")],
            messageAction: .suppress))
        _ = try await backend.adminSetUserPassword(.init(userPoolId: pool, username: "dan", password: Self.password, permanent: true))
        _ = try await backend.adminSetUserMFAPreference(.init(
            smsMfaSettings: .init(enabled: true, preferredMfa: true), username: "dan", userPoolId: pool))
        let signIn = try await signIn(publicClient)
        let step = try challenge(try await signIn.start(.admin, username: "dan", password: Self.password))
        guard case .smsCode = step.kind else { Issue.record("\(step.kind)"); return }
        _ = try tokens(try await signIn.answer(step, with: .code("123456")))
    }

    @Test("MFA_SETUP: the authenticator secret and its otpauth URI, then the first code finishes the sign-in")
    func mfaSetup() async throws {
        _ = try await backend.setUserPoolMfaConfig(.init(
            userPoolId: pool, softwareTokenMfaConfiguration: .init(enabled: true), mfaConfiguration: .on))
        try await user("eve")
        let signIn = try await signIn(secretClient)
        var step = try challenge(try await signIn.start(.srp, username: "eve", password: Self.password))
        #expect(step.kind == .mfaSetup(options: ["SOFTWARE_TOKEN_MFA"]))
        let setup = try await signIn.associateSoftwareToken(&step, issuer: "Staff pool")
        #expect(!setup.secret.isEmpty)
        #expect(setup.uri == "otpauth://totp/Staff%20pool:eve?secret=\(setup.secret)&issuer=Staff%20pool")
        #expect(!"\(setup)".contains(setup.secret))
        _ = try tokens(try await signIn.answer(step, with: .code("123456")))
    }

    @Test("a flow the app client does not allow is refused before anything is sent")
    func flowNotAllowed() async throws {
        let srpOnly = try #require(try await backend.createUserPoolClient(.init(
            userPoolId: pool, clientName: "amplify", explicitAuthFlows: [.allowUserSrpAuth, .allowRefreshTokenAuth])).userPoolClient?.clientId)
        let signIn = try await signIn(srpOnly)
        #expect(signIn.allows(.srp) && signIn.allows(.refresh) && !signIn.allows(.password) && !signIn.allows(.admin))
        await #expect(throws: SignInError.flowNotAllowed(.password, allowed: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])) {
            try await signIn.start(.password, username: "ann", password: Self.password)
        }
    }

    @Test("GetUser shows the user to an access token until its refresh token is revoked, with the client's secret")
    func revoke() async throws {
        try await user("fay")
        let signIn = try await signIn(secretClient)
        let result = try tokens(try await signIn.start(.srp, username: "fay", password: Self.password))
        let access = try #require(result.accessToken)
        #expect(try await signIn.user(accessToken: access).username == "fay")
        try await signIn.revoke(refreshToken: try #require(result.refreshToken))
        await #expect { try await signIn.user(accessToken: access) } throws: { error in
            (error as? AWSServiceError)?.code == "NotAuthorizedException"
        }
        await #expect { try await signIn.refresh(refreshToken: try #require(result.refreshToken), username: "fay") } throws: { error in
            (error as? AWSServiceError)?.code == "NotAuthorizedException"
        }
    }
}
