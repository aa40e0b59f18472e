import AWSCore
import CognitoAPI
import Foundation

/// What signing in, checking tokens and issuing temporary credentials need beyond the two
/// Cognito clients: the pools' signing keys (one cache for the backend's life, so each pool's key
/// set is fetched once and again only for an unknown `kid`), the way to Cognito Identity and STS
/// for the credential providers, and the clock.
public struct TokenServices: Sendable {
    /// The key sets of the pools, read from the user-pool endpoint the profile points at.
    public let keys: JWKSCache
    /// Cognito Identity and STS for an identity pool in `region`.
    public let credentials: @Sendable (_ region: String) throws -> CognitoClientConfiguration
    public let now: @Sendable () -> Date

    public init(keys: JWKSCache, credentials: @escaping @Sendable (_ region: String) throws -> CognitoClientConfiguration,
                now: @escaping @Sendable () -> Date) {
        self.keys = keys
        self.credentials = credentials
        self.now = now
    }

    /// The services of a session: its user-pool endpoint for the keys, its Cognito Identity
    /// endpoint and transport for the credentials, its clock.
    /// - Throws: `AWSClientError.configuration` for a bad endpoint.
    public init(session: AWSSession) throws {
        self.init(keys: JWKSCache(source: try JWKSEndpoint(session: session)),
                  credentials: { region in try CognitoClientConfiguration(session: session, region: region) },
                  now: session.context.now)
    }

    /// A verifier over this cache and clock.
    public var verifier: TokenVerifier { TokenVerifier(keys: keys, now: now) }
}
