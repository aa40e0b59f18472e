import AWSCore
import CognitoAPI
import Foundation

/// A realistic, fully deterministic data set for pane tests: fixed ids and dates (UTC), names in
/// several scripts, a disabled and an unconfirmed user, groups, app clients, identity providers,
/// two domains, identity pools with roles, rule mappings and principal tags, identities, and a
/// fixed API-call log. Every value is written out; nothing comes from the clock or randomness.
public enum Showcase {
    public typealias IDP = CognitoIdentityProvider
    public typealias CI = CognitoIdentity

    public static let profile = "demo"
    public static let region = "eu-west-1"
    public static let endpoint = "http://localhost:9229"
    /// The profiles `p` offers.
    public static let profiles = ["default", "demo", "prod-admin", "staging"]
    public static let account = "123456789012"

    public static let poolID = "eu-west-1_Qx7Lm2Np9"
    public static let poolName = "customers-prod"
    public static let webClientID = "3n4f8k2m1q9r7t5v3x6z0b2d4f"
    /// The user the user-pane tests open: CJK name, MFA, two groups, devices that fail.
    public static let username = "yamada.taro"
    public static let groupName = "admins"

    /// `2024-03-14T09:26:53Z` and the like, as a `Date`.
    public static func date(_ iso: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        guard let date = formatter.date(from: iso) else { preconditionFailure("bad fixture date \(iso)") }
        return date
    }

    static func arn(_ service: String, _ resource: String, region: String = Showcase.region) -> String {
        "arn:aws:\(service):\(region):\(account):\(resource)"
    }

    static func role(_ name: String) -> String { "arn:aws:iam::\(account):role/\(name)" }

    /// The backend holding the whole data set; AdminListDevices is refused (AccessDenied), so the
    /// Devices tab shows the error in place.
    public static func backend() -> FakeBackend {
        let backend = FakeBackend(profile: profile, region: region, endpoint: endpoint)
        backend.pageSize = 50
        backend.pools = pools
        backend.users[poolID] = users
        backend.groups[poolID] = groups
        let byName = Dictionary(uniqueKeysWithValues: users.map { ($0.username ?? "", $0) })
        backend.members[groupName] = ["ann.lee", "yamada.taro", "jose.garcia"].compactMap { byName[$0] }
        backend.userGroups[username] = groups.filter { ["admins", "営業部"].contains($0.groupName) }
        backend.mfa[username] = (preferred: "SOFTWARE_TOKEN_MFA", methods: ["SOFTWARE_TOKEN_MFA", "SMS_MFA"])
        backend.failures["AdminListDevices"] = AWSServiceError(
            code: "AccessDeniedException",
            message: "User: arn:aws:iam::\(account):user/console-readonly is not authorized to perform: cognito-idp:AdminListDevices",
            httpStatus: 400, requestId: "5f2c9e1a-7b3d-4c8e-a1f0-6d4b2e9c7a13", operation: "AdminListDevices")
        backend.clients[poolID] = clients
        backend.providers[poolID] = providers
        for domain in domains { backend.domains[domain.domain ?? ""] = domain }
        addIdentityPools(to: backend)
        return backend
    }

    public static let pools: [IDP.UserPoolType] = [
        IDP.UserPoolType(
            id: poolID, name: poolName,
            policies: IDP.UserPoolPolicyType(passwordPolicy: IDP.PasswordPolicyType(
                minimumLength: 12, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: false,
                passwordHistorySize: 5, temporaryPasswordValidityDays: 7)),
            deletionProtection: .active,
            lambdaConfig: IDP.LambdaConfigType(
                preSignUp: arn("lambda", "function:customers-pre-signup"),
                postConfirmation: arn("lambda", "function:customers-welcome-email"),
                preTokenGenerationConfig: IDP.PreTokenGenerationVersionConfigType(
                    lambdaVersion: .init(rawValue: "V2_0"), lambdaArn: arn("lambda", "function:customers-token-claims"))),
            lastModifiedDate: date("2024-11-02T16:45:10Z"), creationDate: date("2023-03-14T09:26:53Z"),
            autoVerifiedAttributes: [.email], aliasAttributes: [.email, .preferredUsername],
            mfaConfiguration: .optional, estimatedNumberOfUsers: 48_213,
            userPoolTags: ["team": "identity", "cost-centre": "cc-4410", "env": "prod"],
            domain: "customers-prod", customDomain: "auth.example.com",
            adminCreateUserConfig: IDP.AdminCreateUserConfigType(allowAdminCreateUserOnly: false),
            usernameConfiguration: IDP.UsernameConfigurationType(caseSensitive: false),
            arn: arn("cognito-idp", "userpool/\(poolID)"), userPoolTier: .essentials),
        IDP.UserPoolType(id: "eu-west-1_St4ffK2dP", name: "staff-directory", creationDate: date("2022-09-01T08:00:00Z")),
        IDP.UserPoolType(id: "eu-west-1_Lgcy8Rt2w", name: "partners (legacy)", creationDate: date("2019-06-30T23:59:59Z")),
        IDP.UserPoolType(id: "eu-west-1_Tst0Qa9Zx", name: "qa-ephemeral-2024-10", creationDate: date("2024-10-21T14:03:27Z")),
    ]

    static func user(_ username: String, name: String?, email: String, _ status: IDP.UserStatusType, enabled: Bool = true,
                     created: String, extra: [IDP.AttributeType] = []) -> IDP.UserType {
        // A stable stand-in for the `sub` UUID, derived from the username (FNV-1a), never random.
        let hash = username.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        let hex = String(hash, radix: 16)
        let sub = String(repeating: "0", count: 8 - hex.count) + hex + "-1c2d-4e3f-8a4b-5c6d7e8f9a0b"
        var attributes = [IDP.AttributeType(name: "sub", value: sub), IDP.AttributeType(name: "email", value: email)]
        if let name { attributes.append(IDP.AttributeType(name: "name", value: name)) }
        return IDP.UserType(username: username, attributes: attributes + extra, userCreateDate: date(created),
                            userLastModifiedDate: date(created), enabled: enabled, userStatus: status)
    }

    /// Twelve users: Latin with accents, CJK, Arabic, Hangul, Cyrillic; `jose.garcia` disabled,
    /// `zoe.angstrom` unconfirmed.
    public static let users: [IDP.UserType] = [
        user("ann.lee", name: "Ann Lee", email: "ann.lee@example.com", .confirmed, created: "2023-03-14T10:02:11Z"),
        user("yamada.taro", name: "山田太郎", email: "taro.yamada@example.jp", .confirmed, created: "2023-04-01T00:15:42Z",
             extra: [IDP.AttributeType(name: "email_verified", value: "true"), IDP.AttributeType(name: "locale", value: "ja-JP"),
                     IDP.AttributeType(name: "phone_number", value: "+819012345678"),
                     IDP.AttributeType(name: "custom:team", value: "support")]),
        user("mohammed.ali", name: "محمد علي", email: "mohammed.ali@example.ae", .forceChangePassword, created: "2023-05-20T07:30:00Z"),
        user("jose.garcia", name: "José García-Márquez", email: "jose@example.es", .confirmed, enabled: false,
             created: "2023-06-02T18:44:05Z"),
        user("zoe.angstrom", name: "Zoë Ångström", email: "zoe@example.se", .unconfirmed, created: "2024-01-09T12:00:00Z"),
        user("minjun.kim", name: "김민준", email: "minjun.kim@example.kr", .confirmed, created: "2024-02-29T23:59:00Z"),
        user("dmitri.ivanov", name: "Дмитрий Иванов", email: "dmitri@example.ru", .resetRequired, created: "2024-03-03T03:03:03Z"),
        IDP.UserType(username: "google_109876543210987654321",
                     attributes: [IDP.AttributeType(name: "given_name", value: "François"),
                                  IDP.AttributeType(name: "family_name", value: "Dupont"),
                                  IDP.AttributeType(name: "email", value: "francois.dupont@gmail.com")],
                     userCreateDate: date("2024-04-15T09:10:11Z"), enabled: true, userStatus: .externalProvider),
        user("priya.n", name: "Priya Natarajan", email: "priya@example.in", .confirmed, created: "2024-05-05T05:05:05Z"),
        user("wang.xiuying", name: "王秀英", email: "wang.xiuying@example.cn", .confirmed, created: "2024-06-18T11:22:33Z"),
        user("sofia.nunez", name: "Sofía Núñez", email: "sofia@example.mx", .confirmed, created: "2024-08-01T16:00:00Z"),
        user("olof.jonsdottir", name: "Ólöf Jónsdóttir", email: "olof@example.is", .confirmed, created: "2024-12-31T23:00:00Z"),
    ]

    public static let groups: [IDP.GroupType] = [
        IDP.GroupType(groupName: "admins", userPoolId: poolID, description: "Full administrative access",
                      roleArn: role("CustomersAdmins"), precedence: 1, lastModifiedDate: date("2024-02-01T10:00:00Z"),
                      creationDate: date("2023-03-14T09:30:00Z")),
        IDP.GroupType(groupName: "support", userPoolId: poolID, description: "Customer support agents",
                      roleArn: role("CustomersSupport"), precedence: 10, creationDate: date("2023-03-14T09:31:00Z")),
        IDP.GroupType(groupName: "営業部", userPoolId: poolID, description: "営業チーム (Tokyo sales)", precedence: 20,
                      creationDate: date("2023-07-07T07:07:07Z")),
        IDP.GroupType(groupName: "équipe-paris", userPoolId: poolID, description: "Équipe de Paris — accès en lecture", precedence: 30,
                      creationDate: date("2023-09-12T13:45:00Z")),
        IDP.GroupType(groupName: "beta-testers", userPoolId: poolID, description: "Early access to new features",
                      creationDate: date("2024-01-20T08:00:00Z")),
    ]

    public static let clients: [IDP.UserPoolClientType] = [
        IDP.UserPoolClientType(userPoolId: poolID, clientName: "web-spa", clientId: webClientID,
                               lastModifiedDate: date("2024-06-01T12:00:00Z"), creationDate: date("2023-03-14T09:40:00Z"),
                               refreshTokenValidity: 30, explicitAuthFlows: [.init(rawValue: "ALLOW_USER_SRP_AUTH"),
                                                                            .init(rawValue: "ALLOW_REFRESH_TOKEN_AUTH")],
                               supportedIdentityProviders: ["COGNITO", "Google"], callbackURLs: ["https://app.example.com/callback"]),
        IDP.UserPoolClientType(userPoolId: poolID, clientName: "ios-app", clientId: "5h7j9l1n3p5r7t9v1x3z5b7d9f"),
        IDP.UserPoolClientType(userPoolId: poolID, clientName: "backend-worker", clientId: "1a2b3c4d5e6f7g8h9i0j1k2l3m",
                               clientSecret: "never-shown-secret-value"),
        IDP.UserPoolClientType(userPoolId: poolID, clientName: "管理コンソール", clientId: "7q8w9e0r1t2y3u4i5o6p7a8s9d"),
    ]

    public static let providers: [IDP.IdentityProviderType] = [
        IDP.IdentityProviderType(userPoolId: poolID, providerName: "Google", providerType: .google,
                                 creationDate: date("2023-04-02T08:15:00Z")),
        IDP.IdentityProviderType(userPoolId: poolID, providerName: "AzureAD", providerType: .oidc,
                                 creationDate: date("2023-10-10T10:10:00Z")),
        IDP.IdentityProviderType(userPoolId: poolID, providerName: "Okta-SAML", providerType: .saml,
                                 creationDate: date("2024-01-15T17:30:00Z")),
        IDP.IdentityProviderType(userPoolId: poolID, providerName: "SignInWithApple", providerType: .signInWithApple,
                                 creationDate: date("2024-09-09T09:09:00Z")),
    ]

    public static let domains: [IDP.DomainDescriptionType] = [
        IDP.DomainDescriptionType(userPoolId: poolID, awsAccountId: account, domain: "customers-prod",
                                  s3Bucket: "aws-cognito-prod-dub-assets", cloudFrontDistribution: "d3oia8etllorh5.cloudfront.net",
                                  version: "20230314094000", status: .active, managedLoginVersion: 2),
        IDP.DomainDescriptionType(userPoolId: poolID, awsAccountId: account, domain: "auth.example.com",
                                  cloudFrontDistribution: "d2kz0m3w5x7y9a.cloudfront.net", status: .updating,
                                  customDomainConfig: IDP.CustomDomainConfigType(
                                      certificateArn: arn("acm", "certificate/2f1e6f2a-9c8b-4d7e-a6f5-0b1c2d3e4f5a", region: "us-east-1")),
                                  managedLoginVersion: 1),
    ]
}
