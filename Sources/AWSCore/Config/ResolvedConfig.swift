import Foundation

/// The services this tool calls, by their endpoint prefix.
public enum AWSServiceID: String, Sendable, CaseIterable {
    case cognitoIdentity = "cognito-identity"
    case cognitoIdentityProvider = "cognito-idp"
    case sts = "sts"
    case sso = "sso"

    /// The key of a `[services]` sub-section and the suffix of `AWS_ENDPOINT_URL_<SERVICE>`: the
    /// service ID in snake case ("Identifiers for service-specific endpoints", AWS SDKs and Tools
    /// Reference Guide).
    public var configKey: String {
        switch self {
        case .cognitoIdentity: return "cognito_identity"
        case .cognitoIdentityProvider: return "cognito_identity_provider"
        case .sts: return "sts"
        case .sso: return "sso"
        }
    }

    /// `AWS_ENDPOINT_URL_COGNITO_IDENTITY` and so on.
    public var endpointEnvironmentVariable: String { "AWS_ENDPOINT_URL_" + configKey.uppercased() }
}

/// The retry modes of the AWS SDKs ("Retry behavior", AWS SDKs and Tools Reference Guide).
public enum RetryMode: String, Sendable, CaseIterable {
    case standard, legacy, adaptive
}

/// Settings resolved from flags, environment and files, as the AWS CLI resolves them.
public struct ResolvedConfig: Sendable {
    /// The profile in use; `default` when none was named.
    public var profileName: String
    /// Whether the profile was named by flag or environment rather than taken by default.
    public var profileNamedExplicitly: Bool
    /// The region, or nil when nothing sets it.
    public var region: String?
    /// Total attempts per call, first included; nil for the retry mode's default.
    public var maxAttempts: Int?
    /// nil when nothing sets it (the caller's default applies, `standard` in this tool).
    public var retryMode: RetryMode?
    /// A PEM file of certificate authorities to trust, `~` expanded.
    public var caBundle: String?
    /// Connect timeout. The AWS CLI reads it from `--cli-connect-timeout` only (no file setting),
    /// so the resolver leaves it nil for the caller's flag to fill.
    public var connectTimeout: Duration?
    /// Read timeout, from `--cli-read-timeout` in the AWS CLI; left nil by the resolver.
    public var readTimeout: Duration?
    /// The profile's settings: config file merged with credentials file, keys lower-cased.
    public var profile: [String: String]
    /// Both files, for the credential providers (source profiles, `[sso-session]` sections).
    public var files: AWSConfigFiles
    /// Configured endpoint URLs by service (`--endpoint-url` applied to each).
    var endpoints: [AWSServiceID: String]

    public init(profileName: String = "default", profileNamedExplicitly: Bool = false,
                region: String? = nil, endpoints: [AWSServiceID: String] = [:],
                maxAttempts: Int? = nil, retryMode: RetryMode? = nil, caBundle: String? = nil,
                profile: [String: String] = [:], files: AWSConfigFiles? = nil) {
        self.profileName = profileName
        self.profileNamedExplicitly = profileNamedExplicitly
        self.region = region
        self.endpoints = endpoints
        self.maxAttempts = maxAttempts
        self.retryMode = retryMode
        self.caBundle = caBundle
        self.profile = profile
        self.files = files ?? AWSConfigFiles()
    }

    /// The endpoint URL configured for a service; nil means AWS's default endpoint.
    public func endpointURL(for service: AWSServiceID) -> String? {
        endpoints[service]
    }
}
