import Foundation
import CognitoAPI

/// Works out which IAM role an identity pool gives for a set of claims, by the rules of
/// "Role-based access control" in the Amazon Cognito developer guide:
///
/// - A provider without a role mapping gets the pool's authenticated role.
/// - `Rules`: the rules are evaluated in order and the first that matches gives its role; a rule
///   whose claim is absent does not match, whatever its match type (`NotEqual` included);
///   `CustomRoleArn` overrides the order by choosing among the matching rules. No match is
///   ambiguous.
/// - `Token`: `CustomRoleArn` when it is among `cognito:roles` (else Deny); otherwise
///   `cognito:preferred_role`; otherwise ambiguous.
/// - Ambiguous: the pool's authenticated role or Deny, as `AmbiguousRoleResolution` says.
public enum RoleSimulator {
    /// Simulates the pool's configuration for these claims; pure.
    ///
    /// - Parameters:
    ///   - roles: the `GetIdentityPoolRoles` output (roles and role mappings), saved or edited.
    ///   - provider: the role-mapping key (for a user pool, `cognito-idp.REGION.amazonaws.com/POOL:CLIENT`).
    ///   - claims: the token's claims, a JSON object.
    ///   - tagMap: the provider's principal-tag map; nil when it has none (no tags).
    ///   - providerType: the provider's kind, for its default principal tags.
    ///   - customRoleArn: the `CustomRoleArn` of `GetCredentialsForIdentity`.
    public static func simulate(roles: CognitoIdentity.GetIdentityPoolRolesResponse, provider: String, claims: JSONValue,
                                tagMap: (useDefaults: Bool, tags: [String: String])?, providerType: ProviderKind,
                                customRoleArn: String? = nil) -> RoleSimulation {
        let tags = principalTags(tagMap, kind: providerType, claims: claims)
        let authenticated = roles.roles?["authenticated"]
        func result(_ type: String?, _ steps: [RoleSimulation.RuleStep], _ role: String?, _ rule: Int?, _ reason: String) -> RoleSimulation {
            RoleSimulation(provider: provider, mappingType: type, steps: steps, roleARN: role, rule: rule, reason: reason,
                           principalTags: tags, claims: claims)
        }
        guard let mapping = roles.roleMappings?[provider] else {
            let custom = customRoleArn.map { " (CustomRoleArn \($0) is used only with a role mapping)" } ?? ""
            if let authenticated {
                return result(nil, [], authenticated, nil, "\(provider) has no role mapping, so the pool's authenticated role applies\(custom).")
            }
            return result(nil, [], nil, nil, "\(provider) has no role mapping and the pool has no authenticated role, so access is denied\(custom).")
        }
        let type = mapping.type.rawValue
        func ambiguous(_ why: String, _ steps: [RoleSimulation.RuleStep] = []) -> RoleSimulation {
            switch mapping.ambiguousRoleResolution {
            case .authenticatedRole?:
                if let authenticated {
                    return result(type, steps, authenticated, nil, "\(why); AmbiguousRoleResolution is AuthenticatedRole, so the pool's authenticated role applies.")
                }
                return result(type, steps, nil, nil, "\(why); AmbiguousRoleResolution is AuthenticatedRole but the pool has no authenticated role, so access is denied.")
            default:
                return result(type, steps, nil, nil, "\(why); AmbiguousRoleResolution is Deny, so access is denied.")
            }
        }
        switch mapping.type {
        case .token:
            let allowed = listClaim(claims["cognito:roles"])
            if let customRoleArn {
                if allowed.contains(customRoleArn) {
                    return result(type, [], customRoleArn, nil, "CustomRoleArn \(customRoleArn) is among the token's cognito:roles.")
                }
                return result(type, [], nil, nil, "CustomRoleArn \(customRoleArn) is not among the token's cognito:roles, so access is denied.")
            }
            if let preferred = present(claims["cognito:preferred_role"]).flatMap(text), !preferred.isEmpty {
                return result(type, [], preferred, nil, "The token's cognito:preferred_role is \(preferred).")
            }
            if allowed.isEmpty { return ambiguous("The token has neither cognito:preferred_role nor cognito:roles") }
            return ambiguous("The token has \(allowed.count) cognito:roles and no cognito:preferred_role")
        case .rules:
            var steps: [RoleSimulation.RuleStep] = []
            for (offset, rule) in (mapping.rulesConfiguration?.rules ?? []).enumerated() {
                let value = present(claims[rule.claim])
                let matched = matches(value, rule.matchType.rawValue, rule.value)
                steps.append(.init(index: offset + 1, claim: rule.claim, matchType: rule.matchType.rawValue, value: rule.value,
                                   roleARN: rule.roleARN, claimValue: value, matched: matched))
                guard matched, customRoleArn == nil || customRoleArn == rule.roleARN else { continue }
                let why = customRoleArn == nil ? "is the first rule that matches" : "is the first matching rule that gives CustomRoleArn"
                return result(type, steps, rule.roleARN, offset + 1,
                              "Rule \(offset + 1) (\(rule.claim) \(rule.matchType.rawValue) \"\(rule.value)\") \(why).")
            }
            if let customRoleArn, steps.contains(where: \.matched) {
                return result(type, steps, nil, nil, "No matching rule gives CustomRoleArn \(customRoleArn), so access is denied.")
            }
            return ambiguous(steps.isEmpty ? "The mapping has no rules" : "No rule matches", steps)
        default:
            return result(type, [], nil, nil, "The mapping's type \(type) is neither Token nor Rules, so access is denied.")
        }
    }

    /// Whether a claim's value matches a rule. An absent claim never matches. `Contains` on a
    /// list claim (`cognito:groups`) looks for the value in each member; the other match types
    /// compare the list as its members joined by commas, as Cognito writes such claims.
    public static func matches(_ value: JSONValue?, _ matchType: String, _ expected: String) -> Bool {
        guard let value = present(value), let text = text(value) else { return false }
        switch matchType {
        case "Equals": return text == expected
        case "NotEqual": return text != expected
        case "StartsWith": return text.hasPrefix(expected)
        case "Contains":
            if case .array(let members) = value { return members.contains { self.text($0)?.contains(expected) ?? false } }
            return text.contains(expected)
        default: return false
        }
    }

    /// The principal tags of a tag map, sorted by tag, with each claim's value (nil: missing).
    static func principalTags(_ tagMap: (useDefaults: Bool, tags: [String: String])?, kind: ProviderKind,
                              claims: JSONValue) -> [(tag: String, claim: String, value: String?)] {
        guard let tagMap else { return [] }
        let map = tagMap.useDefaults ? kind.defaultPrincipalTags : tagMap.tags
        return map.keys.sorted().map { tag in
            let claim = map[tag] ?? ""
            return (tag, claim, present(claims[claim]).flatMap(text))
        }
    }

    /// A claim that is there: JSON null counts as absent.
    static func present(_ value: JSONValue?) -> JSONValue? {
        if case .null? = value { return nil }
        return value
    }

    /// A claim as text: scalars as written, lists as their members joined by commas.
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .null: return nil
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .array(let members): return members.compactMap(text).joined(separator: ",")
        case .object: return try? PrettyJSON.compact(value)
        }
    }

    /// A list claim's members: a JSON array, or a comma-separated string (as the developer
    /// guide describes `cognito:roles`).
    static func listClaim(_ value: JSONValue?) -> [String] {
        switch present(value) {
        case .array(let members)?: return members.compactMap(text)
        case .string(let text)?: return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        default: return []
        }
    }
}
