import CognitoAPI

/// Typed outputs as the key/value sections of a detail tab. Pure functions of the output.
public enum DetailFormat {
    typealias Row = (key: String, value: String)

    public static func userPool(_ pool: CognitoIdentityProvider.UserPoolType) -> [DetailView.Section] {
        var sections = [DetailView.Section("User pool", [
            ("Name", ValueText.text(pool.name)),
            ("Id", ValueText.text(pool.id)),
            ("ARN", ValueText.text(pool.arn)),
            ("Status", ValueText.text(pool.status?.rawValue)),
            ("Tier", ValueText.text(pool.userPoolTier?.rawValue)),
            ("Estimated users", ValueText.number(pool.estimatedNumberOfUsers)),
            ("Deletion protection", ValueText.text(pool.deletionProtection?.rawValue)),
            ("Created", ValueText.date(pool.creationDate)),
            ("Modified", ValueText.date(pool.lastModifiedDate)),
        ])]
        sections.append(DetailView.Section("Sign-in", [
            ("Username attributes", ValueText.list(pool.usernameAttributes?.map(\.rawValue))),
            ("Alias attributes", ValueText.list(pool.aliasAttributes?.map(\.rawValue))),
            ("Case sensitive usernames", ValueText.yesNo(pool.usernameConfiguration?.caseSensitive)),
            ("Auto-verified", ValueText.list(pool.autoVerifiedAttributes?.map(\.rawValue))),
            ("Admin-only sign-up", ValueText.yesNo(pool.adminCreateUserConfig?.allowAdminCreateUserOnly)),
        ]))
        sections.append(DetailView.Section("MFA", [
            ("MFA", ValueText.text(pool.mfaConfiguration?.rawValue)),
        ]))
        let policy = pool.policies?.passwordPolicy
        sections.append(DetailView.Section("Password policy", policy.map { policy in [
            ("Minimum length", ValueText.number(policy.minimumLength)),
            ("Requires uppercase", ValueText.yesNo(policy.requireUppercase)),
            ("Requires lowercase", ValueText.yesNo(policy.requireLowercase)),
            ("Requires numbers", ValueText.yesNo(policy.requireNumbers)),
            ("Requires symbols", ValueText.yesNo(policy.requireSymbols)),
            ("Temporary password valid (days)", ValueText.number(policy.temporaryPasswordValidityDays)),
            ("Password history", ValueText.number(policy.passwordHistorySize)),
        ] } ?? [("Policy", ValueText.none)]))
        let triggers = lambdaTriggers(pool.lambdaConfig)
        sections.append(DetailView.Section("Lambda triggers", triggers.isEmpty ? [("Triggers", "none")] : triggers))
        let tags = (pool.userPoolTags ?? [:]).sorted { $0.key < $1.key }.map { Row(key: $0.key, value: $0.value) }
        if !tags.isEmpty { sections.append(DetailView.Section("Tags", tags)) }
        return sections
    }

    static func lambdaTriggers(_ config: CognitoIdentityProvider.LambdaConfigType?) -> [Row] {
        guard let config else { return [] }
        let rows: [(String, String?)] = [
            ("Pre sign-up", config.preSignUp), ("Custom message", config.customMessage),
            ("Post confirmation", config.postConfirmation), ("Pre authentication", config.preAuthentication),
            ("Post authentication", config.postAuthentication), ("Define auth challenge", config.defineAuthChallenge),
            ("Create auth challenge", config.createAuthChallenge),
            ("Verify auth challenge", config.verifyAuthChallengeResponse),
            ("Pre token generation", config.preTokenGenerationConfig?.lambdaArn ?? config.preTokenGeneration),
            ("User migration", config.userMigration), ("Custom SMS sender", config.customSMSSender?.lambdaArn),
            ("Custom email sender", config.customEmailSender?.lambdaArn),
            ("Inbound federation", config.inboundFederation?.lambdaArn),
        ]
        return rows.compactMap { key, value in value.map { Row(key: key, value: $0) } }
    }

    static func domain(_ name: String, _ domain: CognitoIdentityProvider.DomainDescriptionType?) -> DetailView.Section {
        DetailView.Section("Domain \(name)", [
            ("Domain", ValueText.text(domain?.domain ?? name)),
            ("Status", ValueText.text(domain?.status?.rawValue)),
            ("CloudFront distribution", ValueText.text(domain?.cloudFrontDistribution)),
            ("S3 bucket", ValueText.text(domain?.s3Bucket)),
            ("Certificate ARN", ValueText.text(domain?.customDomainConfig?.certificateArn)),
            ("Managed login version", ValueText.number(domain?.managedLoginVersion)),
            ("Account", ValueText.text(domain?.awsAccountId)),
        ])
    }

    public static func user(_ user: CognitoIdentityProvider.AdminGetUserResponse) -> [DetailView.Section] {
        let attributes = (user.userAttributes ?? []).map { Row(key: $0.name, value: ValueText.text($0.value)) }
        let legacy = (user.mfaOptions ?? []).map { "\($0.deliveryMedium?.rawValue ?? "?") to \($0.attributeName ?? "?")" }
        return [
            DetailView.Section("User", [
                ("Username", user.username),
                ("Status", ValueText.text(user.userStatus?.rawValue)),
                ("Enabled", ValueText.yesNo(user.enabled)),
                ("Created", ValueText.date(user.userCreateDate)),
                ("Modified", ValueText.date(user.userLastModifiedDate)),
            ]),
            DetailView.Section("MFA", [
                ("Preferred", ValueText.text(user.preferredMfaSetting)),
                ("Enabled methods", ValueText.list(user.userMFASettingList)),
                ("SMS options (legacy)", ValueText.list(legacy)),
            ]),
            DetailView.Section("Attributes", attributes.isEmpty ? [("attributes", ValueText.none)] : attributes),
        ]
    }

    public static func group(_ group: CognitoIdentityProvider.GroupType) -> [DetailView.Section] {
        [DetailView.Section("Group", [
            ("Name", ValueText.text(group.groupName)),
            ("Description", ValueText.text(group.description)),
            ("Role ARN", ValueText.text(group.roleArn)),
            ("Precedence", ValueText.number(group.precedence)),
            ("Created", ValueText.date(group.creationDate)),
            ("Modified", ValueText.date(group.lastModifiedDate)),
        ])]
    }

    public static func identity(_ identity: CognitoIdentity.IdentityDescription) -> [DetailView.Section] {
        let logins = (identity.logins ?? []).map { Row(key: $0, value: "linked") }
        return [
            DetailView.Section("Identity", [
                ("Id", ValueText.text(identity.identityId)),
                ("Created", ValueText.dateTime(identity.creationDate)),
                ("Modified", ValueText.dateTime(identity.lastModifiedDate)),
            ]),
            DetailView.Section("Logins", logins.isEmpty ? [("logins", "none (unauthenticated)")] : logins),
        ]
    }
}
