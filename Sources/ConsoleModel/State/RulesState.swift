import CognitoAdmin
import CognitoAPI
import Foundation

/// The role-mapping editor of one provider of an identity pool: the roles as read, the mapping
/// as edited (its type, what an ambiguous result does, its rules in order), and the cursor. The
/// edit stays here, unsaved, until `w` sends it through the read-modify-write of
/// `SetIdentityPoolRoles`; `s` simulates it first.
public struct RulesState: Sendable {
    /// One rule as the editor holds it.
    public struct Rule: Sendable, Equatable {
        public var claim: String
        public var matchType: String
        public var value: String
        public var roleARN: String
        public init(claim: String, matchType: String, value: String, roleARN: String) {
            self.claim = claim
            self.matchType = matchType
            self.value = value
            self.roleARN = roleARN
        }

        init(_ rule: CognitoIdentity.MappingRule) {
            self.init(claim: rule.claim, matchType: rule.matchType.rawValue, value: rule.value, roleARN: rule.roleARN)
        }
    }

    public static let matchTypes = CognitoIdentity.MappingRuleMatchType.knownValues.map(\.rawValue)
    public static let types = ["Rules", "Token"]
    public static let resolutions = ["AuthenticatedRole", "Deny"]

    /// The identity pool.
    public let pool: ResourceRef
    /// The role-mapping key: a user pool's `cognito-idp.REGION.amazonaws.com/POOL:CLIENT`, an
    /// OpenID Connect or SAML provider's ARN, or a login provider's domain.
    public let provider: String
    /// The pool as described, for the checks before saving.
    public let description: CognitoIdentity.IdentityPool
    /// The roles and mappings as read.
    public let saved: CognitoIdentity.GetIdentityPoolRolesResponse
    public var type: String
    public var ambiguous: String
    public var rules: [Rule]
    public var cursor = 0
    public var scroll = 0
    /// Esc was pressed once on an edited mapping: the next Esc throws the edit away.
    public var confirmingDiscard = false
    /// The ticket of a save in flight, to mark the edit saved when it lands.
    public var saving: Int?
    /// The mapping as it was when the editor opened or was last saved.
    private var clean: (type: String, ambiguous: String, rules: [Rule])

    public init(pool: ResourceRef, provider: String, description: CognitoIdentity.IdentityPool,
                saved: CognitoIdentity.GetIdentityPoolRolesResponse) {
        self.pool = pool
        self.provider = provider
        self.description = description
        self.saved = saved
        let mapping = saved.roleMappings?[provider]
        type = mapping?.type.rawValue ?? "Rules"
        ambiguous = mapping?.ambiguousRoleResolution?.rawValue ?? "AuthenticatedRole"
        rules = (mapping?.rulesConfiguration?.rules ?? []).map(Rule.init)
        clean = (type, ambiguous, rules)
    }

    /// Whether the mapping differs from what was read or last saved.
    public var edited: Bool { type != clean.type || ambiguous != clean.ambiguous || rules != clean.rules }

    /// The edit has been saved: it is the new starting point.
    public mutating func markSaved() {
        clean = (type, ambiguous, rules)
        saving = nil
    }

    /// Moves the rule under the cursor by `offset` (-1 up, +1 down); the cursor goes with it.
    public mutating func move(by offset: Int) {
        let target = cursor + offset
        guard rules.indices.contains(cursor), rules.indices.contains(target) else { return }
        rules.swapAt(cursor, target)
        cursor = target
    }

    public mutating func remove() {
        guard rules.indices.contains(cursor) else { return }
        rules.remove(at: cursor)
        cursor = max(0, min(cursor, rules.count - 1))
    }

    /// Puts `rule` at `index` (replacing it), or after the cursor when `index` is nil.
    public mutating func put(_ rule: Rule, at index: Int?) {
        if let index, rules.indices.contains(index) {
            rules[index] = rule
            cursor = index
        } else {
            let at = rules.isEmpty ? 0 : min(cursor + 1, rules.count)
            rules.insert(rule, at: at)
            cursor = at
        }
    }

    /// The mapping as `SetIdentityPoolRoles` takes it.
    public var mappingJSON: JSONValue {
        Self.json(type: type, ambiguous: ambiguous, rules: type == "Rules" ? rules : nil)
    }

    /// A role mapping as `SetIdentityPoolRoles` takes it; `rules` nil leaves the rules out.
    static func json(type: String, ambiguous: String?, rules: [Rule]?) -> JSONValue {
        var object: [String: JSONValue] = ["Type": .string(type)]
        if let ambiguous { object["AmbiguousRoleResolution"] = .string(ambiguous) }
        if let rules {
            object["RulesConfiguration"] = .object(["Rules": .array(rules.map { rule in
                .object(["Claim": .string(rule.claim), "MatchType": .string(rule.matchType), "Value": .string(rule.value),
                         "RoleARN": .string(rule.roleARN)])
            })])
        }
        return .object(object)
    }

    /// The roles and mappings with this edit in place, as a simulation takes them.
    public var editedRoles: CognitoIdentity.GetIdentityPoolRolesResponse {
        var roles = saved
        var mappings = roles.roleMappings ?? [:]
        mappings[provider] = CognitoIdentity.RoleMapping(
            type: .init(rawValue: type), ambiguousRoleResolution: .init(rawValue: ambiguous),
            rulesConfiguration: type == "Rules"
                ? .init(rules: rules.map { .init(claim: $0.claim, matchType: .init(rawValue: $0.matchType), value: $0.value, roleARN: $0.roleARN) })
                : nil)
        roles.roleMappings = mappings
        return roles
    }

    /// The whole `SetIdentityPoolRoles` input with this edit, for the checks before saving.
    public var editedInput: JSONValue {
        var mappings: [String: JSONValue] = [:]
        for (key, mapping) in saved.roleMappings ?? [:] where key != provider {
            mappings[key] = Self.json(type: mapping.type.rawValue, ambiguous: mapping.ambiguousRoleResolution?.rawValue,
                                      rules: mapping.rulesConfiguration.map { $0.rules.map(Rule.init) })
        }
        mappings[provider] = mappingJSON
        return .object(["IdentityPoolId": .string(pool.id),
                        "Roles": .object((saved.roles ?? [:]).mapValues { .string($0) }),
                        "RoleMappings": .object(mappings)])
    }

    /// The editor as a table: the rules in order.
    public var table: TableView {
        let columns = [Column("#", width: .fixed(3)), Column("CLAIM", width: .flex(weight: 2, minimum: 10)),
                       Column("MATCH", width: .fixed(10)), Column("VALUE", width: .flex(weight: 2, minimum: 8)),
                       Column("ROLE ARN", width: .flex(weight: 3, minimum: 12))]
        let rows = rules.enumerated().map { index, rule in
            TableRow([String(index + 1), rule.claim, rule.matchType, rule.value, rule.roleARN])
        }
        return TableView(columns: columns, rows: rows, selected: rules.isEmpty ? nil : cursor, scrollOffset: scroll)
    }

    /// The footer's summary: the type, what an ambiguous result does, whether it is saved.
    public var summary: String {
        var parts = [type == "Token" ? "Token: the token's cognito:preferred_role or cognito:roles" : "Rules, first match wins",
                     "ambiguous → \(ambiguous == "Deny" ? "Deny" : "authenticated role")"]
        if type == "Token" && !rules.isEmpty { parts.append("the rules are kept but unused") }
        if edited { parts.append("edited, unsaved: w saves, s simulates") }
        return parts.joined(separator: " · ")
    }

    static func compact(_ value: JSONValue) -> String {
        (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
    }

    /// A simulation's pane title: the role it gave, or Deny.
    public static func title(_ simulation: RoleSimulation) -> String {
        "Simulation: " + (simulation.roleARN.map { "role " + ($0.split(separator: "/").last.map(String.init) ?? $0) } ?? "Deny")
    }

    /// A simulation's outcome as lines for its pane.
    public static func lines(_ simulation: RoleSimulation, edited: Bool) -> [String] {
        var lines = ["Provider: \(simulation.provider)",
                     "Mapping: \(simulation.mappingType ?? "none")" + (edited ? " (the unsaved edit)" : " (as saved)"),
                     "", "Result: " + (simulation.roleARN ?? "Deny") + (simulation.rule.map { " (rule \($0))" } ?? ""),
                     "Reason: \(simulation.reason)"]
        if !simulation.steps.isEmpty {
            lines += ["", "Rules, in order:"]
            for step in simulation.steps {
                let value = step.claimValue.map(Self.compact) ?? "absent"
                lines.append("  \(step.index). \(step.claim) \(step.matchType) \"\(step.value)\" → \(step.matched ? "MATCH" : "no match")"
                             + " (the claim is \(value)); role \(step.roleARN)")
            }
        }
        lines += ["", "Principal tags the session would carry:"]
        if simulation.principalTags.isEmpty { lines.append("  none") }
        for tag in simulation.principalTags {
            lines.append("  \(tag.tag) = " + (tag.value.map { "\"\($0)\"" } ?? "— the claim \(tag.claim) is missing") + "  (from \(tag.claim))")
        }
        lines += ["", "Claims:"]
        lines += ((try? PrettyJSON.lines(simulation.claims)) ?? []).map { "  " + $0 }
        return lines
    }
}
