// The default request-rate quotas of Amazon Cognito, as data.
//
// Source of the figures: "Quotas in Amazon Cognito" in the Amazon Cognito Developer Guide,
// sections "Amazon Cognito user pools API operation categories and request rate quotas" and
// "Amazon Cognito identity pools (federated identities) API operation request rate quotas",
// checked against the default values the Service Quotas console lists for `cognito-idp` and
// `cognito-identity`. Each quota is per account and Region, shared by every application in the
// account, so these are ceilings, not promises; a profile whose account bought more capacity
// raises a category with `RateLimiter.setRates`.
//
// Marks used below:
//   (guide)  the figure is the guide's default, the same as the Service Quotas default.
//   (quotas) the figure is the default Service Quotas lists ("Rate of <Operation> requests").
//   (chosen) no published figure was at hand when this table was written; the rate is a
//            deliberately low default picked here. Raise it per profile if the account allows.
// Operation-to-category assignments follow the guide's category table; the operations marked
// (chosen) in a category's comment were placed by the category's description (read, update,
// list…) because the table did not name them, usually because they are newer than it.
//
// Not modelled: the guide's extra limit of 5 requests per second per user pool on any single
// operation of UserPoolResourceRead/Update and UserPoolClientRead/Update, the separate allowance
// of three times UserAuthentication for RespondToAuthChallenge, and the per-user limit of ten
// reads and ten writes a second. Adaptive mode (`retry_mode = adaptive`) slows down when any of
// them bites.

extension QuotaTable {
    /// Amazon Cognito user pools (`cognito-idp`) and identity pools (`cognito-identity`).
    public static let cognito = QuotaTable(userPoolCategories + identityPoolCategories)

    static let userPools = "cognito-idp"
    static let identityPools = "cognito-identity"

    /// User pools: operations share a quota per category.
    static let userPoolCategories: [Category] = [
        // (guide) 120 rps. GetTokensFromRefreshToken (chosen).
        .init(name: "UserAuthentication", requestsPerSecond: 120, operations: [userPools: [
            "AdminInitiateAuth", "AdminRespondToAuthChallenge", "InitiateAuth", "RespondToAuthChallenge",
            "GetTokensFromRefreshToken",
        ]]),
        // (guide) 50 rps.
        .init(name: "UserCreation", requestsPerSecond: 50, operations: [userPools: [
            "AdminConfirmSignUp", "AdminCreateUser", "ConfirmSignUp", "SignUp",
        ]]),
        // (guide) 25 rps; federation runs in the managed login pages, not through API operations.
        .init(name: "UserFederation", requestsPerSecond: 25, operations: [:]),
        // (guide) 30 rps.
        .init(name: "UserAccountRecovery", requestsPerSecond: 30, operations: [userPools: [
            "AdminResetUserPassword", "AdminSetUserPassword", "ChangePassword", "ConfirmForgotPassword",
            "ForgotPassword",
        ]]),
        // (guide) 120 rps. AdminGetUserAuthFactors, GetUserAuthFactors (chosen).
        .init(name: "UserRead", requestsPerSecond: 120, operations: [userPools: [
            "AdminGetUser", "GetUser", "AdminGetUserAuthFactors", "GetUserAuthFactors",
        ]]),
        // (guide) 25 rps. The WebAuthn operations (chosen).
        .init(name: "UserUpdate", requestsPerSecond: 25, operations: [userPools: [
            "AdminDeleteUser", "AdminDeleteUserAttributes", "AdminDisableProviderForUser", "AdminDisableUser",
            "AdminEnableUser", "AdminLinkProviderForUser", "AdminSetUserMFAPreference", "AdminSetUserSettings",
            "AdminUpdateUserAttributes", "DeleteUser", "DeleteUserAttributes", "SetUserMFAPreference",
            "SetUserSettings", "UpdateUserAttributes", "VerifyUserAttribute",
            "StartWebAuthnRegistration", "CompleteWebAuthnRegistration", "DeleteWebAuthnCredential",
        ]]),
        // (guide) 120 rps.
        .init(name: "UserToken", requestsPerSecond: 120, operations: [userPools: [
            "RevokeToken", "GlobalSignOut", "AdminUserGlobalSignOut",
        ]]),
        // (guide) 50 rps. ListWebAuthnCredentials (chosen).
        .init(name: "UserResourceRead", requestsPerSecond: 50, operations: [userPools: [
            "AdminGetDevice", "AdminListDevices", "AdminListGroupsForUser", "AdminListUserAuthEvents", "GetDevice",
            "GetUserAttributeVerificationCode", "ListDevices", "ResendConfirmationCode", "ListWebAuthnCredentials",
        ]]),
        // (guide) 25 rps.
        .init(name: "UserResourceUpdate", requestsPerSecond: 25, operations: [userPools: [
            "AdminAddUserToGroup", "AdminRemoveUserFromGroup", "AdminForgetDevice", "AdminUpdateAuthEventFeedback",
            "AdminUpdateDeviceStatus", "AssociateSoftwareToken", "ConfirmDevice", "ForgetDevice",
            "UpdateAuthEventFeedback", "UpdateDeviceStatus", "VerifySoftwareToken",
        ]]),
        // (guide) 30 rps.
        .init(name: "UserList", requestsPerSecond: 30, operations: [userPools: [
            "ListUsers", "ListUsersInGroup",
        ]]),
        // (guide) 15 rps.
        .init(name: "UserPoolRead", requestsPerSecond: 15, operations: [userPools: [
            "DescribeUserPool", "GetUserPoolMfaConfig", "ListUserPools",
        ]]),
        // (guide) 15 rps.
        .init(name: "UserPoolUpdate", requestsPerSecond: 15, operations: [userPools: [
            "AddCustomAttributes", "CreateUserPool", "CreateUserPoolDomain", "DeleteUserPool", "DeleteUserPoolDomain",
            "SetUserPoolMfaConfig", "UpdateUserPool", "UpdateUserPoolDomain",
        ]]),
        // (guide) 20 rps. The managed login branding and terms operations (chosen).
        .init(name: "UserPoolResourceRead", requestsPerSecond: 20, operations: [userPools: [
            "DescribeIdentityProvider", "DescribeResourceServer", "DescribeRiskConfiguration", "DescribeUserImportJob",
            "DescribeUserPoolDomain", "GetCSVHeader", "GetGroup", "GetIdentityProviderByIdentifier",
            "GetLogDeliveryConfiguration", "GetSigningCertificate", "GetUICustomization", "ListGroups",
            "ListIdentityProviders", "ListResourceServers", "ListTagsForResource", "ListUserImportJobs",
            "DescribeManagedLoginBranding", "DescribeManagedLoginBrandingByClient", "DescribeTerms", "ListTerms",
        ]]),
        // (guide) 15 rps. The managed login branding and terms operations (chosen).
        .init(name: "UserPoolResourceUpdate", requestsPerSecond: 15, operations: [userPools: [
            "CreateGroup", "CreateIdentityProvider", "CreateResourceServer", "CreateUserImportJob", "DeleteGroup",
            "DeleteIdentityProvider", "DeleteResourceServer", "SetLogDeliveryConfiguration", "SetRiskConfiguration",
            "SetUICustomization", "StartUserImportJob", "StopUserImportJob", "TagResource", "UntagResource",
            "UpdateGroup", "UpdateIdentityProvider", "UpdateResourceServer",
            "CreateManagedLoginBranding", "DeleteManagedLoginBranding", "UpdateManagedLoginBranding",
            "CreateTerms", "DeleteTerms", "UpdateTerms",
        ]]),
        // (guide) 15 rps. ListUserPoolClientSecrets (chosen).
        .init(name: "UserPoolClientRead", requestsPerSecond: 15, operations: [userPools: [
            "DescribeUserPoolClient", "ListUserPoolClients", "ListUserPoolClientSecrets",
        ]]),
        // (guide) 15 rps. AddUserPoolClientSecret, DeleteUserPoolClientSecret (chosen).
        .init(name: "UserPoolClientUpdate", requestsPerSecond: 15, operations: [userPools: [
            "CreateUserPoolClient", "DeleteUserPoolClient", "UpdateUserPoolClient",
            "AddUserPoolClientSecret", "DeleteUserPoolClientSecret",
        ]]),
        // (guide) 150 rps; the token endpoint's client-credentials grant, not an API operation.
        .init(name: "ClientAuthentication", requestsPerSecond: 150, operations: [:]),
    ]

    /// Identity pools: each operation has its own quota, so each is a category named after it.
    static let identityPoolCategories: [Category] = [
        // (quotas)
        ("ListIdentities", 5), ("ListTagsForResource", 10), ("GetOpenIdToken", 200),
        ("GetOpenIdTokenForDeveloperIdentity", 50), ("GetId", 250), ("GetCredentialsForIdentity", 2000),
        ("TagResource", 1), ("UntagResource", 1),
        // (chosen) 5 rps each: the administrative operations, called by hand or by a job.
        ("CreateIdentityPool", 5), ("DeleteIdentities", 5), ("DeleteIdentityPool", 5), ("DescribeIdentity", 5),
        ("DescribeIdentityPool", 5), ("GetIdentityPoolRoles", 5), ("GetPrincipalTagAttributeMap", 5),
        ("ListIdentityPools", 5), ("LookupDeveloperIdentity", 5), ("MergeDeveloperIdentities", 5),
        ("SetIdentityPoolRoles", 5), ("SetPrincipalTagAttributeMap", 5), ("UnlinkDeveloperIdentity", 5),
        ("UnlinkIdentity", 5), ("UpdateIdentityPool", 5),
    ].map { Category(name: $0.0, requestsPerSecond: $0.1, operations: [identityPools: [$0.0]]) }
}
