import Foundation

/// The STS calls the runtime needs, over the Query protocol: the role assumptions behind
/// `role_arn` and web identity profiles, and `GetCallerIdentity`.
public struct STSClient: STSCalling {
    let region: String
    let endpoint: Endpoint
    let transport: any HTTPTransport
    let context: RuntimeContext
    let retry: RetryStrategy
    let observer: (any CallObserver)?
    let signingKeys: SigningKeyCache
    let clock: ClockOffset

    /// - Parameters:
    ///   - endpoint: nil for AWS's regional endpoint.
    ///   - signingKeys: the signing-key cache of the session this client belongs to.
    ///   - clock: the offset to the service's clock, shared with the session's other clients.
    public init(region: String, endpoint: Endpoint?, transport: any HTTPTransport, context: RuntimeContext,
                retry: RetryStrategy = RetryStrategy(configuration: RetryConfiguration()),
                observer: (any CallObserver)? = nil, signingKeys: SigningKeyCache = SigningKeyCache(),
                clock: ClockOffset = ClockOffset()) {
        self.region = region
        self.endpoint = endpoint ?? ServiceDescriptor.sts.defaultEndpoint(region: region)
        self.transport = transport
        self.context = context
        self.retry = retry
        self.observer = observer
        self.signingKeys = signingKeys
        self.clock = clock
    }

    func client(_ credentials: any CredentialProvider) -> AWSClient {
        AWSClient(service: .sts, region: region, endpoint: endpoint, credentials: credentials,
                  transport: transport, retry: retry, context: context, observer: observer,
                  signingKeys: signingKeys, clock: clock)
    }

    public func assumeRole(_ request: AssumeRoleRequest, credentials: Credentials) async throws -> Credentials {
        var parameters = [("RoleArn", request.roleArn), ("RoleSessionName", request.roleSessionName)]
        if let v = request.externalId { parameters.append(("ExternalId", v)) }
        if let v = request.durationSeconds { parameters.append(("DurationSeconds", String(v))) }
        if let v = request.serialNumber { parameters.append(("SerialNumber", v)) }
        if let v = request.tokenCode { parameters.append(("TokenCode", v)) }
        // AssumeRole creates nothing lasting, so it may be retried like a read.
        let response = try await client(FixedCredentials(credentials))
            .callQuery("AssumeRole", parameters: parameters, mutates: false)
        return try Self.credentials(from: response, operation: "AssumeRole", source: "assume-role")
    }

    public func assumeRoleWithWebIdentity(_ request: AssumeRoleWithWebIdentityRequest) async throws -> Credentials {
        var parameters = [("RoleArn", request.roleArn), ("RoleSessionName", request.roleSessionName),
                          ("WebIdentityToken", request.webIdentityToken)]
        if let v = request.durationSeconds { parameters.append(("DurationSeconds", String(v))) }
        if let v = request.policy { parameters.append(("Policy", v)) }
        let response = try await client(FixedCredentials(nil))
            .callQuery("AssumeRoleWithWebIdentity", parameters: parameters, signed: false, mutates: false)
        return try Self.credentials(from: response, operation: "AssumeRoleWithWebIdentity", source: "web-identity")
    }

    /// The account, user id and ARN of the caller.
    public func getCallerIdentity(credentials: any CredentialProvider) async throws -> [String: String] {
        let response = try await client(credentials).callQuery("GetCallerIdentity", parameters: [], mutates: false)
        guard let result = XMLTree.parse(response.body)?.first("GetCallerIdentityResult") else {
            throw AWSClientError.malformedResponse(operation: "GetCallerIdentity", status: response.status,
                                                   detail: "no GetCallerIdentityResult element", requestId: response.requestId)
        }
        return result.childTexts
    }

    /// Reads `<Credentials>` out of an AssumeRole* reply.
    static func credentials(from response: AWSResponse, operation: String, source: String) throws -> Credentials {
        let fields = XMLTree.parse(response.body)?.first("Credentials")?.childTexts ?? [:]
        guard let keyId = fields["AccessKeyId"], let secret = fields["SecretAccessKey"], !keyId.isEmpty, !secret.isEmpty
        else {
            throw AWSClientError.malformedResponse(operation: operation, status: response.status,
                                                   detail: "the reply has no Credentials element", requestId: response.requestId)
        }
        let expiration = fields["Expiration"].flatMap(ISO8601.parse)
        return Credentials(accessKeyId: keyId, secretAccessKey: secret, sessionToken: fields["SessionToken"],
                           expiration: expiration, source: source)
    }
}

/// A provider that always returns the same credentials (or none, for unsigned calls).
public struct FixedCredentials: CredentialProvider {
    let value: Credentials?
    public init(_ value: Credentials?) { self.value = value }

    public func credentials() async throws -> Credentials {
        guard let value else { throw AWSClientError.noCredentials("No credentials were given.") }
        return value
    }
}
