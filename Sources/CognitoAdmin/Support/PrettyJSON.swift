import Foundation

/// Outputs as people read them: pretty JSON with sorted keys, ISO 8601 dates and unescaped
/// slashes, so the same resource always reads the same.
public enum PrettyJSON {
    public static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.dataEncodingStrategy = .base64
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The same, one string per line.
    public static func lines(_ value: some Encodable) throws -> [String] {
        try text(value).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
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
    public static let mask = "********"

    public static func masked(_ details: [String: String]) -> [String: String] {
        details.reduce(into: [:]) { out, entry in
            out[entry.key] = publicKeys.contains(entry.key) ? entry.value : mask
        }
    }
}
