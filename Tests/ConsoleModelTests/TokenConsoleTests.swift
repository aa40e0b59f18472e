import AWSCore
import CognitoAPI
import ConsoleModel
import ConsoleTestSupport
import Foundation
import Testing
import TestSupport

/// Signing in as a user, the token inspector and temporary credentials, in the view-model
/// against the emulator (whose SRP checks the password claim and whose tokens are RS256-signed
/// with the keys it serves as JWKS).
@MainActor
@Suite("Sign-in, tokens and credentials in the console against the emulator", .timeLimit(.minutes(5)))
struct TokenConsoleTests {
    static let password = "Corr3ct-horse-b4ttery!"
    static let guestRole = "arn:aws:iam::123456789012:role/console-guest"
    let backend: ClientBackend
    let pool: String
    let publicClient: String
    let secretClient: String

    init() async throws {
        backend = try EmulatorBackend.make()
        pool = try #require(try await backend.createUserPool(.init(poolName: EmulatorBackend.unique("tokens"))).userPool?.id)
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

    /// Tokens of a sign-in made with the domain layer, for panes that start on them.
    func signedIn(_ name: String, client: String) async throws -> SignInTokens {
        let signIn = try await SignIn.prepare(backend, userPoolId: pool, clientId: client, now: Date.init)
        guard case .signedIn(let tokens) = try await signIn.start(.srp, username: name, password: Self.password) else {
            throw SignInError.emptyReply(operation: "test sign-in")
        }
        return tokens
    }

    func model(_ backend: ClientBackend, start: PaneKind, local: LocalSources = LocalSources()) async -> ConsoleViewModel {
        let model = ConsoleViewModel(backend: backend, start: start, local: local, makeBackend: { _, _ in backend })
        model.handle(.resize(columns: 120, rows: 40, bodyHeight: 30))
        await model.settle()
        return model
    }

    func press(_ model: ConsoleViewModel, _ keys: Key...) async {
        for key in keys { model.handle(.key(key)) }
        await model.settle()
    }

    func type(_ model: ConsoleViewModel, _ text: String) {
        for char in text { model.handle(.key(.character(char))) }
    }

    /// The rows of a section of the detail body.
    static func section(_ model: ConsoleViewModel, _ title: String) -> [(key: String, value: String)] {
        guard case .detail(let view) = model.screen.body else { return [] }
        return view.sections.first { $0.title == title }?.rows ?? []
    }

    /// Every value on the screen's body and overlay, as one text.
    static func shown(_ model: ConsoleViewModel) -> String {
        var text = ""
        if case .detail(let view) = model.screen.body {
            for section in view.sections { text += section.rows.map { "\($0.key) \($0.value)\n" }.joined() }
        }
        if case .prompt(let prompt)? = model.screen.overlay { text += prompt.input }
        return text
    }

    /// Picks the client in the open sign-in form and, from SRP, steps the flow by `flowSteps` to the left.
    func choose(_ model: ConsoleViewModel, client: String, flowSteps: Int = 0) async throws {
        guard case .signIn(let open)? = model.state.overlay, case .start(let clients) = open.stage else {
            Issue.record("no sign-in form: \(String(describing: model.state.overlay)) \(String(describing: model.screen.message))")
            throw CancellationError()
        }
        #expect(Set(clients.map(\.id)) == [publicClient, secretClient])
        let index = try #require(clients.firstIndex { $0.id == client })
        let current = try #require(clients.firstIndex { $0.label == open.form.fields[0].text })
        await press(model, .up, .up)
        for _ in 0..<((index - current + clients.count) % clients.count) { await press(model, .right) }
        await press(model, .down)
        for _ in 0..<flowSteps { await press(model, .left) }
        await press(model, .down)
    }

    @Test("t on a user signs in by SRP and by the admin flow, with and without a client secret; every check of the tokens passes")
    func signInSRPAndAdmin() async throws {
        try await user("ann")
        let model = await model(backend, start: .user(poolID: pool, username: "ann"))
        for (client, flowSteps, flow) in [(secretClient, 0, "USER_SRP_AUTH"), (publicClient, 2, "ADMIN_USER_PASSWORD_AUTH")] {
            await press(model, .character("t"))
            try await choose(model, client: client, flowSteps: flowSteps)
            guard case .signIn(let open)? = model.state.overlay else { Issue.record("the form closed"); return }
            #expect(open.form.fields[1].text == flow)
            #expect(open.form.note?.contains("SECRET_HASH") == (client == secretClient))
            type(model, Self.password)
            await press(model, .enter)
            guard case .tokens(let set) = model.state.current.kind else {
                Issue.record("no inspector: \(String(describing: model.screen.message))")
                return
            }
            #expect(set.origin.flow == flow && set.origin.clientId == client && set.origin.username == "ann")
            let checks = Self.section(model, "Verification")
            #expect(checks.map(\.key) == ["signature", "issuer", "audience", "token_use", "expiry"])
            #expect(checks.allSatisfy { $0.value.hasPrefix("pass") }, "\(checks)")
            #expect(Self.section(model, "Summary").first { $0.key == "username" }?.value == "ann")
            await press(model, .character("2"))
            #expect(Self.section(model, "Verification").allSatisfy { $0.value.hasPrefix("pass") }, "the access token's checks")
            await press(model, .escape)
        }
    }

    @Test("the tokens are masked on the screen until v reveals them, and the pasted text of :jwt is masked as it is typed")
    func masking() async throws {
        try await user("meg")
        let tokens = try await signedIn("meg", client: publicClient)
        let id = try #require(tokens.idToken), refresh = try #require(tokens.refreshToken)
        let model = await model(backend, start: .tokens(TokenSet(tokens, origin: TokenOrigin(
            userPoolId: pool, clientId: publicClient, clientName: "public", username: "meg", flow: "USER_SRP_AUTH"))))
        #expect(!Self.shown(model).contains(String(id.prefix(40))), "masked")
        await press(model, .character("v"))
        #expect(Self.shown(model).contains(String(id.prefix(64))), "revealed")
        await press(model, .character("v"))
        #expect(!Self.shown(model).contains(String(id.prefix(40))), "hidden again")
        await press(model, .character("3"))
        #expect(!Self.shown(model).contains(String(refresh.prefix(40))), "the refresh token is masked too")

        await press(model, .character(":"))
        type(model, "jwt " + id)
        #expect(!Self.shown(model).contains(String(id.prefix(20))), "the pasted token is dots in the prompt")
        guard case .prompt(let prompt)? = model.screen.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.input == "jwt " + String(repeating: "•", count: id.count))
    }

    @Test("NEW_PASSWORD_REQUIRED is answered in the console's form, and the new password then signs in")
    func newPasswordChallenge() async throws {
        try await user("nina", permanent: false)
        let model = await model(backend, start: .user(poolID: pool, username: "nina"))
        await press(model, .character("t"))
        try await choose(model, client: secretClient)
        type(model, Self.password)
        await press(model, .enter)
        guard case .signIn(let open)? = model.state.overlay, case .challenge(let challenge, _) = open.stage else {
            Issue.record("no challenge: \(String(describing: model.screen.message))")
            return
        }
        #expect(challenge.name == .newPasswordRequired)
        #expect(open.form.view.fields.first?.value == "", "the new password starts empty")
        let newPassword = "N3w-horse-b4ttery!"
        type(model, newPassword)
        if case .form(let form)? = model.screen.overlay { #expect(form.fields[0].value == String(repeating: "•", count: newPassword.count)) }
        await press(model, .enter)
        guard case .tokens = model.state.current.kind else { Issue.record("no tokens: \(String(describing: model.screen.message))"); return }
        let signIn = try await SignIn.prepare(backend, userPoolId: pool, clientId: publicClient, now: Date.init)
        guard case .signedIn = try await signIn.start(.password, username: "nina", password: newPassword) else {
            Issue.record("the new password does not sign in")
            return
        }
    }

    @Test(":jwt verifies a pasted token: every check passes for the emulator's token, the signature fails for one changed byte")
    func pastedToken() async throws {
        try await user("jo")
        let id = try #require(try await signedIn("jo", client: publicClient).idToken)
        let model = await model(backend, start: .userPools)
        func paste(_ token: String) async {
            await press(model, .character(":"))
            type(model, "jwt " + token)
            await press(model, .enter)
        }
        await paste(id)
        let checks = Self.section(model, "Verification")
        #expect(checks.filter { $0.value.hasPrefix("FAIL") }.isEmpty, "\(checks)")
        #expect(checks.first { $0.key == "signature" }?.value.hasPrefix("pass") == true)
        #expect(checks.first { $0.key == "audience" }?.value.hasPrefix("skip") == true, "a pasted token names no client to compare with")

        await press(model, .escape)
        var parts = id.split(separator: ".").map(String.init)
        var signature = Array(parts[2])
        let middle = signature.count / 2
        signature[middle] = signature[middle] == "A" ? "B" : "A"
        parts[2] = String(signature)
        await paste(parts.joined(separator: "."))
        let tampered = Self.section(model, "Verification")
        #expect(tampered.first { $0.key == "signature" }?.value.hasPrefix("FAIL") == true, "\(tampered)")
        #expect(tampered.filter { $0.value.hasPrefix("FAIL") }.count == 1)
    }

    @Test("revoking the refresh token under read-only is refused and sends nothing; in a writable console it revokes after y")
    func revokeUnderReadOnly() async throws {
        try await user("rex")
        let tokens = try await signedIn("rex", client: secretClient)
        let refresh = try #require(tokens.refreshToken)
        let start = PaneKind.tokens(TokenSet(tokens, origin: TokenOrigin(
            userPoolId: pool, clientId: secretClient, clientName: "private", username: "rex", flow: "USER_SRP_AUTH")))
        let signIn = try await SignIn.prepare(backend, userPoolId: pool, clientId: secretClient, now: Date.init)

        let readOnly = await model(try EmulatorBackend.make(readOnly: true), start: start)
        await press(readOnly, .character("x"))
        #expect(readOnly.state.overlay == nil, "no confirmation opens")
        #expect(readOnly.screen.message?.text.contains("read-only: RevokeToken changes data") == true,
                "\(String(describing: readOnly.screen.message))")
        guard case .signedIn = try await signIn.refresh(refreshToken: refresh, username: "rex") else {
            Issue.record("the refresh token stopped working")
            return
        }
        let user = await model(try EmulatorBackend.make(readOnly: true), start: .user(poolID: pool, username: "rex"))
        await press(user, .character("t"))
        #expect(user.state.overlay == nil && user.screen.message?.text.contains("read-only") == true, "sign-in is refused too")

        let writable = await model(backend, start: start)
        await press(writable, .character("a"))
        guard case .simulation(let title, let lines) = writable.state.current.kind else { Issue.record("no GetUser pane"); return }
        #expect(title == "What the app sees: GetUser" && lines.contains { $0.contains("\"Username\" : \"rex\"") }, "\(lines)")
        await press(writable, .escape)
        await press(writable, .character("x"))
        guard case .confirm? = writable.state.overlay else { Issue.record("no confirmation"); return }
        await press(writable, .character("y"))
        #expect(writable.screen.message?.text.hasPrefix("Revoked the refresh token") == true, "\(String(describing: writable.screen.message))")
        await #expect { try await signIn.refresh(refreshToken: refresh, username: "rex") } throws: { error in
            (error as? AWSServiceError)?.code == "NotAuthorizedException"
        }
        await press(writable, .character("a"))
        #expect(writable.screen.message?.text.hasPrefix("GetUser with the access token failed") == true,
                "the access tokens it issued stop working: \(String(describing: writable.screen.message))")
    }

    @Test("MFA_SETUP shows the authenticator secret and its otpauth URI and takes the app's code; SOFTWARE_TOKEN_MFA takes the code")
    func mfaChallenges() async throws {
        try await user("cat")
        let signIn = try await SignIn.prepare(backend, userPoolId: pool, clientId: publicClient, now: Date.init)
        guard case .signedIn(let first) = try await signIn.start(.password, username: "cat", password: Self.password),
              let access = first.accessToken else { Issue.record("no first sign-in"); return }
        _ = try await backend.associateSoftwareToken(.init(accessToken: access))
        _ = try await backend.verifySoftwareToken(.init(accessToken: access, userCode: "123456"))
        _ = try await backend.adminSetUserMFAPreference(.init(
            softwareTokenMfaSettings: .init(enabled: true, preferredMfa: true), username: "cat", userPoolId: pool))
        _ = try await backend.setUserPoolMfaConfig(.init(
            userPoolId: pool, softwareTokenMfaConfiguration: .init(enabled: true), mfaConfiguration: .on))
        try await user("eve")

        for (name, expected) in [("eve", CognitoIdentityProvider.ChallengeNameType.mfaSetup), ("cat", .softwareTokenMfa)] {
            let model = await model(backend, start: .user(poolID: pool, username: name))
            await press(model, .character("t"))
            try await choose(model, client: secretClient)
            type(model, Self.password)
            await press(model, .enter)
            guard case .signIn(let open)? = model.state.overlay, case .challenge(let challenge, let totp) = open.stage else {
                Issue.record("no challenge for \(name): \(String(describing: model.screen.message))")
                return
            }
            #expect(challenge.name == expected)
            if expected == .mfaSetup {
                let secret = try #require(totp?.secret)
                guard case .form(let form)? = model.screen.overlay else { Issue.record("no form"); return }
                #expect(form.fields.map(\.value).contains(secret), "the secret is shown to be typed into the app")
                #expect(form.fields.contains { $0.value.hasPrefix("otpauth://totp/\(pool):\(name)?secret=\(secret)") })
            }
            type(model, "123456")
            guard case .form(let typed)? = model.screen.overlay else { Issue.record("no form"); return }
            #expect(typed.fields.last?.value == "••••••", "the code is masked")
            await press(model, .enter)
            guard case .tokens = model.state.current.kind else {
                Issue.record("no tokens for \(name): \(String(describing: model.screen.message))")
                return
            }
        }
    }

    @Test("c in the inspector gets credentials for the ID token by the enhanced and the basic flow, carrying the mapped role")
    func credentialsForTokens() async throws {
        let userRole = "arn:aws:iam::123456789012:role/console-user"
        let classicRole = "arn:aws:iam::123456789012:role/console-classic"
        let provider = "cognito-idp.us-east-1.amazonaws.com/\(pool)"
        let name = EmulatorBackend.unique("users").replacingOccurrences(of: "-", with: "_")
        let identityPool = try await backend.identity.createIdentityPool(.init(
            identityPoolName: name, allowUnauthenticatedIdentities: false, allowClassicFlow: true,
            cognitoIdentityProviders: [.init(providerName: provider, clientId: publicClient)])).identityPoolId
        _ = try await backend.identity.setIdentityPoolRoles(.init(identityPoolId: identityPool, roles: ["authenticated": userRole]))
        try await user("ida")
        let tokens = try await signedIn("ida", client: publicClient)
        let model = await model(backend, start: .tokens(TokenSet(tokens, origin: TokenOrigin(
            userPoolId: pool, clientId: publicClient, clientName: "public", username: "ida", flow: "USER_SRP_AUTH"))))

        for (flowSteps, role, session) in [(0, "console-user", "CognitoIdentityCredentials"), (1, "console-classic", "cognito-tui")] {
            await press(model, .character("c"))
            guard case .credentialsForm(let open)? = model.state.overlay, case .choice(let pools) = open.form.fields[0].kind else {
                Issue.record("no form: \(String(describing: model.screen.message))")
                return
            }
            let label = "\(name) (\(identityPool))"
            let index = try #require(pools.firstIndex(of: label), "\(pools)")
            await press(model, .up, .up)
            for _ in 0..<index { await press(model, .right) }
            await press(model, .down)
            for _ in 0..<flowSteps { await press(model, .right) }
            await press(model, .down)
            if flowSteps == 1 { type(model, classicRole) }
            await press(model, .enter)
            guard case .credentials(let issued) = model.state.currentContent else {
                Issue.record("no credentials: \(String(describing: model.screen.message))")
                return
            }
            #expect(issued.identityPoolId == identityPool)
            let arn = Self.section(model, "Acting as (GetCallerIdentity)").first { $0.key == "arn" }?.value ?? ""
            #expect(arn.contains(":assumed-role/\(role)/"), "\(arn)")
            #expect(flowSteps == 0 || arn.hasSuffix("/\(session)"), "\(arn)")
            await press(model, .escape)
        }
    }

    @Test("t on an identity pool gets a guest's credentials, masked until v, carrying the pool's role; w exports the three formats")
    func credentialsAndExport() async throws {
        let name = EmulatorBackend.unique("guests").replacingOccurrences(of: "-", with: "_")
        let identityPool = try await backend.identity.createIdentityPool(.init(
            identityPoolName: name, allowUnauthenticatedIdentities: true)).identityPoolId
        _ = try await backend.identity.setIdentityPoolRoles(.init(identityPoolId: identityPool, roles: ["unauthenticated": Self.guestRole]))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(EmulatorBackend.unique("export")).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let local = LocalSources(reports: ReportFolder(path: folder, files: LocalFiles(), now: Date.init))
        let model = await model(backend, start: .resource(ResourceRef(.identityPool, [identityPool], name: name)), local: local)

        await press(model, .character("t"))
        guard case .credentialsForm(let open)? = model.state.overlay else {
            Issue.record("no form: \(String(describing: model.screen.message))")
            return
        }
        #expect(open.form.fields.first { $0.key == "flow" }?.kind == .choice(["enhanced"]), "the pool does not allow the classic flow")
        await press(model, .enter)
        guard case .credentials(let issued) = model.state.currentContent else {
            Issue.record("no credentials: \(String(describing: model.screen.message))")
            return
        }
        let keys = issued.credentials
        let role = Self.section(model, "Acting as (GetCallerIdentity)")
        #expect(role.first { $0.key == "arn" }?.value.contains(":assumed-role/console-guest/") == true, "\(role)")
        #expect(role.first { $0.key == "role" }?.value == "console-guest")
        #expect(Self.section(model, "Identity").first { $0.key == "identity id" }?.value == issued.identityId)
        #expect(!Self.shown(model).contains(keys.secretAccessKey) && !Self.shown(model).contains(keys.accessKeyId), "masked")
        #expect(Self.section(model, "Credentials").first { $0.key == "expires" }?.value.hasPrefix("in ") == true)
        await press(model, .character("v"))
        #expect(Self.shown(model).contains(String(keys.secretAccessKey.prefix(64))), "revealed")

        for (steps, file) in [(0, "guest.env"), (1, "guest.json"), (2, "guest.ini")] {
            await press(model, .character("w"))
            await press(model, .up)
            for _ in 0..<steps { await press(model, .right) }
            await press(model, .down, .down)
            type(model, file)
            await press(model, .enter)
            #expect(model.screen.message?.text.hasPrefix("Saved the credentials to \(folder)/\(file)") == true,
                    "\(String(describing: model.screen.message))")
        }
        let env = try String(contentsOfFile: folder + "/guest.env", encoding: .utf8)
        #expect(env.contains("export AWS_ACCESS_KEY_ID='\(keys.accessKeyId)'\nexport AWS_SECRET_ACCESS_KEY='\(keys.secretAccessKey)'\n"))
        let process = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/guest.json"))) as? [String: Any]
        #expect(process?["Version"] as? Int == 1 && process?["SecretAccessKey"] as? String == keys.secretAccessKey
                && process?["SessionToken"] as? String == keys.sessionToken)
        let ini = try String(contentsOfFile: folder + "/guest.ini", encoding: .utf8)
        #expect(ini.hasPrefix("[cognito-tui]\naws_access_key_id = \(keys.accessKeyId)\naws_secret_access_key = \(keys.secretAccessKey)\n"))

        await press(model, .character("w"), .down)
        type(model, "guest.env")
        await press(model, .enter)
        #expect(model.screen.message?.text.contains("exists already") == true, "an existing file is not overwritten")
        #expect(try String(contentsOfFile: folder + "/guest.env", encoding: .utf8) == env)
    }
}
