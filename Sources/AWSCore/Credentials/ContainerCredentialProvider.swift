import Foundation

/// Credentials from the container credentials endpoint of ECS, EKS Pod Identity or a local
/// stand-in ("Container credential provider", AWS SDKs and Tools Reference Guide). Applies when
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (under `http://169.254.170.2`) or
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI` is set. A full URI must be https, or http to a loopback
/// address or one of the ECS and EKS addresses, as the SDKs check. The `Authorization` header comes
/// from `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read on every call, as it rotates) or
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
public struct ContainerCredentialProvider: CredentialProvider {
    public var context: RuntimeContext
    public var transport: any HTTPTransport
    /// Time allowed for one attempt (botocore: 2 s).
    public var timeout: Duration
    /// Attempts before giving up, one `retryDelay` apart (botocore: 3, 1 s).
    public var attempts: Int
    public var retryDelay: Duration

    static let ecsHost = "169.254.170.2"
    static let allowedHTTPHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23", "localhost"]

    public init(context: RuntimeContext, transport: any HTTPTransport, timeout: Duration = .seconds(2),
                attempts: Int = 3, retryDelay: Duration = .seconds(1)) {
        self.context = context
        self.transport = transport
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.retryDelay = retryDelay
    }

    public func credentials() async throws -> Credentials {
        let url: String
        if let relative = context.env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            url = "http://\(Self.ecsHost)" + (relative.hasPrefix("/") ? relative : "/" + relative)
        } else if let full = context.env("AWS_CONTAINER_CREDENTIALS_FULL_URI") {
            url = full
        } else {
            throw CredentialSourceNotConfigured()
        }
        guard var request = CredentialSupport.request(method: "GET", url: url) else {
            throw AWSClientError.configuration("The container credentials URI `\(url)` is not an http or https URL.")
        }
        guard Self.isAllowed(request.endpoint) else {
            throw AWSClientError.configuration(
                "The container credentials URI `\(url)` must use https, or http to a loopback address or one of "
                + Self.allowedHTTPHosts.sorted().joined(separator: ", ") + ".")
        }
        request.headers.set("Accept", "application/json")
        if let authorization = try authorization() { request.headers.set("Authorization", authorization) }

        var failure = ""
        for attempt in 1...attempts {
            if attempt > 1 { try await context.sleep(retryDelay) }
            do {
                let response = try await CredentialSupport.send(request, over: transport, timeout: timeout)
                if response.status == 200 { return try Self.decode(response.body, from: url) }
                failure = "HTTP \(response.status)"
            } catch let error as AWSClientError {
                failure = error.description
            }
        }
        let message = "Container credentials could not be fetched from \(url): \(failure)"
        throw AWSClientError.credentials(message.hasSuffix(".") ? message : message + ".")
    }

    /// http only to loopback, ECS and EKS addresses; https anywhere.
    static func isAllowed(_ endpoint: Endpoint) -> Bool {
        if endpoint.scheme == "https" { return true }
        let host = endpoint.host.lowercased()
        return endpoint.isLoopback || allowedHTTPHosts.contains(host)
    }

    private func authorization() throws -> String? {
        var token: String?
        if let path = context.env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
            guard let data = try context.files.read(path) else {
                throw AWSClientError.credentials(
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names \(path), which does not exist.")
            }
            token = CredentialSupport.trimmedText(data)
        } else {
            token = context.env("AWS_CONTAINER_AUTHORIZATION_TOKEN")
        }
        if let token, token.contains(where: { $0 == "\r" || $0 == "\n" }) {
            throw AWSClientError.credentials("The container authorization token has a line break, so it cannot be sent.")
        }
        return token
    }

    /// `AccessKeyId`, `SecretAccessKey`, `Token`, `Expiration`.
    static func decode(_ body: Data, from url: String) throws -> Credentials {
        guard let json = CredentialSupport.jsonObject(body),
              let accessKey = CredentialSupport.string(json, "AccessKeyId"),
              let secretKey = CredentialSupport.string(json, "SecretAccessKey") else {
            throw AWSClientError.credentials("The container credentials endpoint \(url) answered without credentials.")
        }
        return Credentials(accessKeyId: accessKey, secretAccessKey: secretKey,
                           sessionToken: CredentialSupport.string(json, "Token"),
                           expiration: CredentialSupport.string(json, "Expiration").flatMap(CredentialSupport.parseTimestamp),
                           source: "container")
    }
}
