import CognitoAPI

/// Checks a `SetIdentityPoolRoles` input before it is sent, for what the service model cannot
/// say: the limits of "Role-based access control" (at most 25 rules for a provider) and of the
/// API reference (at most 10 providers with role mappings), provider keys that name one of the
/// pool's providers, the members each mapping type requires, and well-formed role ARNs.
public enum RoleMappingCheck {
    public static let maxRulesPerProvider = 25
    public static let maxProvidersWithMappings = 10

    /// Every problem of `input`, each one sentence; empty when it may be sent.
    ///
    /// - Parameters:
    ///   - input: the `SetIdentityPoolRoles` input (with or without `IdentityPoolId`).
    ///   - pool: the pool it is for (`DescribeIdentityPool`), for its providers.
    public static func problems(_ input: JSONValue, pool: CognitoIdentity.IdentityPool) -> [String] {
        guard case .object(let members) = input else { return ["The SetIdentityPoolRoles input must be a JSON object."] }
        var out: [String] = []
        for key in members.keys.sorted() where !["IdentityPoolId", "Roles", "RoleMappings"].contains(key) {
            out.append("\(key) is not a member of SetIdentityPoolRoles, which takes Roles and RoleMappings.")
        }
        if let id = members["IdentityPoolId"], id != .string(pool.identityPoolId) {
            out.append("IdentityPoolId \(RoleSimulator.text(id) ?? "?") is not \(pool.identityPoolId), the pool being changed.")
        }
        switch members["Roles"] {
        case nil:
            out.append("Roles is required: an object with the authenticated and unauthenticated role ARNs ({} for none).")
        case .object(let roles)?:
            for key in roles.keys.sorted() {
                guard key == "authenticated" || key == "unauthenticated" else {
                    out.append("Roles has `\(key)`; its keys can only be authenticated and unauthenticated.")
                    continue
                }
                out += arnProblems(roles[key], at: "Roles.\(key)")
            }
        default:
            out.append("Roles must be an object of role ARNs by authenticated and unauthenticated.")
        }
        guard let mappingsValue = members["RoleMappings"] else { return out }
        guard case .object(let mappings) = mappingsValue else {
            out.append("RoleMappings must be an object of role mappings by provider.")
            return out
        }
        if mappings.count > maxProvidersWithMappings {
            out.append("RoleMappings has \(mappings.count) providers; at most \(maxProvidersWithMappings) providers can have a role mapping.")
        }
        let known = ProviderKeys.roleMappingKeys(of: pool)
        for key in mappings.keys.sorted() {
            if !known.contains(key) {
                let names = known.sorted().prefix(6).joined(separator: ", ")
                out.append("RoleMappings key `\(key)` names none of the pool's providers (\(known.isEmpty ? "it has none" : names)).")
            }
            out += mappingProblems(mappings[key] ?? .null, at: "RoleMappings.\"\(key)\"")
        }
        return out
    }

    static func mappingProblems(_ mapping: JSONValue, at path: String) -> [String] {
        guard case .object(let members) = mapping else { return ["\(path) must be an object with Type and AmbiguousRoleResolution."] }
        var out: [String] = []
        let type = members["Type"]
        switch type {
        case nil: out.append("\(path).Type is required: Token or Rules.")
        case .string("Token")?, .string("Rules")?: break
        default: out.append("\(path).Type must be Token or Rules.")
        }
        switch members["AmbiguousRoleResolution"] {
        case nil: out.append("\(path).AmbiguousRoleResolution is required: AuthenticatedRole or Deny.")
        case .string("AuthenticatedRole")?, .string("Deny")?: break
        default: out.append("\(path).AmbiguousRoleResolution must be AuthenticatedRole or Deny.")
        }
        let configuration = members["RulesConfiguration"]
        if type == .string("Token"), configuration != nil {
            out.append("\(path).RulesConfiguration is only for Type Rules.")
        }
        guard type == .string("Rules") else { return out }
        guard case .object(let rulesConfiguration)? = configuration, case .array(let rules)? = rulesConfiguration["Rules"] else {
            out.append("\(path).RulesConfiguration.Rules is required for Type Rules: a list of rules.")
            return out
        }
        if rules.isEmpty { out.append("\(path) has no rules; Type Rules needs at least one.") }
        if rules.count > maxRulesPerProvider {
            out.append("\(path) has \(rules.count) rules; a provider can have at most \(maxRulesPerProvider).")
        }
        for (offset, rule) in rules.enumerated() {
            let at = "\(path) rule \(offset + 1)"
            guard case .object(let fields) = rule else {
                out.append("\(at) must be an object with Claim, MatchType, Value and RoleARN.")
                continue
            }
            for name in ["Claim", "Value"] {
                guard case .string(let text)? = fields[name], !text.isEmpty else {
                    out.append("\(at) needs a \(name).")
                    continue
                }
            }
            switch fields["MatchType"] {
            case .string(let match)? where CognitoIdentity.MappingRuleMatchType.knownValues.map(\.rawValue).contains(match): break
            case nil: out.append("\(at) needs a MatchType: Equals, Contains, StartsWith or NotEqual.")
            default: out.append("\(at) has a MatchType other than Equals, Contains, StartsWith or NotEqual.")
            }
            if fields["RoleARN"] == nil { out.append("\(at) needs a RoleARN.") } else { out += arnProblems(fields["RoleARN"], at: "\(at) RoleARN") }
        }
        return out
    }

    static func arnProblems(_ value: JSONValue?, at path: String) -> [String] {
        guard case .string(let arn)? = value else { return ["\(path) must be a role ARN."] }
        return isRoleARN(arn) ? [] : ["\(path) `\(arn)` is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)."]
    }

    /// Whether `text` is an IAM role ARN: `arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME`, a
    /// twelve-digit account, a name of letters, digits and `+=,.@_-`.
    public static func isRoleARN(_ text: String) -> Bool { isIAMARN(text, resource: "role") }

    /// Whether `text` is an IAM ARN of this resource type: `arn:PARTITION:iam::ACCOUNT:TYPE/NAME`
    /// (`role`, `oidc-provider`, `saml-provider`); for a role, a name of letters, digits and
    /// `+=,.@_-/`, for a provider, a host name and path.
    public static func isIAMARN(_ text: String, resource: String) -> Bool {
        guard (20...2048).contains(text.count) else { return false }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[3].isEmpty else { return false }
        let partition = parts[1]
        guard partition == "aws" || (partition.hasPrefix("aws-") && partition.dropFirst(4).allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "-") })
                                     && partition.count > 4) else { return false }
        guard parts[4].count == 12, parts[4].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        guard parts[5].hasPrefix(resource + "/") else { return false }
        let name = parts[5].dropFirst(resource.count + 1)
        let allowed = Set(resource == "role" ? "+=,.@_-/" : ".-_/")
        return !name.isEmpty && !name.hasSuffix("/") && name.count <= 512
            && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowed.contains($0) }
    }
}
