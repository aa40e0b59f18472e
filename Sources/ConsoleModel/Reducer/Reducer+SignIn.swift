import CognitoAdmin

/// Signing in as a user: the app clients are read, the form offers each with the flows it
/// allows and a masked password, each challenge is a masked form of its own, and the tokens open
/// in the inspector. The calls are `SignIn`'s, run by the view-model.
extension Reducer {
    static func beginSignIn(_ state: inout ConsoleState, _ request: ActionRequest) -> [ConsoleEffect] {
        let pool = request.ref[0], username = request.ref.id
        state.overlay = .signIn(SignInFormState(ticket: request.ticket, pool: pool, username: username))
        return [.tokens(.appClients(ticket: request.ticket, pool: pool))]
    }

    /// The first form: client, flow, password.
    static func signInStartForm(_ open: inout SignInFormState, clients: [AppClientChoice], chosen: Int = 0) {
        let client = clients[chosen]
        open.form = FormState(title: "Sign in as \(open.username)", fields: [
            FormField("client", "App client", kind: .choice(clients.map(\.label)), text: client.label, required: true),
            FormField("flow", "Flow", kind: .choice(client.flows.map(\.rawValue)), text: defaultFlow(client)?.rawValue ?? "",
                      required: true),
            FormField("secret", "Password", kind: .secret, required: true),
        ])
        syncSignInForm(&open.form, clients: clients)
        open.form.focused = 2
    }

    static func defaultFlow(_ client: AppClientChoice) -> SignInFlow? {
        [SignInFlow.srp, .password, .admin].first(where: client.flows.contains) ?? client.flows.first
    }

    /// After a key: the flows follow the client chosen, the last field names what it takes, and
    /// the note says what the client allows.
    static func syncSignInForm(_ form: inout FormState, clients: [AppClientChoice]) {
        guard let client = clients.first(where: { $0.label == form.fields[0].text }) else { return }
        let flows = client.flows.map(\.rawValue)
        form.fields[1].kind = .choice(flows)
        if !flows.contains(form.fields[1].text) { form.fields[1].text = defaultFlow(client)?.rawValue ?? "" }
        form.fields[2].label = form.fields[1].text == SignInFlow.refresh.rawValue ? "Refresh token" : "Password"
        let allowed = client.explicitFlows.isEmpty ? "the default flows (SRP, refresh)"
            : client.explicitFlows.map { $0.hasPrefix("ALLOW_") ? String($0.dropFirst(6)) : $0 }.joined(separator: ", ")
        form.note = (client.hasSecret ? "Secret: calls carry its SECRET_HASH. " : "No secret. ") + "Allows \(allowed)."
            + (flows.isEmpty ? " None of them signs in with a password." : "")
    }

    /// A challenge's form; nil when it cannot be answered here (with the sentence why).
    static func challengeForm(_ challenge: SignInChallenge, totp: TOTPSetup?, username: String) -> (FormState?, String?) {
        let name = challenge.name.rawValue
        let title = "\(name) for \(username)"
        switch challenge.kind {
        case .newPassword(let required):
            var fields = [FormField("password", "New password", kind: .secret, required: true)]
            fields += required.map { FormField("attr." + $0, $0, required: true) }
            return (FormState(title: title, fields: fields,
                              note: "The user must choose a new password" + (required.isEmpty ? "." : " and give the attributes the pool requires.")), nil)
        case .smsCode(let destination), .emailCode(let destination):
            return (FormState(title: title, fields: [FormField("code", "Code", kind: .secret, required: true)],
                              note: "The code sent to \(destination ?? "the user")."), nil)
        case .totpCode:
            return (FormState(title: title, fields: [FormField("code", "Code", kind: .secret, required: true)],
                              note: "The current code of the user's authenticator app."), nil)
        case .selectMFAType(let options):
            let choices = options.isEmpty ? ["SOFTWARE_TOKEN_MFA", "SMS_MFA", "EMAIL_OTP"] : options
            return (FormState(title: title, fields: [FormField("method", "MFA method", kind: .choice(choices), text: choices[0], required: true)],
                              note: "The user has several MFA methods: choose the one to be asked for."), nil)
        case .mfaSetup(let options):
            guard let totp else {
                return (nil, "The user must set up \(options.isEmpty ? "MFA" : options.joined(separator: " or ")) first, which needs the user's own device; nothing more was sent.")
            }
            // Single-value choices: shown, not typed over.
            return (FormState(title: title, fields: [
                FormField("totpSecret", "Secret for the app", kind: .choice([totp.secret]), text: totp.secret),
                FormField("uri", "otpauth URI", kind: .choice([totp.uri]), text: totp.uri),
                FormField("code", "Code from the app", kind: .secret, required: true),
            ], note: "Add the account to an authenticator app with the secret or the URI, then type its code."), nil)
        case .unsupported:
            return (nil, "The \(name) challenge is not answered here; nothing more was sent.")
        }
    }

    /// The answer the challenge form's values make.
    static func challengeAnswer(_ challenge: SignInChallenge, _ values: FormValues) -> ChallengeAnswer {
        switch challenge.kind {
        case .newPassword(let required):
            var attributes: [String: String] = [:]
            for name in required { attributes[name] = values["attr." + name] ?? "" }
            return .newPassword(values["password"] ?? "", attributes: attributes)
        case .selectMFAType:
            return .mfaType(values["method"] ?? "")
        default:
            return .code((values["code"] ?? "").trimmingCharacters(in: .whitespaces))
        }
    }

    /// Keys while the sign-in is open.
    static func signInKey(_ state: inout ConsoleState, _ original: SignInFormState, _ key: Key) -> [ConsoleEffect] {
        var open = original
        if key == .escape {
            state.overlay = nil
            state.message = StatusMessage(.info, open.waiting ? "Stopped waiting; the sign-in was abandoned." : "Sign-in cancelled.")
            return []
        }
        guard !open.waiting else { return [] }
        switch (open.stage, key) {
        case (.start(let clients), .enter):
            guard open.form.validateAll(),
                  let client = clients.first(where: { $0.label == open.form.fields[0].text }),
                  let flow = SignInFlow(rawValue: open.form.fields[1].text) else {
                state.overlay = .signIn(open)
                state.message = StatusMessage(.warning, open.form.fields.first { $0.error != nil }?.error
                                              ?? "The client allows no flow that signs in with a password.")
                return []
            }
            open.client = client
            open.flow = flow
            open.waiting = true
            state.overlay = .signIn(open)
            state.message = StatusMessage(.info, "Signing in as \(open.username) (\(flow.rawValue))…")
            return [.tokens(.signIn(ticket: open.ticket, pool: open.pool, client: client.id, username: open.username,
                                    flow: flow, secret: open.form.values["secret"] ?? ""))]
        case (.challenge(let challenge, _), .enter):
            guard open.form.validateAll(), let client = open.client else {
                state.overlay = .signIn(open)
                state.message = StatusMessage(.warning, open.form.fields.first { $0.error != nil }?.error ?? "Check the form.")
                return []
            }
            open.waiting = true
            state.overlay = .signIn(open)
            state.message = StatusMessage(.info, "Answering \(challenge.name.rawValue)…")
            return [.tokens(.answer(ticket: open.ticket, pool: open.pool, client: client.id, challenge,
                                    challengeAnswer(challenge, open.form.values)))]
        case (.start(let clients), _):
            if open.form.handle(key) { syncSignInForm(&open.form, clients: clients) }
        default:
            _ = open.form.handle(key)
        }
        state.overlay = .signIn(open)
        return []
    }

    /// Replies of the sign-in's calls.
    static func signInReply(_ state: inout ConsoleState, _ reply: TokenReply) -> [ConsoleEffect] {
        guard case .signIn(var open)? = state.overlay else { return [] }
        switch reply {
        case .appClients(let ticket, let clients) where ticket == open.ticket:
            guard !clients.isEmpty else {
                state.overlay = nil
                state.message = StatusMessage(.warning, "The pool has no app clients; signing in needs one.")
                return []
            }
            signInStartForm(&open, clients: clients)
            open.stage = .start(clients)
            open.waiting = false
            state.overlay = .signIn(open)
        case .stepped(let ticket, let step, let totp) where ticket == open.ticket:
            switch step {
            case .signedIn(let tokens):
                state.overlay = nil
                let origin = TokenOrigin(userPoolId: open.pool, clientId: open.client?.id, clientName: open.client?.name,
                                         username: open.username, flow: open.flow?.rawValue)
                state.message = StatusMessage(.info, "Signed in as \(open.username) to \(open.client?.label ?? "the client") by \(open.flow?.rawValue ?? "?").")
                return push(&state, .tokens(TokenSet(tokens, origin: origin)))
            case .challenge(let challenge):
                let (form, refusal) = challengeForm(challenge, totp: totp, username: open.username)
                guard let form else {
                    state.overlay = nil
                    state.message = StatusMessage(.warning, refusal ?? "The sign-in cannot go on here.")
                    return []
                }
                open.stage = .challenge(challenge, totp: totp)
                open.form = form
                open.waiting = false
                state.overlay = .signIn(open)
                state.message = StatusMessage(.info, "Cognito asks: \(challenge.name.rawValue).")
            }
        case .failed(let ticket, let sentence) where ticket == open.ticket:
            if case .loading = open.stage {
                state.overlay = nil
            } else {
                // The form stays, to try again (a mistyped password or code).
                open.waiting = false
                state.overlay = .signIn(open)
            }
            state.message = StatusMessage(.error, sentence)
        default:
            break
        }
        return []
    }
}
