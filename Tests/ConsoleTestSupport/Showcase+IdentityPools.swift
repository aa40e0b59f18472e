import AWSCore
import CognitoAPI
import Foundation

extension Showcase {
    public static let identityPoolID = "eu-west-1:7f3c2a1b-9d8e-4f6a-b5c4-3d2e1f0a9b8c"
    public static let identityPoolName = "customers_identities"
    /// The Cognito user pool as an identity pool provider, and its role-mapping key.
    public static let cognitoProvider = "cognito-idp.eu-west-1.amazonaws.com/\(poolID)"
    public static let oidcProvider = "arn:aws:iam::\(account):oidc-provider/login.example.com"

    public static let identityPools: [CI.IdentityPool] = [
        CI.IdentityPool(
            identityPoolId: identityPoolID, identityPoolName: identityPoolName, allowUnauthenticatedIdentities: true,
            allowClassicFlow: false,
            supportedLoginProviders: ["graph.facebook.com": "731862099437511",
                                      "accounts.google.com": "1234567890-abc123def456.apps.googleusercontent.com"],
            developerProviderName: "login.example.app", openIdConnectProviderARNs: [oidcProvider],
            cognitoIdentityProviders: [CI.CognitoIdentityProvider(providerName: cognitoProvider, clientId: webClientID,
                                                                  serverSideTokenCheck: true)],
            identityPoolTags: ["env": "prod", "cost-centre": "cc-4410"]),
        CI.IdentityPool(identityPoolId: "eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", identityPoolName: "internal_tools",
                        allowUnauthenticatedIdentities: false),
        CI.IdentityPool(identityPoolId: "eu-west-1:c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f", identityPoolName: "analytics legacy",
                        allowUnauthenticatedIdentities: true, allowClassicFlow: true),
    ]

    /// The rules of the user pool's mapping, deliberately not in alphabetical order: the console
    /// must show them in the order Cognito evaluates them.
    public static let mappingRules: [CI.MappingRule] = [
        CI.MappingRule(claim: "custom:team", matchType: .equals, value: "support", roleARN: role("Customers_Support")),
        CI.MappingRule(claim: "cognito:groups", matchType: .contains, value: "admins", roleARN: role("Customers_Admin")),
        CI.MappingRule(claim: "email", matchType: .startsWith, value: "ops.", roleARN: role("Customers_Ops")),
        CI.MappingRule(claim: "cognito:groups", matchType: .notEqual, value: "beta-testers", roleARN: role("Customers_Standard")),
    ]

    public static let identityPoolRoles = CI.GetIdentityPoolRolesResponse(
        identityPoolId: identityPoolID,
        roles: ["unauthenticated": role("Customers_Unauth"), "authenticated": role("Customers_Auth")],
        roleMappings: [
            "\(cognitoProvider):\(webClientID)": CI.RoleMapping(type: .rules, ambiguousRoleResolution: .authenticatedRole,
                                                                rulesConfiguration: CI.RulesConfigurationType(rules: mappingRules)),
            "accounts.google.com": CI.RoleMapping(type: .token, ambiguousRoleResolution: .deny),
        ])

    /// Principal-tag maps for each of the pool's four providers.
    public static let principalTagMaps: [String: CI.GetPrincipalTagAttributeMapResponse] = [
        "accounts.google.com": .init(identityPoolId: identityPoolID, identityProviderName: "accounts.google.com", useDefaults: true,
                                     principalTags: ["client": "aud", "username": "sub"]),
        "graph.facebook.com": .init(identityPoolId: identityPoolID, identityProviderName: "graph.facebook.com", useDefaults: false),
        cognitoProvider: .init(identityPoolId: identityPoolID, identityProviderName: cognitoProvider, useDefaults: false,
                               principalTags: ["team": "custom:team", "department": "custom:department"]),
        oidcProvider: .init(identityPoolId: identityPoolID, identityProviderName: oidcProvider, useDefaults: false,
                            principalTags: ["tenant": "tid"]),
    ]

    /// Identities of the first pool; the first has two logins, one none (unauthenticated).
    public static let identities: [CI.IdentityDescription] = [
        CI.IdentityDescription(identityId: "eu-west-1:0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
                               logins: ["accounts.google.com", cognitoProvider],
                               creationDate: date("2023-04-02T08:20:15Z"), lastModifiedDate: date("2024-11-30T21:04:59Z")),
        CI.IdentityDescription(identityId: "eu-west-1:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", logins: ["graph.facebook.com"],
                               creationDate: date("2023-08-19T14:00:00Z"), lastModifiedDate: date("2023-08-19T14:00:00Z")),
        CI.IdentityDescription(identityId: "eu-west-1:2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", logins: nil,
                               creationDate: date("2024-01-01T00:00:01Z"), lastModifiedDate: date("2024-01-01T00:00:01Z")),
        CI.IdentityDescription(identityId: "eu-west-1:3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f", logins: [oidcProvider],
                               creationDate: date("2024-05-17T09:45:30Z"), lastModifiedDate: date("2024-10-02T10:11:12Z")),
        CI.IdentityDescription(identityId: "eu-west-1:4d5e6f7a-8b9c-4d0e-1f2a-3b4c5d6e7f8a", logins: ["login.example.app"],
                               creationDate: date("2024-12-24T18:00:00Z"), lastModifiedDate: date("2025-01-02T07:30:00Z")),
    ]

    static func addIdentityPools(to backend: FakeBackend) {
        backend.identityPools = identityPools
        backend.roles[identityPoolID] = identityPoolRoles
        backend.principalTags = principalTagMaps
        backend.identities[identityPoolID] = identities
    }

    /// A fixed `@` log: successes, a call retried twice, a refused call, a call with no reply.
    public static let callRecords: [CallRecord] = [
        CallRecord(service: "cognito-idp", operation: "ListUserPools", started: date("2025-01-15T09:00:01Z"), duration: 0.0831,
                   status: 200, attempts: 1, requestId: "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", errorCode: nil),
        CallRecord(service: "cognito-idp", operation: "DescribeUserPool", started: date("2025-01-15T09:00:04Z"), duration: 0.0412,
                   status: 200, attempts: 1, requestId: "1c2d3e4f-5a6b-4c7d-9e8f-0a1b2c3d4e5f", errorCode: nil),
        CallRecord(service: "cognito-idp", operation: "ListUsers", started: date("2025-01-15T09:00:05Z"), duration: 1.2345,
                   status: 200, attempts: 3, requestId: "2d3e4f5a-6b7c-4d8e-af9a-1b2c3d4e5f6a", errorCode: nil),
        CallRecord(service: "cognito-idp", operation: "AdminListDevices", started: date("2025-01-15T09:00:12Z"), duration: 0.0274,
                   status: 400, attempts: 1, requestId: "5f2c9e1a-7b3d-4c8e-a1f0-6d4b2e9c7a13", errorCode: "AccessDeniedException"),
        CallRecord(service: "cognito-identity", operation: "ListIdentityPools", started: date("2025-01-15T09:01:30Z"),
                   duration: 10.0004, status: nil, attempts: 4, requestId: nil, errorCode: nil),
        CallRecord(service: "cognito-identity", operation: "GetIdentityPoolRoles", started: date("2025-01-15T23:59:59Z"),
                   duration: 0.0999, status: 200, attempts: 1, requestId: "3e4f5a6b-7c8d-4e9f-b0a1-2c3d4e5f6a7b", errorCode: nil),
    ]
}
