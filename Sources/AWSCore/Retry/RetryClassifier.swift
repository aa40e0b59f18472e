/// What went wrong with one attempt, in the terms retry decisions need.
public enum AttemptOutcome: Sendable, Equatable {
    /// The service answered with an error.
    case serviceError(code: String, status: Int)
    /// The reply could not be read; only its status is known.
    case unreadable(status: Int)
    /// Nothing reached the server (refused, DNS, TLS handshake, connect timeout).
    case couldNotConnect
    /// The request may have reached the server (reset, read timeout, reply cut short).
    case ambiguousNetworkFailure
}

/// The kinds of failure the AWS SDKs' retry behaviour distinguishes.
public enum RetryKind: Sendable, Equatable {
    case throttling
    case transient
    case timeout
    case notRetryable
}

/// Sorts failures as "Retry behavior" in the AWS SDKs and Tools Reference Guide does.
public enum RetryClassifier {
    /// Error codes that mean "slow down": the request was refused, not applied.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]

    /// Error codes for passing faults on the service's side.
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure",
        "ServiceUnavailable", "InternalServerError", "InternalErrorException",
    ]

    /// HTTP statuses for passing faults.
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    public static func kind(of outcome: AttemptOutcome) -> RetryKind {
        switch outcome {
        case .serviceError(let code, let status):
            if throttlingCodes.contains(code) || status == 429 { return .throttling }
            if transientCodes.contains(code) || transientStatuses.contains(status) { return .transient }
            return .notRetryable
        case .unreadable(let status):
            if status == 429 { return .throttling }
            return transientStatuses.contains(status) ? .transient : .notRetryable
        case .couldNotConnect:
            return .transient
        case .ambiguousNetworkFailure:
            return .timeout
        }
    }

    /// True when the failure shows the request was not applied, so that even an operation that
    /// changes data may be sent again: the service refused it (throttling, 503 unavailable), or
    /// it never left this machine.
    public static func provesNotApplied(_ outcome: AttemptOutcome) -> Bool {
        switch outcome {
        case .couldNotConnect:
            return true
        case .serviceError(let code, let status):
            return throttlingCodes.contains(code) || status == 429 || status == 503 || code == "ServiceUnavailable"
        case .unreadable(let status):
            return status == 429 || status == 503
        case .ambiguousNetworkFailure:
            return false
        }
    }
}
