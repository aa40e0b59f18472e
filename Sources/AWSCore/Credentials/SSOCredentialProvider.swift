import Foundation

/// Role credentials from IAM Identity Center, using the token that `aws sso login` left in
/// `~/.aws/sso/cache/` ("IAM Identity Center credential provider", AWS SDKs and Tools Reference
/// Guide). Applies when the profile has `sso_account_id` or `sso_role_name`.
///
/// Two layouts: a profile with `sso_session = NAME` takes `sso_start_url` and `sso_region` from
/// `[sso-session NAME]` and its token file is named by the SHA-1 of NAME; a legacy profile carries
/// them itself and its token file is named by the SHA-1 of the start URL (botocore's
/// `SSOTokenLoader`). The token is exchanged by `GetRoleCredentials`:
/// `GET /federation/credentials?role_name=…&account_id=…` with `x-amz-sso_bearer_token`.
public struct SSOCredentialProvider: CredentialProvider {
    public var profileName: String
    public var files: AWSConfigFiles
    public var context: RuntimeContext
    public var transport: any HTTPTransport
    /// The portal's endpoint when configured (`endpointURL(for: .sso)`), else AWS's.
    public var endpointURL: String?

    public init(profileName: String, files: AWSConfigFiles, context: RuntimeContext,
                transport: any HTTPTransport, endpointURL: String? = nil) {
        self.profileName = profileName
        self.files = files
        self.context = context
        self.transport = transport
        self.endpointURL = endpointURL
    }

    /// The settings one exchange needs.
    struct Settings: Equatable {
        var startURL: String
        var region: String
        var accountId: String
        var roleName: String
        var sessionName: String?

        /// The token cache file's name: SHA-1 of the session name, or of the start URL.
        var cacheKey: String { SHA1.hex(sessionName ?? startURL) }
    }

    public func credentials() async throws -> Credentials {
        let settings = try self.settings()
        let token = try cachedToken(settings)
        let endpoint = endpointURL ?? "https://portal.sso.\(settings.region).amazonaws.com"
        let query = "role_name=\(SigV4Encoding.encode(settings.roleName))"
            + "&account_id=\(SigV4Encoding.encode(settings.accountId))"
        guard var request = CredentialSupport.request(method: "GET", url: endpoint) else {
            throw AWSClientError.configuration("The IAM Identity Center endpoint `\(endpoint)` is not an http or https URL.")
        }
        request.path = "/federation/credentials"
        request.query = query
        request.headers.set("x-amz-sso_bearer_token", token)
        request.headers.set("Accept", "application/json")
        let response = try await transport.send(request)
        if response.status == 401 { throw expired }
        let json = CredentialSupport.jsonObject(response.body)
        guard response.status == 200 else {
            var message = "IAM Identity Center refused role `\(settings.roleName)` in account `\(settings.accountId)` "
                + "for profile `\(profileName)` (HTTP \(response.status))"
            if let text = json.flatMap({ CredentialSupport.string($0, "message") ?? CredentialSupport.string($0, "Message") }) {
                message += ": \(text)"
            }
            throw AWSClientError.credentials(message.hasSuffix(".") ? message : message + ".")
        }
        guard let role = json?["roleCredentials"] as? [String: Any],
              let accessKey = CredentialSupport.string(role, "accessKeyId"),
              let secretKey = CredentialSupport.string(role, "secretAccessKey") else {
            throw AWSClientError.credentials(
                "IAM Identity Center answered for profile `\(profileName)` without role credentials.")
        }
        let expiration = (role["expiration"] as? NSNumber).map {
            Date(timeIntervalSince1970: $0.doubleValue / 1000)
        }
        return Credentials(accessKeyId: accessKey, secretAccessKey: secretKey,
                           sessionToken: CredentialSupport.string(role, "sessionToken"),
                           expiration: expiration, source: "sso")
    }

    /// The profile's settings, merged with its `[sso-session]` section.
    func settings() throws -> Settings {
        let profile = files.profile(profileName) ?? [:]
        guard profile["sso_account_id"] != nil || profile["sso_role_name"] != nil else {
            throw CredentialSourceNotConfigured()
        }
        var merged = profile
        let sessionName = profile["sso_session"]
        if let sessionName {
            guard let session = files.ssoSessions[sessionName] else {
                throw AWSClientError.configuration(
                    "The profile `\(profileName)` uses sso_session `\(sessionName)`, but \(files.configDisplay) "
                    + "has no `[sso-session \(sessionName)]` section.")
            }
            for (key, value) in session {
                if let own = profile[key], own != value {
                    throw AWSClientError.configuration(
                        "The profile `\(profileName)` and `[sso-session \(sessionName)]` set \(key) differently.")
                }
                merged[key] = value
            }
        }
        let required = ["sso_start_url", "sso_region", "sso_account_id", "sso_role_name"]
        let missing = required.filter { (merged[$0] ?? "").isEmpty }
        guard missing.isEmpty else {
            throw AWSClientError.configuration(
                "The profile `\(profileName)` is set up for IAM Identity Center but lacks "
                + "\(CredentialChain.list(missing)).")
        }
        return Settings(startURL: merged["sso_start_url"]!, region: merged["sso_region"]!,
                        accountId: merged["sso_account_id"]!, roleName: merged["sso_role_name"]!,
                        sessionName: sessionName)
    }

    /// The access token from the AWS CLI's cache, if it is still valid.
    func cachedToken(_ settings: Settings) throws -> String {
        let path = context.expandingTilde("~/.aws/sso/cache/\(settings.cacheKey).json")
        guard let data = try? context.files.read(path),
              let json = CredentialSupport.jsonObject(data),
              let token = CredentialSupport.string(json, "accessToken"),
              let expiresAt = CredentialSupport.string(json, "expiresAt").flatMap(CredentialSupport.parseTimestamp),
              expiresAt > context.now()
        else { throw expired }
        return token
    }

    private var expired: AWSClientError {
        .ssoLoginRequired(profile: profileName)
    }
}
