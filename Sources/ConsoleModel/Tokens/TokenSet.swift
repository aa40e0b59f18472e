import CognitoAdmin
import Foundation

/// Where tokens came from: a sign-in (the pool, the app client, the user, the flow) or text
/// pasted with `:jwt`.
public struct TokenOrigin: Sendable, Equatable {
    public var userPoolId: String?
    public var clientId: String?
    public var clientName: String?
    public var username: String?
    /// The flow that signed in (`USER_SRP_AUTH`, …); nil for a pasted token.
    public var flow: String?

    public init(userPoolId: String? = nil, clientId: String? = nil, clientName: String? = nil, username: String? = nil,
                flow: String? = nil) {
        self.userPoolId = userPoolId
        self.clientId = clientId
        self.clientName = clientName
        self.username = username
        self.flow = flow
    }

    /// Whether the tokens are a sign-in's (the client is known: audience and `token_use` are checked).
    public var signedIn: Bool { flow != nil }
}

/// The tokens the inspector shows, one tab each.
public struct TokenSet: Sendable, Equatable {
    public var origin: TokenOrigin
    public var idToken: String?
    public var accessToken: String?
    public var refreshToken: String?
    /// A pasted JWT whose `token_use` is neither `id` nor `access`.
    public var other: String?

    public init(origin: TokenOrigin, idToken: String? = nil, accessToken: String? = nil, refreshToken: String? = nil,
                other: String? = nil) {
        self.origin = origin
        self.idToken = idToken
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.other = other
    }

    /// A sign-in's tokens.
    public init(_ tokens: SignInTokens, origin: TokenOrigin) {
        self.init(origin: origin, idToken: tokens.idToken, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken)
    }

    /// A pasted token, in the tab its `token_use` names.
    public init(pasted text: String, jwt: JSONWebToken) {
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let origin = TokenOrigin(userPoolId: jwt.userPoolId, clientId: jwt.clientId, username: TokenSummary(jwt).username)
        switch jwt.tokenUse {
        case .id?: self.init(origin: origin, idToken: token)
        case .access?: self.init(origin: origin, accessToken: token)
        case nil: self.init(origin: origin, other: token)
        }
    }

    /// The breadcrumb: whose tokens.
    public var title: String {
        guard origin.signedIn else { return "Token (pasted)" }
        return "Tokens: \(origin.username ?? "?") @ \(origin.clientName ?? origin.clientId ?? "?")"
    }

    /// One tab per token present, in the order ID, access, refresh.
    public var tabs: [TokenTabState] {
        var tabs: [TokenTabState] = []
        if let idToken { tabs.append(TokenTabState(.id, idToken, origin: origin)) }
        if let accessToken { tabs.append(TokenTabState(.access, accessToken, origin: origin)) }
        if let other { tabs.append(TokenTabState(.other, other, origin: origin)) }
        if let refreshToken { tabs.append(TokenTabState(.refresh, refreshToken, origin: origin)) }
        return tabs
    }

    /// The ID token, for temporary credentials.
    public var loginToken: String? { idToken }
}
