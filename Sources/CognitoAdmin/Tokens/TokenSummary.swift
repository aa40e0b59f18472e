import Foundation

/// What an inspector picks out of a Cognito token: its kind, who and which client it is for,
/// its times, and the groups and roles that decide what credentials an identity pool gives.
public struct TokenSummary: Sendable, Equatable {
    public let use: TokenUse?
    public let userPoolId: String?
    public let clientId: String?
    /// `cognito:username` in an ID token, `username` in an access token.
    public let username: String?
    public let subject: String?
    public let issuedAt: Date?
    public let expiresAt: Date?
    public let authTime: Date?
    public let groups: [String]
    public let roles: [String]
    public let preferredRole: String?
    /// The scopes of an access token (`scope`, space-separated).
    public let scopes: [String]

    public init(_ token: JSONWebToken) {
        use = token.tokenUse
        userPoolId = token.userPoolId
        clientId = token.clientId
        username = token.string("cognito:username") ?? token.string("username")
        subject = token.string("sub")
        issuedAt = token.date("iat")
        expiresAt = token.date("exp")
        authTime = token.date("auth_time")
        groups = token.strings("cognito:groups") ?? []
        roles = token.strings("cognito:roles") ?? []
        preferredRole = token.string("cognito:preferred_role")
        scopes = token.string("scope").map { $0.split(separator: " ").map(String.init) } ?? []
    }

    /// Seconds until the token expires (negative once it has); nil without `exp`.
    public func secondsToExpiry(now: Date) -> TimeInterval? {
        expiresAt.map { $0.timeIntervalSince(now) }
    }
}
