import CognitoAPI

/// Where the claims of a simulation come from.
public enum ClaimSource: Sendable, Equatable {
    /// A user of a user pool: the claims Cognito would put in the user's ID token.
    case user(userPool: String, username: String)
    /// A JWT, decoded and not verified.
    case token(String)
    /// Claims given as a JSON object.
    case claims(JSONValue)
}

/// Which role an identity pool would give for a set of claims, and why, step by step.
public struct RoleSimulation: Sendable, Equatable {
    /// One rule of a `Rules` mapping, as evaluated.
    public struct RuleStep: Sendable, Equatable {
        /// 1-based, in the mapping's order.
        public var index: Int
        public var claim: String
        public var matchType: String
        public var value: String
        public var roleARN: String
        /// The claim's value in the claims; nil when the claim is absent.
        public var claimValue: JSONValue?
        public var matched: Bool

        public init(index: Int, claim: String, matchType: String, value: String, roleARN: String, claimValue: JSONValue?,
                    matched: Bool) {
            self.index = index
            self.claim = claim
            self.matchType = matchType
            self.value = value
            self.roleARN = roleARN
            self.claimValue = claimValue
            self.matched = matched
        }
    }

    /// The role-mapping key simulated.
    public var provider: String
    /// `Token`, `Rules`, or nil when the provider has no mapping.
    public var mappingType: String?
    /// The rules evaluated, in order, up to and including the one that decided.
    public var steps: [RuleStep]
    /// The role given; nil: Deny.
    public var roleARN: String?
    /// The 1-based index of the rule that gave the role.
    public var rule: Int?
    /// Why, in one sentence.
    public var reason: String
    /// The principal tags the session would carry: the tag, the claim it comes from, and the
    /// claim's value (nil: the claim is missing).
    public var principalTags: [(tag: String, claim: String, value: String?)]
    /// The claims used.
    public var claims: JSONValue

    public init(provider: String, mappingType: String?, steps: [RuleStep], roleARN: String?, rule: Int?, reason: String,
                principalTags: [(tag: String, claim: String, value: String?)], claims: JSONValue) {
        self.provider = provider
        self.mappingType = mappingType
        self.steps = steps
        self.roleARN = roleARN
        self.rule = rule
        self.reason = reason
        self.principalTags = principalTags
        self.claims = claims
    }

    /// Whether the simulation ends in Deny.
    public var denied: Bool { roleARN == nil }

    public static func == (a: RoleSimulation, b: RoleSimulation) -> Bool {
        a.provider == b.provider && a.mappingType == b.mappingType && a.steps == b.steps && a.roleARN == b.roleARN
            && a.rule == b.rule && a.reason == b.reason && a.claims == b.claims
            && a.principalTags.count == b.principalTags.count
            && zip(a.principalTags, b.principalTags).allSatisfy { $0.tag == $1.tag && $0.claim == $1.claim && $0.value == $1.value }
    }

    /// The simulation as JSON: `roleArn` (null when denied), `rule` (null when none), `reason`,
    /// `principalTags`, `steps`, `provider`, `mappingType` and `claims`.
    public var json: JSONValue {
        let steps: [JSONValue] = self.steps.map { step in
            .object(["index": .integer(Int64(step.index)), "claim": .string(step.claim), "matchType": .string(step.matchType),
                     "value": .string(step.value), "roleArn": .string(step.roleARN),
                     "claimValue": step.claimValue ?? .null, "claimPresent": .bool(step.claimValue != nil),
                     "matched": .bool(step.matched)])
        }
        let tags: [JSONValue] = principalTags.map { tag in
            .object(["tag": .string(tag.tag), "claim": .string(tag.claim), "value": tag.value.map { .string($0) } ?? .null,
                     "missing": .bool(tag.value == nil)])
        }
        return .object([
            "provider": .string(provider),
            "mappingType": mappingType.map { .string($0) } ?? .null,
            "roleArn": roleARN.map { .string($0) } ?? .null,
            "denied": .bool(denied),
            "rule": rule.map { .integer(Int64($0)) } ?? .null,
            "reason": .string(reason),
            "steps": .array(steps),
            "principalTags": .array(tags),
            "claims": claims,
        ])
    }
}
