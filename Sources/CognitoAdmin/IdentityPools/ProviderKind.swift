import CognitoAPI

/// The kind of identity provider behind a role-mapping key or a principal-tag map, as the
/// "Default provider mappings" page of the Amazon Cognito developer guide sorts them: each kind
/// has its own default principal tags.
public enum ProviderKind: String, Sendable, CaseIterable, Equatable {
    case userPool
    case facebook
    case google
    case amazon
    case apple
    case twitter
    case oidc
    case saml
    case developer

    /// The kind of `provider`: a user pool key (`cognito-idp.REGION.amazonaws.com/POOL[:CLIENT]`),
    /// a public provider's host, a SAML provider ARN, the pool's developer provider name, or
    /// else an OpenID Connect provider (by host or ARN).
    public static func of(_ provider: String, developerProviderName: String? = nil) -> ProviderKind {
        if provider.hasPrefix("cognito-idp.") { return .userPool }
        if let developerProviderName, provider == developerProviderName { return .developer }
        switch provider {
        case "graph.facebook.com": return .facebook
        case "accounts.google.com": return .google
        case "www.amazon.com": return .amazon
        case "appleid.apple.com": return .apple
        case "api.twitter.com": return .twitter
        default: break
        }
        if provider.hasPrefix("arn:"), provider.contains(":saml-provider/") { return .saml }
        return .oidc
    }

    /// The principal tags (tag → claim) the provider's defaults give: `client` from the client id
    /// and `username` from the user id, in the claims each provider's token carries ("Default
    /// provider mappings"). Developer-authenticated identities have none.
    public var defaultPrincipalTags: [String: String] {
        switch self {
        case .userPool, .facebook, .google, .apple, .twitter, .oidc:
            return ["client": "aud", "username": "sub"]
        case .amazon:
            return ["client": "aud", "username": "user_id"]
        case .saml:
            // The page lists the name identifier and the name of the assertion; the API calls
            // the defaults "username and clientID".
            return ["username": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier",
                    "client": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"]
        case .developer:
            return [:]
        }
    }
}

/// The names a provider goes by: a role mapping is keyed by provider and app client
/// (`cognito-idp.REGION.amazonaws.com/POOL:CLIENT`), a principal-tag map by the provider alone.
public enum ProviderKeys {
    /// The principal-tag map's provider name for a role-mapping key: for a user pool the key
    /// without `:CLIENT`, for any other provider the key itself.
    public static func tagMapName(forRoleMappingKey key: String) -> String {
        guard key.hasPrefix("cognito-idp."), let slash = key.firstIndex(of: "/"),
              let colon = key[slash...].firstIndex(of: ":") else { return key }
        return String(key[..<colon])
    }

    /// The app client id in a user pool's role-mapping key, nil for other providers.
    public static func clientId(inRoleMappingKey key: String) -> String? {
        guard key.hasPrefix("cognito-idp."), let slash = key.firstIndex(of: "/"),
              let colon = key[slash...].firstIndex(of: ":") else { return nil }
        let client = key[key.index(after: colon)...]
        return client.isEmpty ? nil : String(client)
    }

    /// The user pool id in a user pool provider name or role-mapping key, nil for other providers.
    public static func userPoolId(in key: String) -> String? {
        guard key.hasPrefix("cognito-idp."), let slash = key.firstIndex(of: "/") else { return nil }
        let rest = key[key.index(after: slash)...]
        let pool = rest.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        return pool.isEmpty ? nil : pool
    }

    /// Every role-mapping key that names one of `pool`'s providers: each user pool provider with
    /// its client (`ProviderName:ClientId`), each supported login provider, each OpenID Connect
    /// provider by ARN and by host (the name its logins are sent under), each SAML provider ARN.
    public static func roleMappingKeys(of pool: CognitoIdentity.IdentityPool) -> Set<String> {
        var keys: Set<String> = []
        for provider in pool.cognitoIdentityProviders ?? [] {
            guard let name = provider.providerName else { continue }
            keys.insert(provider.clientId.map { "\(name):\($0)" } ?? name)
        }
        keys.formUnion((pool.supportedLoginProviders ?? [:]).keys)
        for arn in pool.openIdConnectProviderARNs ?? [] {
            keys.insert(arn)
            if let range = arn.range(of: "oidc-provider/") { keys.insert(String(arn[range.upperBound...])) }
        }
        keys.formUnion(pool.samlProviderARNs ?? [])
        return keys
    }
}
