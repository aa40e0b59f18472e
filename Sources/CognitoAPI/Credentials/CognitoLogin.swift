import Foundation

/// The token of one login provider in an identity's `Logins` map (`accounts.google.com`,
/// `cognito-idp.<region>.amazonaws.com/<user pool id>`, …): fixed, or asked for afresh each
/// time credentials are fetched, as the AWS SDK for JavaScript's `logins` values may be.
public enum CognitoLogin: Sendable, ExpressibleByStringLiteral {
    case token(String)
    case provider(@Sendable () async throws -> String)

    public init(stringLiteral value: String) {
        self = .token(value)
    }

    /// The token now.
    public func resolve() async throws -> String {
        switch self {
        case .token(let token): return token
        case .provider(let fetch): return try await fetch()
        }
    }

    /// Every login's token now; nil for no logins (the service tells "none" from "empty").
    static func resolve(_ logins: [String: CognitoLogin]) async throws -> [String: String]? {
        guard !logins.isEmpty else { return nil }
        var tokens: [String: String] = [:]
        for (provider, login) in logins { tokens[provider] = try await login.resolve() }
        return tokens
    }
}
