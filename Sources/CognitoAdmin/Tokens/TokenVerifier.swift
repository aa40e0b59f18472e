import AWSCore
import Foundation

/// Checks a Cognito token the way a resource server must ("Verifying a JSON Web Token" in the
/// Amazon Cognito Developer Guide): the RS256 signature against the pool's published keys, the
/// issuer, the audience, `token_use`, and the expiry. Every check is reported, passed or not.
public struct TokenVerifier: Sendable {
    let keys: JWKSCache
    let now: @Sendable () -> Date

    /// - Parameters:
    ///   - keys: the pools' key sets (one cache serves every pool).
    ///   - now: the clock the expiry is judged by.
    public init(keys: JWKSCache, now: @escaping @Sendable () -> Date) {
        self.keys = keys
        self.now = now
    }

    /// Runs every check; never throws (a key set that cannot be read fails the signature check).
    public func verify(_ token: JSONWebToken, expecting expected: TokenExpectations = TokenExpectations()) async -> TokenVerification {
        let pool = expected.userPoolId ?? token.userPoolId
        return TokenVerification(checks: [
            await signature(token, pool: pool),
            issuer(token, pool: pool),
            audience(token, client: expected.clientId),
            tokenUse(token, expected: expected.tokenUse),
            expiry(token, leeway: expected.leeway),
        ])
    }

    /// The issuer Cognito writes into a pool's tokens.
    public static func issuer(userPoolId: String) -> String {
        let region = userPoolId.split(separator: "_").first.map(String.init) ?? ""
        return "https://cognito-idp.\(region).amazonaws.com/\(userPoolId)"
    }

    private func signature(_ token: JSONWebToken, pool: String?) async -> TokenCheck {
        let check = TokenCheck.Kind.signature
        guard token.algorithm == "RS256" else {
            return .init(check, .failed, "the algorithm is \(token.algorithm ?? "missing"), not RS256")
        }
        guard let kid = token.keyId else { return .init(check, .failed, "the header has no kid") }
        guard let pool else { return .init(check, .failed, "no user pool to take the keys from") }
        let key: RSAPublicKey?
        do {
            key = try await keys.key(userPoolId: pool, keyId: kid)
        } catch {
            return .init(check, .failed, "the keys of \(pool) could not be read: \(error)")
        }
        guard let key else { return .init(check, .failed, "the keys of \(pool) have no kid \(kid)") }
        do {
            return try key.verifySHA256(signature: token.signature, message: token.signingInput)
                ? .init(check, .passed, "RS256 by key \(kid) of \(pool)")
                : .init(check, .failed, "the signature does not match key \(kid) of \(pool)")
        } catch {
            return .init(check, .failed, "key \(kid) of \(pool) is unusable: \(error)")
        }
    }

    private func issuer(_ token: JSONWebToken, pool: String?) -> TokenCheck {
        guard let actual = token.string("iss") else { return .init(.issuer, .failed, "the token has no iss") }
        guard let pool else { return .init(.issuer, .failed, "\(actual) is not a Cognito user pool") }
        let wanted = Self.issuer(userPoolId: pool)
        return actual == wanted ? .init(.issuer, .passed, actual) : .init(.issuer, .failed, "\(actual), expected \(wanted)")
    }

    private func audience(_ token: JSONWebToken, client: String?) -> TokenCheck {
        // An ID token names its client in aud, an access token in client_id.
        let claim = token.tokenUse == .access ? "client_id" : "aud"
        guard let actual = token.clientId else { return .init(.audience, .failed, "the token has no \(claim)") }
        guard let client else { return .init(.audience, .skipped, "\(claim) \(actual); no client to compare with") }
        return actual == client
            ? .init(.audience, .passed, "\(claim) \(actual)")
            : .init(.audience, .failed, "\(claim) \(actual), expected \(client)")
    }

    private func tokenUse(_ token: JSONWebToken, expected: TokenUse?) -> TokenCheck {
        guard let raw = token.string("token_use") else { return .init(.tokenUse, .failed, "the token has no token_use") }
        guard let use = TokenUse(rawValue: raw) else { return .init(.tokenUse, .failed, "\(raw), expected id or access") }
        if let expected, expected != use { return .init(.tokenUse, .failed, "\(raw), expected \(expected.rawValue)") }
        return .init(.tokenUse, .passed, raw)
    }

    private func expiry(_ token: JSONWebToken, leeway: TimeInterval) -> TokenCheck {
        guard let exp = token.date("exp") else { return .init(.expiry, .failed, "the token has no exp") }
        let current = now()
        let stamp = ISO8601.format(exp)
        return current < exp.addingTimeInterval(leeway)
            ? .init(.expiry, .passed, "expires \(stamp)")
            : .init(.expiry, .failed, "expired \(stamp)")
    }
}

/// What a token must match; nil members are taken from the token (the pool from `iss`) or not
/// compared (the client).
public struct TokenExpectations: Sendable, Equatable {
    public var userPoolId: String?
    public var clientId: String?
    public var tokenUse: TokenUse?
    /// Clock skew allowed on the expiry.
    public var leeway: TimeInterval

    public init(userPoolId: String? = nil, clientId: String? = nil, tokenUse: TokenUse? = nil, leeway: TimeInterval = 0) {
        self.userPoolId = userPoolId
        self.clientId = clientId
        self.tokenUse = tokenUse
        self.leeway = leeway
    }
}

/// One check of a verification and how it came out; `detail` is facts (claims, key ids), never
/// the token.
public struct TokenCheck: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case signature, issuer, audience
        case tokenUse = "token_use"
        case expiry
    }

    public enum Outcome: String, Sendable {
        case passed, failed, skipped
    }

    public let kind: Kind
    public let outcome: Outcome
    public let detail: String

    public init(_ kind: Kind, _ outcome: Outcome, _ detail: String) {
        self.kind = kind
        self.outcome = outcome
        self.detail = detail
    }
}

/// The checks of one verification, in the order they ran.
public struct TokenVerification: Sendable, Equatable {
    public let checks: [TokenCheck]

    /// True when no check failed (a skipped check does not fail it).
    public var passed: Bool { failed.isEmpty }
    /// The checks that failed.
    public var failed: [TokenCheck] { checks.filter { $0.outcome == .failed } }
    /// The check of a kind.
    public subscript(_ kind: TokenCheck.Kind) -> TokenCheck? { checks.first { $0.kind == kind } }
}
