import Foundation

/// Credentials of the EC2 instance's IAM role from the instance metadata service ("IMDS
/// credential provider", AWS SDKs and Tools Reference Guide), with IMDSv2:
/// 1. `PUT /latest/api/token` with `x-aws-ec2-metadata-token-ttl-seconds: 21600`;
/// 2. `GET /latest/meta-data/iam/security-credentials/` for the role name;
/// 3. `GET /latest/meta-data/iam/security-credentials/<role>` for the credentials;
/// the two GETs carry `x-aws-ec2-metadata-token`. As in botocore, when the token request is
/// answered 403, 404 or 405 (or another error status, or times out) the GETs go without a token
/// (IMDSv1), unless `ec2_metadata_v1_disabled` is set.
///
/// A service that does not answer, or answers without a role, means "not on EC2": the provider
/// reports itself not configured rather than failing, as botocore does.
public struct InstanceMetadataCredentialProvider: CredentialProvider {
    public var context: RuntimeContext
    public var transport: any HTTPTransport
    /// The selected profile's settings (`ec2_metadata_service_endpoint`, ...).
    public var profile: [String: String]
    /// Time allowed for each request (botocore's `metadata_service_timeout` default: 1 s).
    public var timeout: Duration

    static let tokenPath = "/latest/api/token"
    static let rolePath = "/latest/meta-data/iam/security-credentials/"

    public init(context: RuntimeContext, transport: any HTTPTransport, profile: [String: String] = [:],
                timeout: Duration = .seconds(1)) {
        self.context = context
        self.transport = transport
        self.profile = profile
        self.timeout = timeout
    }

    public func credentials() async throws -> Credentials {
        if context.env("AWS_EC2_METADATA_DISABLED")?.lowercased() == "true" {
            throw CredentialSourceNotConfigured(note: "disabled by AWS_EC2_METADATA_DISABLED")
        }
        let endpoint = try self.endpoint()
        let token = try await fetchToken(endpoint)
        if token == nil, setting("AWS_EC2_METADATA_V1_DISABLED", "ec2_metadata_v1_disabled")?.lowercased() == "true" {
            throw AWSClientError.credentials(
                "The instance metadata service gave no IMDSv2 token, and IMDSv1 is disabled (ec2_metadata_v1_disabled).")
        }
        guard let roles = try await get(Self.rolePath, endpoint, token: token),
              let role = CredentialSupport.trimmedText(roles).split(whereSeparator: \.isNewline).first.map(String.init),
              let body = try await get(Self.rolePath + role, endpoint, token: token),
              let json = CredentialSupport.jsonObject(body)
        else { throw CredentialSourceNotConfigured() }
        guard let accessKey = CredentialSupport.string(json, "AccessKeyId"),
              let secretKey = CredentialSupport.string(json, "SecretAccessKey") else {
            // An answer such as `{"Code": "AssumeRoleUnauthorizedAccess", ...}`: no usable role.
            throw CredentialSourceNotConfigured()
        }
        return Credentials(accessKeyId: accessKey, secretAccessKey: secretKey,
                           sessionToken: CredentialSupport.string(json, "Token"),
                           expiration: CredentialSupport.string(json, "Expiration").flatMap(CredentialSupport.parseTimestamp),
                           source: "instance-metadata")
    }

    /// `AWS_EC2_METADATA_SERVICE_ENDPOINT` or `ec2_metadata_service_endpoint`; else the IPv6
    /// address when the endpoint mode is `IPv6`; else `http://169.254.169.254`.
    func endpoint() throws -> Endpoint {
        let url: String
        if let custom = setting("AWS_EC2_METADATA_SERVICE_ENDPOINT", "ec2_metadata_service_endpoint") {
            url = custom
        } else if setting("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ec2_metadata_service_endpoint_mode")?
                    .lowercased() == "ipv6" {
            url = "http://[fd00:ec2::254]"
        } else {
            url = "http://169.254.169.254"
        }
        guard let endpoint = CredentialSupport.endpoint(url: url) else {
            throw AWSClientError.configuration("The instance metadata endpoint `\(url)` is not an http or https URL.")
        }
        return endpoint
    }

    /// The session token, or nil to go on with IMDSv1.
    private func fetchToken(_ endpoint: Endpoint) async throws -> String? {
        var request = HTTPRequest(method: "PUT", endpoint: endpoint, path: Self.tokenPath)
        request.headers.set("x-aws-ec2-metadata-token-ttl-seconds", "21600")
        let response: HTTPResponse
        do {
            response = try await CredentialSupport.send(request, over: transport, timeout: timeout)
        } catch AWSClientError.transport(let failure) where failure.kind == .couldNotConnect {
            // Nothing listens there: not an EC2 instance. (botocore would still try IMDSv1 and
            // fail the same way, a second timeout later.)
            throw CredentialSourceNotConfigured()
        } catch AWSClientError.transport(let failure) where failure.kind != .cancelled {
            return nil
        }
        switch response.status {
        case 200: return CredentialSupport.trimmedText(response.body)
        case 400: throw CredentialSourceNotConfigured()
        default: return nil
        }
    }

    /// The body of a 200 answer that is not empty, or nil.
    private func get(_ path: String, _ endpoint: Endpoint, token: String?) async throws -> Data? {
        var request = HTTPRequest(method: "GET", endpoint: endpoint, path: path)
        if let token { request.headers.set("x-aws-ec2-metadata-token", token) }
        do {
            let response = try await CredentialSupport.send(request, over: transport, timeout: timeout)
            return response.status == 200 && !response.body.isEmpty ? response.body : nil
        } catch AWSClientError.transport(let failure) where failure.kind != .cancelled {
            return nil
        }
    }

    /// The variable, else the profile's key.
    private func setting(_ variable: String, _ key: String) -> String? {
        context.env(variable) ?? profile[key].flatMap { $0.isEmpty ? nil : $0 }
    }
}
