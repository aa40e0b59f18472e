import CognitoAPI

extension DetailFormat {
    public static func identityPool(_ pool: CognitoIdentity.IdentityPool) -> [DetailView.Section] {
        var providers: [Row] = []
        for (name, appID) in (pool.supportedLoginProviders ?? [:]).sorted(by: { $0.key < $1.key }) {
            providers.append((name, appID))
        }
        for provider in pool.cognitoIdentityProviders ?? [] {
            let check = provider.serverSideTokenCheck == true ? " (server-side token check)" : ""
            providers.append((ValueText.text(provider.providerName), "client \(ValueText.text(provider.clientId))\(check)"))
        }
        for arn in pool.openIdConnectProviderARNs ?? [] { providers.append(("OpenID Connect", arn)) }
        for arn in pool.samlProviderARNs ?? [] { providers.append(("SAML", arn)) }
        return [
            DetailView.Section("Settings", [
                ("Name", pool.identityPoolName),
                ("Id", pool.identityPoolId),
                ("Unauthenticated access", pool.allowUnauthenticatedIdentities ? "allowed" : "not allowed"),
                ("Classic (basic) flow", pool.allowClassicFlow == true ? "allowed" : "not allowed"),
                ("Developer provider", ValueText.text(pool.developerProviderName)),
            ]),
            DetailView.Section("Providers", providers.isEmpty ? [("providers", "none")] : providers),
        ]
    }

    /// The roles, then one section per provider's role mapping with its rules in order.
    public static func roles(_ roles: CognitoIdentity.GetIdentityPoolRolesResponse) -> [DetailView.Section] {
        let assigned = (roles.roles ?? [:]).sorted { $0.key < $1.key }.map { Row(key: $0.key, value: $0.value) }
        var sections = [DetailView.Section("Roles", assigned.isEmpty ? [("roles", "none")] : assigned)]
        let mappings = (roles.roleMappings ?? [:]).sorted { $0.key < $1.key }
        if mappings.isEmpty {
            sections.append(DetailView.Section("Role mappings", [("mappings", "none")]))
        }
        for (provider, mapping) in mappings {
            var rows: [Row] = [("Type", mapping.type.rawValue),
                               ("Ambiguous", ValueText.text(mapping.ambiguousRoleResolution?.rawValue))]
            // Two lines a rule, so that a narrow terminal cuts neither the match nor the role.
            for (index, rule) in (mapping.rulesConfiguration?.rules ?? []).enumerated() {
                rows.append(("Rule \(index + 1)", "\(rule.claim) \(rule.matchType.rawValue) \"\(rule.value)\""))
                rows.append(("  → role", rule.roleARN))
            }
            sections.append(DetailView.Section("Role mapping: \(provider)", rows))
        }
        return sections
    }

    public static func principalTags(_ provider: String, _ map: CognitoIdentity.GetPrincipalTagAttributeMapResponse) -> DetailView.Section {
        var rows: [Row] = [("Use defaults", ValueText.yesNo(map.useDefaults))]
        for (tag, claim) in (map.principalTags ?? [:]).sorted(by: { $0.key < $1.key }) {
            rows.append((tag, claim))
        }
        return DetailView.Section("Principal tags: \(provider)", rows)
    }

    /// The identity provider names principal-tag maps are kept for: the supported logins, the
    /// Cognito user pools (`cognito-idp.REGION.amazonaws.com/POOL`), the OIDC and SAML ARNs.
    public static func providerNames(_ pool: CognitoIdentity.IdentityPool) -> [String] {
        var names = (pool.supportedLoginProviders ?? [:]).keys.sorted()
        for provider in pool.cognitoIdentityProviders ?? [] {
            if let name = provider.providerName, !names.contains(name) { names.append(name) }
        }
        names += pool.openIdConnectProviderARNs ?? []
        names += pool.samlProviderARNs ?? []
        return names
    }
}
