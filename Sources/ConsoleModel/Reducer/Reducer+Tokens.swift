import AWSCore
import CognitoAdmin

/// The token inspector: `:jwt`, each token's verification, reveal and copy, what the app sees,
/// and revoking the refresh token (asked first, refused under read-only).
extension Reducer {
    /// `:jwt TOKEN`: the token decoded in the inspector; text that is not a JWT is one sentence
    /// that never quotes it.
    static func inspect(_ state: inout ConsoleState, pasted text: String) -> [ConsoleEffect] {
        do {
            let jwt = try JSONWebToken(compact: text)
            state.message = nil
            return push(&state, .tokens(TokenSet(pasted: text, jwt: jwt)))
        } catch {
            state.message = StatusMessage(.error, "That is not a JWT: \(error).")
            return []
        }
    }

    /// The tokens of the current pane, when it is the inspector.
    static func currentTokens(_ state: ConsoleState) -> TokenSet? {
        if case .tokens(let set) = state.current.kind { return set }
        return nil
    }

    static func currentToken(_ state: ConsoleState) -> TokenTabState? {
        if case .token(let tab) = state.currentContent { return tab }
        return nil
    }

    /// The first step of showing a token tab: its verification.
    static func verifyIfNeeded(_ tab: inout TokenTabState, _ address: TabAddress, ticket: Int) -> [ConsoleEffect] {
        guard tab.needsVerification else { return [] }
        tab.verifying = ticket
        return [.tokens(.verify(address, ticket: ticket, token: tab.token, tab.expectations))]
    }

    /// Why a call refused under read-only cannot be made; nil when it can.
    static func readOnlyRefusal(_ state: ConsoleState, _ operations: [String]) -> String? {
        let changing = operations.filter(OperationFacts.mutates)
        guard state.info.readOnly, !changing.isEmpty else { return nil }
        return "read-only: \(changing.joined(separator: ", ")) changes data"
    }

    static func toggleReveal(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.withContent(state.currentAddress) { content in
            switch content {
            case .token(var tab):
                tab.revealed.toggle()
                content = .token(tab)
            case .credentials(var credentials):
                credentials.revealed.toggle()
                content = .credentials(credentials)
            default:
                break
            }
        }
        return []
    }

    static func copyToken(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let tab = currentToken(state) else { return [] }
        state.message = StatusMessage(.info, "Copied the \(tab.kind.rawValue.lowercased().replacingOccurrences(of: "id ", with: "ID ")) to the clipboard.")
        return [.frontEnd(.copyToClipboard(tab.token))]
    }

    static func appView(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let set = currentTokens(state), let access = set.accessToken,
              let pool = set.origin.userPoolId, let client = set.origin.clientId else { return [] }
        state.message = StatusMessage(.info, "Asking GetUser with the access token…")
        return [.tokens(.appView(pool: pool, client: client, accessToken: access))]
    }

    /// `x`: asks, then revokes the refresh token.
    static func askRevoke(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let set = currentTokens(state), let refresh = set.refreshToken,
              let pool = set.origin.userPoolId, let client = set.origin.clientId else { return [] }
        let user = ResourceRef(.user, [pool, set.origin.username ?? ""], name: set.origin.username)
        let request = ActionRequest(ticket: state.makeID(), action: ActionKey(.user, "revoke-token"), ref: user)
        state.overlay = .confirm(ConfirmState(
            request: request, title: "Revoke the refresh token",
            question: "Revoke this refresh token of \(set.origin.username ?? "the user") (RevokeToken)? It can no longer get new tokens, and the access tokens it issued stop working."
                + (state.info.protected ? " This profile is protected." : ""),
            lines: [], typeToConfirm: state.info.protected ? user.title : nil,
            pending: .effects([.tokens(.revoke(pool: pool, client: client, refreshToken: refresh))])))
        return []
    }

    /// Results of token work.
    static func tokenReply(_ state: inout ConsoleState, _ reply: TokenReply) -> [ConsoleEffect] {
        switch reply {
        case .appClients, .stepped:
            return signInReply(&state, reply)
        case .failed:
            if case .signIn? = state.overlay { return signInReply(&state, reply) }
            return credentialsReply(&state, reply)
        case .credentialsForm, .issued, .caller:
            return credentialsReply(&state, reply)
        case .verified(let address, let ticket, let verification):
            state.withContent(address) { content in
                guard case .token(var tab) = content, tab.verifying == ticket else { return }
                tab.verifying = nil
                tab.verification = verification
                content = .token(tab)
            }
            return []
        case .unverified(let address, let ticket, let sentence):
            state.withContent(address) { content in
                guard case .token(var tab) = content, tab.verifying == ticket else { return }
                tab.verifying = nil
                tab.verifyFailure = sentence
                content = .token(tab)
            }
            return []
        }
    }
}

extension KeyTables {
    /// In the token inspector.
    public static let tokens = KeyTable("Token", [
        KeyAction([.character("v")], "reveal / hide the token", hint: true) { Reducer.toggleReveal(&$0) },
        KeyAction([.character("y")], "copy the token", hint: true) { Reducer.copyToken(&$0) },
        KeyAction([.character("a")], "what the app sees (GetUser with the access token)", hint: true, whyDisabled: { state in
            guard let set = Reducer.currentTokens(state) else { return "no tokens" }
            if set.accessToken == nil { return "no access token" }
            return set.origin.userPoolId == nil ? "the token names no user pool" : nil
        }) { Reducer.appView(&$0) },
        KeyAction([.character("x")], "revoke the refresh token", hint: true, whyDisabled: { state in
            guard let set = Reducer.currentTokens(state), set.refreshToken != nil else { return "no refresh token" }
            return Reducer.readOnlyRefusal(state, ["RevokeToken"])
        }) { Reducer.askRevoke(&$0) },
        KeyAction([.character("c")], "temporary credentials for the ID token", hint: true, whyDisabled: { state in
            guard let set = Reducer.currentTokens(state), set.idToken != nil, set.origin.userPoolId != nil else { return "no ID token" }
            return Reducer.whyDisabled(TokenActions.guestCredentials, state)
        }) { Reducer.credentialsForTokens(&$0) },
    ])

    /// In the credentials view.
    public static let credentials = KeyTable("Credentials", [
        KeyAction([.character("v")], "reveal / hide the keys", hint: true) { Reducer.toggleReveal(&$0) },
        KeyAction([.character("y")], "copy them as environment lines", hint: true) { Reducer.copyCredentials(&$0) },
        KeyAction([.character("w"), .character("X")], "export: environment lines, credential_process JSON or a credentials file section",
                  hint: true) { Reducer.openExport(&$0) },
    ])
}
