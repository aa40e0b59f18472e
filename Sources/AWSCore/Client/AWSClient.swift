import Foundation

/// One client for one service, region and endpoint. Every call goes through the same pipeline:
///
/// 1. encode the input for the service's protocol (JSON 1.1: `X-Amz-Target: <prefix>.<Operation>`,
///    `Content-Type: application/x-amz-json-1.1`; Query: a form with `Action` and `Version`);
/// 2. refuse it, before anything is signed or sent, if the client is read-only and the operation
///    changes data;
/// 3. wait for the rate limiter, when the client has one: a token from the operation's quota
///    category, before every attempt, retries included;
/// 4. resolve credentials (cached, refreshed before they expire) and sign with SigV4, unless the
///    service model marks the operation unsigned (`GetId`, `InitiateAuth`, …); signing keys are
///    kept in the client's cache (its session's, when a session made it);
/// 5. send it over the transport (libcurl: reused connections, timeouts, proxies, TLS verified);
/// 6. decode the reply, or decode the error into `AWSServiceError` with code, message, HTTP
///    status and request id (any secret the request carried masked, should the service quote
///    it); a reply the protocol does not allow becomes `malformedResponse`;
///    tell the rate limiter whether the service throttled it (adaptive mode slows down);
/// 7. retry by the AWS "standard" retry mode (attempts, full-jitter backoff, retry quota), and
///    never resend an operation that changes data after a failure that leaves it unknown
///    whether the service applied it;
/// 8. besides, once per call and at once: a request refused for the client's clock
///    (`RequestTimeTooSkewed`, "Signature expired") is signed again with the offset the reply's
///    `Date` header gives, which later calls keep; one refused for expired credentials
///    (`ExpiredTokenException`, STS's `ExpiredToken`) is signed again with refreshed ones. Both
///    refusals prove the request was not applied.
public final class AWSClient: Sendable {
    public let service: ServiceDescriptor
    public let region: String
    public let endpoint: Endpoint
    /// The endpoint given at creation (the user's `endpoint_url`); nil when it is AWS's own.
    let configuredEndpoint: Endpoint?
    public let readOnly: Bool
    let credentials: any CredentialProvider
    let transport: any HTTPTransport
    let retry: RetryStrategy
    let context: RuntimeContext
    let observer: (any CallObserver)?
    /// Holds calls to their quota categories' rates; nil for a client that is not limited.
    public let limiter: RateLimiter?
    let signingKeys: SigningKeyCache
    /// The service's clock against this machine's; requests are signed at its time.
    public let clock: ClockOffset

    /// - Parameters:
    ///   - limiter: the session's rate limiter; nil leaves the client unlimited.
    ///   - signingKeys: where derived signing keys are kept; a session passes the one its
    ///     clients share, and a client made alone gets its own.
    ///   - clock: the offset to the service's clock; a session passes the one its clients share.
    public init(service: ServiceDescriptor, region: String, endpoint: Endpoint? = nil,
                credentials: any CredentialProvider, transport: any HTTPTransport,
                retry: RetryStrategy = RetryStrategy(configuration: RetryConfiguration()),
                readOnly: Bool = false, context: RuntimeContext, observer: (any CallObserver)? = nil,
                limiter: RateLimiter? = nil, signingKeys: SigningKeyCache = SigningKeyCache(),
                clock: ClockOffset = ClockOffset()) {
        self.service = service
        self.region = region
        self.endpoint = endpoint ?? service.defaultEndpoint(region: region)
        self.configuredEndpoint = endpoint
        self.credentials = credentials
        self.transport = transport
        self.retry = retry
        self.readOnly = readOnly
        self.context = context
        self.observer = observer
        self.limiter = limiter
        self.signingKeys = signingKeys
        self.clock = clock
    }

    /// The same client for another region: the same credentials, transport, retry quota and
    /// read-only guard, and a rate limiter at the same rates whose buckets are the region's own
    /// (quotas are per region); calls are signed for `region` and go to the endpoint given at
    /// creation when there was one (an emulator, a proxy), else to AWS's for `region`.
    public func inRegion(_ region: String) -> AWSClient {
        AWSClient(service: service, region: region, endpoint: configuredEndpoint, credentials: credentials,
                  transport: transport, retry: retry, readOnly: readOnly, context: context, observer: observer,
                  limiter: region == self.region ? limiter : limiter?.forAnotherRegion(), signingKeys: signingKeys)
    }

    /// When the client's credentials expire, resolving them first (cached by the session's
    /// chain); nil for credentials that do not expire. The credentials themselves stay inside.
    /// - Throws: the credential chain's error (`AWSClientError.ssoLoginRequired`, …).
    public func credentialExpiration() async throws -> Date? {
        try await credentials.credentials().expiration
    }

    /// Calls a JSON-protocol operation and returns the reply body (a JSON object).
    ///
    /// - Parameters:
    ///   - operation: the operation name, e.g. `ListUserPools`.
    ///   - input: the JSON input; empty means `{}`.
    ///   - signed: false for the operations the service model marks unsigned.
    ///   - mutates: whether the operation changes data (read-only clients refuse these).
    /// - Throws: `AWSServiceError`, or `AWSClientError`.
    public func callJSON(_ operation: String, input: Data, signed: Bool = true, mutates: Bool) async throws -> AWSResponse {
        guard case .json(let prefix) = service.wireProtocol else {
            throw AWSClientError.invalidInput("\(service.id) does not speak the JSON protocol.")
        }
        let request = JSONProtocol.request(endpoint: endpoint, targetPrefix: prefix, operation: operation, body: input)
        let response = try await perform(operation, request: request, signed: signed, mutates: mutates,
                                         decodeError: JSONProtocol.decodeError)
        let body = try JSONProtocol.validateSuccessBody(response, operation: operation)
        return AWSResponse(status: response.status, body: body, requestId: JSONProtocol.requestId(response))
    }

    /// Calls a Query-protocol action and returns the reply's XML.
    public func callQuery(_ action: String, parameters: [(String, String)], signed: Bool = true,
                          mutates: Bool) async throws -> AWSResponse {
        guard case .query(let version) = service.wireProtocol else {
            throw AWSClientError.invalidInput("\(service.id) does not speak the Query protocol.")
        }
        let request = QueryProtocol.request(endpoint: endpoint, action: action, version: version, parameters: parameters)
        let response = try await perform(action, request: request, signed: signed, mutates: mutates,
                                         decodeError: QueryProtocol.decodeError)
        return AWSResponse(status: response.status, body: response.body,
                           requestId: response.headers["x-amzn-RequestId"])
    }

    /// Steps 2 to 7 of the pipeline.
    func perform(_ operation: String, request: HTTPRequest, signed: Bool, mutates: Bool,
                 decodeError: (HTTPResponse, String) -> Error) async throws -> HTTPResponse {
        if readOnly && mutates {
            throw AWSClientError.readOnly(operation: operation)
        }
        let started = context.now()
        var attempt = 0
        // What the last retry took from the quota; a success gives that back (standard mode).
        var lastCost = 0
        // Step 8: each of these second chances is taken at most once per call.
        var clockCorrected = false
        var credentialsRefreshed = false
        while true {
            attempt += 1
            try Task.checkCancellation()
            try await limiter?.acquire(operation: operation, service: service.id)
            var outgoing = request
            let signedAt = context.now().addingTimeInterval(clock.seconds)
            if signed {
                let keys = try await credentials.credentials()
                let signer = SigV4Signer(credentials: keys, region: region, service: service.signingName,
                                         keyCache: signingKeys)
                outgoing = signer.signHeaders(request, date: signedAt).request
            }
            outgoing.sendAtMostOnce = mutates
            observer?.willSend(operation: operation, attempt: attempt, request: outgoing)
            let outcome: AttemptOutcome
            let failure: Error
            do {
                let received = try await transport.send(outgoing)
                // A service may quote what it was sent in an error (a token, a SECRET_HASH): the
                // secrets of the request are masked in the error reply before anyone reads it.
                let response = (200..<300).contains(received.status) ? received : Self.scrubbed(received, sent: request.body)
                observer?.didReceive(operation: operation, attempt: attempt, response: response)
                if (200..<300).contains(response.status) {
                    limiter?.recordReply(operation: operation, service: service.id, throttled: false)
                    retry.recordSuccess(spent: lastCost)
                    finish(operation, request: request, mutates: mutates, started: started, status: response.status,
                           attempts: attempt, requestId: response.headers["x-amzn-RequestId"], errorCode: nil)
                    return response
                }
                failure = decodeError(response, operation)
                if signed, let serviceError = failure as? AWSServiceError {
                    if !clockCorrected, let offset = ClockSkew.correction(
                        for: serviceError, serverDate: response.headers["Date"], signedAt: signedAt, now: context.now()) {
                        clockCorrected = true
                        clock.set(offset)
                        observer?.willRetry(operation: operation, attempt: attempt, after: .zero, error: failure)
                        continue
                    }
                    if !credentialsRefreshed, Self.expiredCredentialCodes.contains(serviceError.code) {
                        credentialsRefreshed = true
                        await credentials.invalidate()
                        observer?.willRetry(operation: operation, attempt: attempt, after: .zero, error: failure)
                        continue
                    }
                }
                if let serviceError = failure as? AWSServiceError {
                    outcome = .serviceError(code: serviceError.code, status: response.status)
                } else {
                    outcome = .unreadable(status: response.status)
                }
                limiter?.recordReply(operation: operation, service: service.id,
                                     throttled: RetryClassifier.kind(of: outcome) == .throttling)
            } catch let error as AWSClientError {
                guard case .transport(let transportFailure) = error else { throw error }
                switch transportFailure.kind {
                case .couldNotConnect: outcome = .couldNotConnect
                case .ambiguous: outcome = .ambiguousNetworkFailure
                case .cancelled:
                    // A change cancelled mid-transfer may have been applied: the audit log says so.
                    finish(operation, request: request, mutates: mutates, started: started, status: nil,
                           attempts: attempt, requestId: nil, errorCode: "Cancelled")
                    throw CancellationError()
                case .local: throw error
                }
                failure = error
            }
            switch retry.decide(attempt: attempt, outcome: outcome, mutates: mutates) {
            case .retry(let delay, let cost):
                lastCost = cost
                observer?.willRetry(operation: operation, attempt: attempt, after: delay, error: failure)
                try await context.sleep(delay)
            case .stop:
                finish(operation, request: request, mutates: mutates, started: started, status: Self.status(of: failure),
                       attempts: attempt, requestId: Self.requestId(of: failure), errorCode: Self.code(of: failure))
                throw failure
            }
        }
    }

    /// Tells the observer a call is over; a change carries its input, secrets masked.
    private func finish(_ operation: String, request: HTTPRequest, mutates: Bool, started: Date, status: Int?,
                        attempts: Int, requestId: String?, errorCode: String?) {
        guard let observer else { return }
        observer.didFinish(CallRecord(
            service: service.id, operation: operation, started: started,
            duration: context.now().timeIntervalSince(started), status: status, attempts: attempts,
            requestId: requestId, errorCode: errorCode, mutates: mutates,
            redactedInput: mutates ? Redactor.body(request.body) : nil, region: region,
            endpoint: endpoint.description))
    }

    /// Codes that say the session token has expired: the credentials are fetched again.
    static let expiredCredentialCodes: Set<String> = ["ExpiredTokenException", "ExpiredToken"]

    /// `response` with the values `sent` carried under secret members masked in its body.
    static func scrubbed(_ response: HTTPResponse, sent: Data) -> HTTPResponse {
        let secrets = Redactor.secretValues(in: sent)
        guard !secrets.isEmpty else { return response }
        let text = String(decoding: response.body, as: UTF8.self)
        let clean = Redactor.scrub(text, values: secrets)
        guard clean != text else { return response }
        var out = response
        out.body = Data(clean.utf8)
        return out
    }

    static func status(of error: Error) -> Int? {
        if let e = error as? AWSServiceError { return e.httpStatus }
        if case .malformedResponse(_, let status, _, _) = error as? AWSClientError { return status }
        return nil
    }

    static func requestId(of error: Error) -> String? {
        if let e = error as? AWSServiceError { return e.requestId }
        if case .malformedResponse(_, _, _, let id) = error as? AWSClientError { return id }
        return nil
    }

    static func code(of error: Error) -> String {
        if let e = error as? AWSServiceError { return e.code }
        if case .transport(let failure) = error as? AWSClientError { return "Transport.\(failure.kind.rawValue)" }
        return "MalformedResponse"
    }
}

/// A successful reply.
public struct AWSResponse: Sendable {
    public var status: Int
    /// JSON for the JSON protocol, XML for Query.
    public var body: Data
    public var requestId: String?
}
