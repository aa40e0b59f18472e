import CognitoAdmin
import CognitoAPI
import Testing

/// The checks made on a SetIdentityPoolRoles input before it is sent.
@Suite("Role mapping checks", .timeLimit(.minutes(5)))
struct RoleMappingCheckTests {
    static let provider = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123"
    let pool = CognitoIdentity.IdentityPool(
        identityPoolId: "us-east-1:0a1b2c3d-0000-4000-8000-000000000001", identityPoolName: "p", allowUnauthenticatedIdentities: false,
        supportedLoginProviders: ["accounts.google.com": "g"],
        openIdConnectProviderARNs: ["arn:aws:iam::123456789012:oidc-provider/login.example.com"],
        cognitoIdentityProviders: [.init(providerName: provider, clientId: "web")])

    static func rules(_ count: Int, arn: String = "arn:aws:iam::123456789012:role/R") -> JSONValue {
        .object(["Type": .string("Rules"), "AmbiguousRoleResolution": .string("Deny"),
                 "RulesConfiguration": .object(["Rules": .array((0..<count).map { index in
                     .object(["Claim": .string("c\(index)"), "MatchType": .string("Equals"), "Value": .string("v"), "RoleARN": .string(arn)])
                 })])])
    }

    func input(_ mappings: [String: JSONValue], roles: [String: JSONValue] = [:]) -> JSONValue {
        .object(["Roles": .object(roles), "RoleMappings": .object(mappings)])
    }

    @Test("a valid input for each kind of provider key has no problem")
    func valid() {
        let mappings: [String: JSONValue] = [
            "\(Self.provider):web": Self.rules(25),
            "accounts.google.com": .object(["Type": .string("Token"), "AmbiguousRoleResolution": .string("AuthenticatedRole")]),
            "login.example.com": Self.rules(1),
        ]
        #expect(RoleMappingCheck.problems(input(mappings, roles: ["authenticated": .string("arn:aws:iam::123456789012:role/A")]),
                                          pool: pool) == [])
    }

    @Test("26 rules for a provider are refused")
    func tooManyRules() {
        let problems = RoleMappingCheck.problems(input(["\(Self.provider):web": Self.rules(26)]), pool: pool)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("26 rules") == true)
    }

    @Test("11 providers with mappings are refused")
    func tooManyProviders() {
        var many = pool
        many.supportedLoginProviders = Dictionary(uniqueKeysWithValues: (0..<11).map { ("idp\($0).example.com", "c") })
        let mappings = Dictionary(uniqueKeysWithValues: (0..<11).map { ("idp\($0).example.com", Self.rules(1)) })
        let problems = RoleMappingCheck.problems(input(mappings), pool: many)
        #expect(problems == ["RoleMappings has 11 providers; at most 10 providers can have a role mapping."])
    }

    @Test("a malformed role ARN is refused, in a rule and in Roles")
    func malformedARN() {
        let problems = RoleMappingCheck.problems(input(["\(Self.provider):web": Self.rules(1, arn: "arn:aws:iam::12345:role/R")],
                                                       roles: ["authenticated": .string("role/Auth")]), pool: pool)
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.contains("is not an IAM role ARN") })
    }

    @Test("a provider key that names none of the pool's providers is refused, a user pool without its client too")
    func unknownProvider() {
        let problems = RoleMappingCheck.problems(input([Self.provider: Self.rules(1), "graph.facebook.com": Self.rules(1)]), pool: pool)
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.contains("names none of the pool's providers") })
    }

    @Test("missing required members are named")
    func missingMembers() {
        let mapping: JSONValue = .object(["Type": .string("Rules"), "RulesConfiguration": .object(["Rules": .array([.object(["Claim": .string("c")])])])])
        let problems = RoleMappingCheck.problems(.object(["RoleMappings": .object(["\(Self.provider):web": mapping])]), pool: pool)
        #expect(problems.contains { $0.hasPrefix("Roles is required") })
        #expect(problems.contains { $0.contains("AmbiguousRoleResolution is required") })
        #expect(problems.contains { $0.contains("needs a Value") })
        #expect(problems.contains { $0.contains("needs a MatchType") })
        #expect(problems.contains { $0.contains("needs a RoleARN") })
    }

    @Test("role ARNs: partitions, paths and the account's twelve digits")
    func roleARNs() {
        #expect(RoleMappingCheck.isRoleARN("arn:aws:iam::123456789012:role/Admin"))
        #expect(RoleMappingCheck.isRoleARN("arn:aws-cn:iam::123456789012:role/path/to/Admin+x=y,z.@_-"))
        #expect(!RoleMappingCheck.isRoleARN("arn:aws:iam::123456789012:user/Admin"))
        #expect(!RoleMappingCheck.isRoleARN("arn:aws:iam:us-east-1:123456789012:role/Admin"))
        #expect(!RoleMappingCheck.isRoleARN("arn:aws:iam::1234567890123:role/Admin"))
        #expect(!RoleMappingCheck.isRoleARN("arn:aws:iam::123456789012:role/"))
    }

    @Test("provider ARNs: an OpenID Connect provider is a host and path, a SAML provider a name; a role is neither")
    func providerARNs() {
        #expect(RoleMappingCheck.isIAMARN("arn:aws:iam::123456789012:oidc-provider/accounts.google.com", resource: "oidc-provider"))
        #expect(RoleMappingCheck.isIAMARN("arn:aws:iam::123456789012:oidc-provider/login.example.com/tenant-1", resource: "oidc-provider"))
        #expect(RoleMappingCheck.isIAMARN("arn:aws:iam::123456789012:saml-provider/Corp_IdP", resource: "saml-provider"))
        #expect(!RoleMappingCheck.isIAMARN("arn:aws:iam::123456789012:role/Corp", resource: "saml-provider"))
        #expect(!RoleMappingCheck.isIAMARN("arn:aws:iam::123456789012:oidc-provider/bad host", resource: "oidc-provider"))
        #expect(!RoleMappingCheck.isIAMARN("accounts.google.com", resource: "oidc-provider"))
    }
}
