import AWSCore
import CognitoAdmin

/// Temporary credentials: asked for as a guest of an identity pool or for a sign-in's ID token,
/// by the enhanced or the basic flow (`IdentityCredentials`), shown masked with the role they
/// carry, and exported in the formats of `CredentialsExport`.
extension Reducer {
    static let credentialFlows = ["enhanced", "basic"]

    static func beginCredentials(_ state: inout ConsoleState, _ origin: CredentialsOrigin) -> [ConsoleEffect] {
        let open = CredentialsFormState(ticket: state.makeID(), origin: origin)
        state.overlay = .credentialsForm(open)
        return [.tokens(.credentialsForm(ticket: open.ticket, origin))]
    }

    /// `c` in the inspector: the ID token as the login of its user pool.
    static func credentialsForTokens(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let set = currentTokens(state), let token = set.idToken, let pool = set.origin.userPoolId else { return [] }
        let region = pool.split(separator: "_").first.map(String.init) ?? ""
        let provider = "cognito-idp.\(region).amazonaws.com/\(pool)"
        return beginCredentials(&state, CredentialsOrigin(identityPoolId: nil, logins: [provider: token],
                                                          who: "\(set.origin.username ?? "the user")'s ID token"))
    }

    /// The form: the identity pool (when not given), the flow, the roles, the session's name and policy.
    /// - Parameter pools: the identity pools to choose from, as `name (id)`; `classicFlow` says
    ///   whether the basic flow is offered (nil: not known, offered).
    public static func credentialsForm(_ origin: CredentialsOrigin, pools: [String], classicFlow: Bool?) -> FormState {
        var fields: [FormField] = []
        if origin.identityPoolId == nil {
            fields.append(FormField("pool", "Identity pool", kind: .choice(pools), text: pools.first ?? "", required: true))
        }
        let flows = classicFlow == false ? ["enhanced"] : credentialFlows
        fields += [
            FormField("flow", "Flow", kind: .choice(flows), text: "enhanced", required: true),
            FormField("role", "Role ARN (enhanced: a custom role, optional; basic: the role to assume)"),
            FormField("session", "Session name (basic)", text: "cognito-tui"),
            FormField("policy", "Session policy JSON (basic, optional)"),
        ]
        let note = classicFlow == false
            ? "The pool does not allow the classic flow: GetId, then GetCredentialsForIdentity."
            : "enhanced: GetId, then GetCredentialsForIdentity; basic: GetOpenIdToken, then STS AssumeRoleWithWebIdentity."
        return FormState(title: "Temporary credentials for \(origin.who)", fields: fields, note: note)
    }

    /// The identity pool id of a `name (id)` choice.
    public static func poolID(fromChoice label: String) -> String {
        guard label.hasSuffix(")"), let open = label.lastIndex(of: "(") else { return label }
        return String(label[label.index(after: open)..<label.index(before: label.endIndex)])
    }

    static func credentialsFormKey(_ state: inout ConsoleState, _ original: CredentialsFormState, _ key: Key) -> [ConsoleEffect] {
        var open = original
        if key == .escape {
            state.overlay = nil
            state.message = StatusMessage(.info, open.waiting ? "Stopped waiting." : "Cancelled; nothing was sent.")
            return []
        }
        guard !open.waiting else { return [] }
        guard key == .enter else {
            _ = open.form.handle(key)
            state.overlay = .credentialsForm(open)
            return []
        }
        let valid = open.form.validateAll()
        let values = open.form.values
        if valid, values["flow"] == "basic", (values["role"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty,
           let index = open.form.fields.firstIndex(where: { $0.key == "role" }) {
            open.form.fields[index].error = "The basic flow needs the ARN of the role to assume."
        }
        guard open.form.fields.allSatisfy({ $0.error == nil }) else {
            state.overlay = .credentialsForm(open)
            state.message = StatusMessage(.warning, open.form.fields.first { $0.error != nil }?.error ?? "Check the form.")
            return []
        }
        open.waiting = true
        state.overlay = .credentialsForm(open)
        state.message = StatusMessage(.info, "Asking for credentials…")
        return [.tokens(.issue(ticket: open.ticket, open.origin, values))]
    }

    static func credentialsReply(_ state: inout ConsoleState, _ reply: TokenReply) -> [ConsoleEffect] {
        switch reply {
        case .caller(let address, let ticket, let arn, let failure):
            state.withContent(address) { content in
                guard case .credentials(var credentials) = content, credentials.asking == ticket else { return }
                credentials.asking = nil
                credentials.callerArn = arn
                credentials.callerFailure = failure
                content = .credentials(credentials)
            }
            return []
        default:
            break
        }
        guard case .credentialsForm(var open)? = state.overlay else { return [] }
        switch reply {
        case .credentialsForm(let ticket, let form) where ticket == open.ticket:
            open.form = form
            open.waiting = false
            state.overlay = .credentialsForm(open)
        case .issued(let ticket, let credentials) where ticket == open.ticket:
            state.overlay = nil
            state.message = StatusMessage(.info, "Got temporary credentials for \(credentials.identityId ?? open.origin.who).")
            return push(&state, .credentials(credentials))
        case .failed(let ticket, let sentence) where ticket == open.ticket:
            if open.form.fields.isEmpty {
                state.overlay = nil
            } else {
                open.waiting = false
                state.overlay = .credentialsForm(open)
            }
            state.message = StatusMessage(.error, sentence)
        default:
            break
        }
        return []
    }

    static func currentCredentials(_ state: ConsoleState) -> CredentialsState? {
        if case .credentials(let credentials) = state.currentContent { return credentials }
        return nil
    }

    static func copyCredentials(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let credentials = currentCredentials(state) else { return [] }
        state.message = StatusMessage(.info, "Copied the credentials as environment lines to the clipboard.")
        return [.frontEnd(.copyToClipboard(CredentialsExport.environment(credentials.credentials)))]
    }

    static let exportFormats = ["environment", "credential_process", "credentials file"]

    static func openExport(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let credentials = currentCredentials(state) else { return [] }
        state.overlay = .exportForm(ExportFormState(credentials: credentials, form: FormState(title: "Export the credentials", fields: [
            FormField("format", "Format", kind: .choice(exportFormats), text: exportFormats[0], required: true),
            FormField("profile", "Profile (credentials file)", text: "cognito-tui"),
            FormField("path", "Save to (a new file; relative to the working folder)"),
            FormField("copy", "Copy to the clipboard", kind: .flag, text: "no"),
        ], note: "The file is created readable by you only; an existing file is never overwritten.")))
        return []
    }

    /// The export in a format.
    public static func exportText(_ credentials: Credentials, format: String, profile: String) throws -> String {
        switch format {
        case "credential_process":
            return String(decoding: try CredentialsExport.credentialProcess(credentials), as: UTF8.self) + "\n"
        case "credentials file":
            return CredentialsExport.credentialsFileSection(credentials, profile: profile.isEmpty ? "cognito-tui" : profile)
        default:
            return CredentialsExport.environment(credentials)
        }
    }

    static func exportFormKey(_ state: inout ConsoleState, _ original: ExportFormState, _ key: Key) -> [ConsoleEffect] {
        var open = original
        switch key {
        case .escape:
            state.overlay = nil
            return []
        case .enter:
            let values = open.form.values
            let path = (values["path"] ?? "").trimmingCharacters(in: .whitespaces)
            let copy = values.flag("copy")
            guard open.form.validateAll(), !path.isEmpty || copy else {
                state.overlay = .exportForm(open)
                state.message = StatusMessage(.warning, "Give a file to save to, or set Copy to yes.")
                return []
            }
            let text: String
            do {
                text = try exportText(open.credentials.credentials, format: values["format"] ?? "", profile: values["profile"] ?? "")
            } catch {
                state.message = StatusMessage(.error, "The credentials could not be written out: \(error).")
                return []
            }
            state.overlay = nil
            var effects: [ConsoleEffect] = []
            if copy {
                effects.append(.frontEnd(.copyToClipboard(text)))
                state.message = StatusMessage(.info, "Copied the \(values["format"] ?? "") export to the clipboard.")
            }
            if !path.isEmpty { effects.append(.tokens(.save(path: path, text: text))) }
            return effects
        default:
            _ = open.form.handle(key)
            state.overlay = .exportForm(open)
            return []
        }
    }
}
