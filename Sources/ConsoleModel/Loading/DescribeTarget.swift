import CognitoAPI
import Foundation

/// A resource `d` describes: the describe/get operation's typed output, re-encoded as pretty
/// JSON with sorted keys so it reads the same every time.
public enum DescribeTarget: Sendable, Equatable {
    case userPool(id: String)
    case user(poolID: String, username: String)
    case group(poolID: String, name: String)
    case client(poolID: String, clientID: String)
    case provider(poolID: String, name: String)
    case domain(name: String)
    case identityPool(id: String)
    case identity(id: String)

    /// The text view's title: the operation and the resource.
    public var title: String {
        switch self {
        case .userPool(let id): return "DescribeUserPool \(id)"
        case .user(_, let name): return "AdminGetUser \(name)"
        case .group(_, let name): return "GetGroup \(name)"
        case .client(_, let id): return "DescribeUserPoolClient \(id)"
        case .provider(_, let name): return "DescribeIdentityProvider \(name)"
        case .domain(let name): return "DescribeUserPoolDomain \(name)"
        case .identityPool(let id): return "DescribeIdentityPool \(id)"
        case .identity(let id): return "DescribeIdentity \(id)"
        }
    }

    /// Calls the operation and returns the pretty JSON, one string per line.
    ///
    /// - Throws: whatever the backend throws.
    public func fetchLines(_ backend: any CognitoBackend) async throws -> [String] {
        switch self {
        case .userPool(let id):
            return try Self.lines(try await backend.describeUserPool(.init(userPoolId: id)))
        case .user(let pool, let name):
            return try Self.lines(try await backend.adminGetUser(.init(userPoolId: pool, username: name)))
        case .group(let pool, let name):
            return try Self.lines(try await backend.getGroup(.init(groupName: name, userPoolId: pool)))
        case .client(let pool, let id):
            var out = try await backend.describeUserPoolClient(.init(userPoolId: pool, clientId: id))
            // A secret is never shown on screen unasked (DESIGN §6).
            if out.userPoolClient?.clientSecret != nil { out.userPoolClient?.clientSecret = "********" }
            return try Self.lines(out)
        case .provider(let pool, let name):
            var out = try await backend.describeIdentityProvider(.init(userPoolId: pool, providerName: name))
            if let details = out.identityProvider.providerDetails {
                out.identityProvider.providerDetails = ProviderDetailsMask.masked(details)
            }
            return try Self.lines(out)
        case .domain(let name):
            return try Self.lines(try await backend.describeUserPoolDomain(.init(domain: name)))
        case .identityPool(let id):
            return try Self.lines(try await backend.describeIdentityPool(.init(identityPoolId: id)))
        case .identity(let id):
            return try Self.lines(try await backend.describeIdentity(.init(identityId: id)))
        }
    }

    /// Pretty JSON with sorted keys, dates in ISO 8601, split into lines.
    public static func lines(_ value: some Encodable) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.dataEncodingStrategy = .base64
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// An identity provider's `ProviderDetails` hold its client secret (Google, Facebook, Login with
/// Amazon, OIDC) or private key (Sign in with Apple); only the settings known to be public are
/// shown, everything else is masked.
public enum ProviderDetailsMask {
    public static let publicKeys: Set<String> = [
        "client_id", "authorize_scopes", "attributes_request_method", "oidc_issuer", "authorize_url",
        "token_url", "attributes_url", "jwks_uri", "attributes_url_add_attributes", "team_id", "key_id",
        "MetadataURL", "IDPSignout", "IDPInit", "EncryptedResponses", "RequestSigningAlgorithm",
        "ActiveEncryptionCertificate",
    ]

    public static func masked(_ details: [String: String]) -> [String: String] {
        details.reduce(into: [:]) { out, entry in
            out[entry.key] = publicKeys.contains(entry.key) ? entry.value : "********"
        }
    }
}
