import AWSCore
import Foundation

/// How the Cognito credential providers reach Cognito Identity (and STS, for the basic flow):
/// the AWS SDK for JavaScript's `clientConfig`.
public struct CognitoClientConfiguration: Sendable {
    /// The region of the identity pool.
    public var region: String
    /// nil for AWS's regional endpoints; the emulator's URL in tests and demos.
    public var endpoint: Endpoint?
    /// Attempts per call, first one included (the standard retry mode's default is 3).
    public var maxAttempts: Int?
    /// Time allowed for one whole request.
    public var requestTimeout: Duration?
    /// The credentials the Cognito client itself signs with; the calls the providers make
    /// (`GetId`, `GetCredentialsForIdentity`, `GetOpenIdToken`) are unsigned, so none are needed.
    public var credentials: (any CredentialProvider)?
    /// The HTTP transport; nil for a libcurl one made from the options above.
    public var transport: (any HTTPTransport)?
    /// Environment, clock and files.
    public var context: RuntimeContext
    /// Told of every call (the `--debug` trace, the log file, the audit log); nil for none.
    public var observer: (any CallObserver)?

    public init(region: String, endpoint: Endpoint? = nil, maxAttempts: Int? = nil, requestTimeout: Duration? = nil,
                credentials: (any CredentialProvider)? = nil, transport: (any HTTPTransport)? = nil,
                context: RuntimeContext = .live(), observer: (any CallObserver)? = nil) {
        self.observer = observer
        self.region = region
        self.endpoint = endpoint
        self.maxAttempts = maxAttempts
        self.requestTimeout = requestTimeout
        self.credentials = credentials
        self.transport = transport
        self.context = context
    }

    /// The configuration of a session (its endpoint for Cognito Identity, transport, retry
    /// attempts, context and call observer) for a pool in `region` (the session's own region when nil). The
    /// session's credentials are not used: the providers' calls are unsigned.
    /// - Throws: `AWSClientError.configuration` when no region is known or the endpoint is invalid.
    public init(session: AWSSession, region: String? = nil) throws {
        self.init(region: try region ?? session.requireRegion(), endpoint: try session.endpoint(for: .cognitoIdentity),
                  maxAttempts: session.config.maxAttempts, transport: session.transport, context: session.context,
                  observer: session.observer)
    }

    /// A Cognito Identity client with this configuration.
    public func identityClient() -> CognitoIdentityClient {
        CognitoIdentityClient(AWSClient(
            service: .cognitoIdentity, region: region, endpoint: endpoint,
            credentials: credentials ?? FixedCredentials(nil), transport: resolvedTransport, retry: retry, context: context,
            observer: observer))
    }

    /// An STS client with this configuration (for `AssumeRoleWithWebIdentity` in the basic flow).
    public func stsClient() -> STSClient {
        STSClient(region: region, endpoint: endpoint, transport: resolvedTransport, context: context, retry: retry,
                  observer: observer)
    }

    private var retry: RetryStrategy { RetryStrategy(configuration: RetryConfiguration(maxAttempts: maxAttempts)) }

    private var resolvedTransport: any HTTPTransport {
        if let transport { return transport }
        var options = TransportOptions()
        if let requestTimeout { options.totalTimeout = requestTimeout }
        return CurlTransport(options: options)
    }
}
