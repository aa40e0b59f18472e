import Foundation

/// Everything needed to make clients for one profile: resolved settings, one shared transport,
/// one cached credential chain, one retry quota, one rate limiter and one signing-key cache.
/// The console and `cognito-tui call` both start here.
public final class AWSSession: Sendable {
    public let config: ResolvedConfig
    public let overrides: ConfigOverrides
    public let context: RuntimeContext
    public let transport: any HTTPTransport
    public let credentials: any CredentialProvider
    public let readOnly: Bool
    public let observer: (any CallObserver)?
    /// Holds every client's calls to the Cognito quota categories' rates; in adaptive retry mode
    /// it also slows a category down when it is throttled. Its `status()` is the session's
    /// throttling count.
    public let rateLimiter: RateLimiter
    let retry: RetryStrategy
    let signingKeys = SigningKeyCache()
    /// The offset to the services' clock, learnt from the first reply that shows it is needed.
    public let clock = ClockOffset()

    /// Resolves the configuration the way the AWS CLI does and builds the credential chain.
    ///
    /// - Parameter rateLimits: the profile's request rates by quota category (requests per
    ///   second), replacing the defaults of `QuotaTable.cognito`.
    /// - Throws: `AWSClientError.configuration` for broken config files, unknown profiles or
    ///   bad settings, unknown rate-limit categories; credentials are only looked for when the
    ///   first signed call needs them.
    public init(overrides: ConfigOverrides, context: RuntimeContext, readOnly: Bool = false,
                observer: (any CallObserver)? = nil, transport: (any HTTPTransport)? = nil,
                rateLimits: [String: Double] = [:]) throws {
        // As with the AWS CLI, --endpoint-url applies to the service being called, not to the
        // STS or IAM Identity Center calls that fetch credentials.
        if let url = overrides.endpointURL, Endpoint(url: url) == nil {
            throw AWSClientError.configuration("--endpoint-url must be an http:// or https:// URL with a host, got `\(url)`.")
        }
        var configOverrides = overrides
        configOverrides.endpointURL = nil
        let config = try ConfigResolver(context: context).resolve(configOverrides)
        self.config = config
        self.overrides = overrides
        self.context = context
        self.readOnly = readOnly
        self.observer = observer
        var options = TransportOptions()
        options.caBundlePath = config.caBundle
        options.proxy = ProxySettings(environment: context.environment)
        if let connect = config.connectTimeout { options.connectTimeout = connect }
        if let read = config.readTimeout { options.totalTimeout = read }
        let transport = transport ?? CurlTransport(options: options)
        self.transport = transport
        let mode = RetryConfiguration.Mode(rawValue: (config.retryMode ?? .standard).rawValue) ?? .standard
        let retry = RetryStrategy(configuration: RetryConfiguration(mode: mode, maxAttempts: config.maxAttempts))
        self.retry = retry
        let limiter = RateLimiter(adaptive: mode == .adaptive, context: context)
        try limiter.setRates(rateLimits)
        self.rateLimiter = limiter
        let stsRegion = config.region ?? "us-east-1"
        let sts = STSClient(region: stsRegion, endpoint: try Self.endpoint(config, .sts), transport: transport,
                            context: context, retry: retry, observer: observer, signingKeys: signingKeys, clock: clock)
        self.credentials = CredentialChainBuilder.build(
            config: config, overrides: overrides, context: context, transport: transport, sts: sts)
    }

    /// The region, or an error saying how to set one.
    public func requireRegion() throws -> String {
        guard let region = config.region else {
            throw AWSClientError.configuration(
                "No region is set for profile `\(config.profileName)`: pass --region, set AWS_REGION, or add `region` to the profile.")
        }
        return region
    }

    /// A client for one of the services, at the configured endpoint or AWS's.
    public func client(_ service: ServiceDescriptor) throws -> AWSClient {
        let region = try requireRegion()
        return AWSClient(service: service, region: region, endpoint: try endpoint(for: service),
                         credentials: credentials, transport: transport, retry: retry, readOnly: readOnly,
                         context: context, observer: observer, limiter: rateLimiter, signingKeys: signingKeys, clock: clock)
    }

    /// Where calls to this service go: `--endpoint-url`, else the configured endpoint, else
    /// nil for AWS's own.
    public func endpoint(for service: ServiceDescriptor) throws -> Endpoint? {
        if let url = overrides.endpointURL { return Endpoint(url: url) }
        return try Self.endpoint(config, Self.serviceID(service))
    }

    /// The STS client of this session, for calls the user makes to STS.
    public func sts() throws -> STSClient {
        STSClient(region: try requireRegion(), endpoint: try endpoint(for: .sts), transport: transport,
                  context: context, retry: retry, observer: observer, signingKeys: signingKeys, clock: clock)
    }

    static func serviceID(_ service: ServiceDescriptor) -> AWSServiceID {
        AWSServiceID(rawValue: service.id) ?? .sts
    }

    static func endpoint(_ config: ResolvedConfig, _ service: AWSServiceID) throws -> Endpoint? {
        guard let url = config.endpointURL(for: service) else { return nil }
        guard let endpoint = Endpoint(url: url) else {
            throw AWSClientError.configuration(
                "The endpoint URL `\(url)` for \(service.rawValue) is not an http:// or https:// URL with a host.")
        }
        return endpoint
    }
}
