import AWSCore
import CognitoAPI
import Foundation

/// The RSA signing keys of a JSON Web Key Set (RFC 7517 §5), by key id. Keys of other types
/// are skipped: Cognito signs with RS256 only.
public struct JSONWebKeySet: Sendable, Equatable {
    public let keys: [String: RSAPublicKey]

    public init(keys: [String: RSAPublicKey]) {
        self.keys = keys
    }

    /// Parses `{"keys": [{"kty": "RSA", "kid": …, "n": …, "e": …}, …]}`.
    /// - Throws: `JWKSError.malformed` when the text is not such a set.
    public init(json: Data) throws {
        guard let value = try? JSONValue(json: json), case .object(let top) = value,
              case .array(let entries)? = top["keys"]
        else { throw JWKSError.malformed("not a JSON object with a `keys` array") }
        var keys: [String: RSAPublicKey] = [:]
        for case .object(let entry) in entries {
            guard entry["kty"]?.stringValue == "RSA", let kid = entry["kid"]?.stringValue else { continue }
            guard let n = entry["n"]?.stringValue.flatMap(Base64URL.decode),
                  let e = entry["e"]?.stringValue.flatMap(Base64URL.decode)
            else { throw JWKSError.malformed("key \(kid) has no base64url `n` and `e`") }
            keys[kid] = RSAPublicKey(modulus: Array(n), exponent: Array(e))
        }
        self.keys = keys
    }
}

/// Why a pool's key set could not be had.
public enum JWKSError: Error, Equatable, CustomStringConvertible {
    /// The endpoint answered with an HTTP status other than 200.
    case status(Int, url: String)
    /// The reply is not a key set.
    case malformed(String)

    public var description: String {
        switch self {
        case .status(let status, let url): return "\(url) answered HTTP \(status)"
        case .malformed(let detail): return "the key set is malformed: \(detail)"
        }
    }
}

/// Where a user pool's signing keys are published.
public protocol JWKSFetching: Sendable {
    /// The pool's current key set.
    func keySet(userPoolId: String) async throws -> JSONWebKeySet
}

/// Fetches `<user-pool endpoint>/<pool id>/.well-known/jwks.json` over HTTP: AWS's regional
/// `cognito-idp` endpoint, or the one configured (the emulator's).
public struct JWKSEndpoint: JWKSFetching {
    let endpoint: Endpoint?
    let transport: any HTTPTransport

    /// - Parameter endpoint: nil for AWS (`https://cognito-idp.<region of the pool>.amazonaws.com`).
    public init(endpoint: Endpoint?, transport: any HTTPTransport) {
        self.endpoint = endpoint
        self.transport = transport
    }

    /// The user-pool endpoint of a session (`--endpoint-url` or the configured one, else AWS's)
    /// over its transport.
    public init(session: AWSSession) throws {
        self.init(endpoint: try session.endpoint(for: .cognitoIdentityProvider), transport: session.transport)
    }

    /// The URL the set of a pool is read from.
    public func url(userPoolId: String) -> String {
        base(userPoolId).baseURL + Self.path(userPoolId)
    }

    public func keySet(userPoolId: String) async throws -> JSONWebKeySet {
        let request = HTTPRequest(method: "GET", endpoint: base(userPoolId), path: Self.path(userPoolId))
        let response = try await transport.send(request)
        guard response.status == 200 else { throw JWKSError.status(response.status, url: url(userPoolId: userPoolId)) }
        return try JSONWebKeySet(json: response.body)
    }

    private func base(_ userPoolId: String) -> Endpoint {
        if let endpoint { return endpoint }
        let region = userPoolId.split(separator: "_").first.map(String.init) ?? "us-east-1"
        return Endpoint(host: "cognito-idp.\(region).amazonaws.com")
    }

    private static func path(_ userPoolId: String) -> String { "/\(userPoolId)/.well-known/jwks.json" }
}

/// Remembers each pool's key set; a key id it has not seen makes it fetch the set once more
/// (keys rotate), and no more than that per lookup.
public actor JWKSCache {
    private let source: any JWKSFetching
    private var sets: [String: JSONWebKeySet] = [:]

    public init(source: any JWKSFetching) {
        self.source = source
    }

    /// The key `keyId` of the pool, or nil when the pool's current set does not have it.
    public func key(userPoolId: String, keyId: String) async throws -> RSAPublicKey? {
        if let key = sets[userPoolId]?.keys[keyId] { return key }
        let fresh = try await source.keySet(userPoolId: userPoolId)
        sets[userPoolId] = fresh
        return fresh.keys[keyId]
    }

    /// Forgets every set.
    public func clear() {
        sets = [:]
    }
}
