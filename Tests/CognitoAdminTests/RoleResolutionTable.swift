import CognitoAPI
import Foundation
import Testing

/// The role-resolution cases of `Fixtures/role-resolution.json`, written from the developer
/// guide's "Role-based access control"; the emulator's tests read the same file.
struct RoleResolutionTable: Decodable {
    struct Mapping: Decodable {
        var type: String
        var ambiguous: String
        var rules: [[String]]?

        enum CodingKeys: String, CodingKey {
            case type = "Type", ambiguous = "AmbiguousRoleResolution", rules = "Rules"
        }
    }

    struct Expectation: Decodable {
        var role: String?
        var rule: Int?
    }

    struct Case: Decodable, CustomTestStringConvertible {
        var name: String
        var mapping: Mapping?
        var claims: JSONValue
        var customRoleArn: String?
        var expect: Expectation
        var testDescription: String { name }
    }

    var provider: String
    var authenticatedRole: String
    var cases: [Case]

    static let account = "123456789012"

    static func load() throws -> RoleResolutionTable {
        guard let url = Bundle.module.url(forResource: "Fixtures/role-resolution", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(RoleResolutionTable.self, from: Data(contentsOf: url))
    }

    /// The table's cases, for parameterised tests; empty when the file cannot be read (a test
    /// of the file itself fails then).
    static let all: [Case] = (try? load().cases) ?? []

    /// A role name as its ARN.
    static func arn(_ name: String) -> String {
        name.hasPrefix("arn:") ? name : "arn:aws:iam::\(account):role/\(name)"
    }

    /// The case's claims with role names as ARNs.
    static func claims(_ testCase: Case) -> JSONValue {
        guard case .object(var claims) = testCase.claims else { return testCase.claims }
        if case .array(let roles)? = claims["cognito:roles"] {
            claims["cognito:roles"] = .array(roles.map { if case .string(let r) = $0 { return .string(arn(r)) }; return $0 })
        }
        if case .string(let preferred)? = claims["cognito:preferred_role"] { claims["cognito:preferred_role"] = .string(arn(preferred)) }
        return .object(claims)
    }

    /// The pool's roles and the case's mapping for the table's provider.
    func roles(_ testCase: Case) -> CognitoIdentity.GetIdentityPoolRolesResponse {
        var mappings: [String: CognitoIdentity.RoleMapping] = [:]
        if let mapping = testCase.mapping {
            let rules = mapping.rules.map { rules in
                CognitoIdentity.RulesConfigurationType(rules: rules.map {
                    .init(claim: $0[0], matchType: .init(rawValue: $0[1]), value: $0[2], roleARN: Self.arn($0[3]))
                })
            }
            mappings[provider] = .init(type: .init(rawValue: mapping.type),
                                       ambiguousRoleResolution: .init(rawValue: mapping.ambiguous), rulesConfiguration: rules)
        }
        return .init(roles: ["authenticated": Self.arn(authenticatedRole)], roleMappings: mappings)
    }
}
