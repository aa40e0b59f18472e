import Foundation

/// Credentials from `AssumeRoleWithWebIdentity`, given a token file and a role: from the
/// environment (`AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_ARN`, `AWS_ROLE_SESSION_NAME`) or from the
/// profile (`web_identity_token_file`, `role_arn`, `role_session_name`), each variable beating its
/// profile setting as in botocore ("Assume role credential provider", AWS SDKs and Tools
/// Reference Guide). The token file is read again on every refresh, since the platform rotates it.
public struct WebIdentityCredentialProvider: CredentialProvider {
    public var profileName: String
    /// The profile's merged settings.
    public var profile: [String: String]
    /// False when `--profile` was given: the environment's settings are then ignored.
    public var useEnvironment: Bool
    public var context: RuntimeContext
    public var sts: any STSCalling

    public init(profileName: String, profile: [String: String], useEnvironment: Bool,
                context: RuntimeContext, sts: any STSCalling) {
        self.profileName = profileName
        self.profile = profile
        self.useEnvironment = useEnvironment
        self.context = context
        self.sts = sts
    }

    public func credentials() async throws -> Credentials {
        guard let tokenFile = setting("AWS_WEB_IDENTITY_TOKEN_FILE", "web_identity_token_file") else {
            throw CredentialSourceNotConfigured()
        }
        guard let roleArn = setting("AWS_ROLE_ARN", "role_arn") else {
            throw AWSClientError.configuration(
                "A web identity token file is set (\(tokenFile.origin)) but no role: set role_arn in profile "
                + "`\(profileName)` or AWS_ROLE_ARN.")
        }
        let path = context.expandingTilde(tokenFile.value)
        let data: Data?
        do {
            data = try context.files.read(path)
        } catch {
            throw AWSClientError.credentials("The web identity token file \(path) could not be read: \(error).")
        }
        let token = data.map(CredentialSupport.trimmedText) ?? ""
        guard !token.isEmpty else {
            throw AWSClientError.credentials(
                "The web identity token file \(path) (\(tokenFile.origin)) is missing or empty.")
        }
        let sessionName = setting("AWS_ROLE_SESSION_NAME", "role_session_name")?.value
            ?? RoleSessionName.default(context: context)
        let request = AssumeRoleWithWebIdentityRequest(roleArn: roleArn.value, roleSessionName: sessionName,
                                                       webIdentityToken: token)
        var credentials = try await sts.assumeRoleWithWebIdentity(request)
        credentials.source = "web-identity"
        return credentials
    }

    /// The variable (unless disabled), else the profile's key, with where it came from.
    private func setting(_ variable: String, _ key: String) -> (value: String, origin: String)? {
        if useEnvironment, let value = context.env(variable) { return (value, variable) }
        if let value = profile[key], !value.isEmpty { return (value, "\(key) in profile `\(profileName)`") }
        return nil
    }
}

/// The `RoleSessionName` used when none is configured.
enum RoleSessionName {
    /// `cognito-tui-<seconds since 1970>`, after botocore's `botocore-session-<epoch>`.
    static func `default`(context: RuntimeContext) -> String {
        "cognito-tui-\(Int(context.now().timeIntervalSince1970))"
    }
}
