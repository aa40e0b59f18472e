import Foundation

/// An error the service returned: code, message, HTTP status and request id.
public struct AWSServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error code without any `namespace#` prefix, e.g. `ResourceNotFoundException`.
    public var code: String
    public var message: String
    public var httpStatus: Int
    public var requestId: String?
    /// The operation that failed.
    public var operation: String

    public init(code: String, message: String, httpStatus: Int, requestId: String?, operation: String) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.requestId = requestId
        self.operation = operation
    }

    public var description: String {
        var text = "\(operation) failed: \(code)"
        if !message.isEmpty { text += ": \(message)" }
        text += " (HTTP \(httpStatus)"
        if let requestId { text += ", request id \(requestId)" }
        return text + ")"
    }
}

/// Errors raised by the runtime itself rather than the service.
public enum AWSClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The transport could not complete the exchange.
    case transport(TransportFailure)
    /// The reply was not what the protocol promises (not JSON, cut short, wrong shape).
    case malformedResponse(operation: String, status: Int, detail: String, requestId: String?)
    /// A read-only client was asked to run an operation that changes something.
    case readOnly(operation: String)
    /// No credentials could be found; the message lists what was tried.
    case noCredentials(String)
    /// A credential source was found but failed.
    case credentials(String)
    /// The profile signs in through IAM Identity Center and its cached token is missing,
    /// expired or refused: `aws sso login --profile PROFILE` must run first.
    case ssoLoginRequired(profile: String)
    /// Configuration files or settings are wrong.
    case configuration(String)
    /// The caller passed something unusable (bad JSON, unknown service).
    case invalidInput(String)

    public var description: String {
        switch self {
        case .transport(let failure): return failure.description
        case .malformedResponse(let op, let status, let detail, let requestId):
            var text = "\(op) returned a reply that could not be read (HTTP \(status)): \(detail)"
            if let requestId { text += " (request id \(requestId))" }
            return text
        case .readOnly(let op):
            return "\(op) changes data and this client is read-only, so it was not sent."
        case .noCredentials(let text), .credentials(let text), .configuration(let text), .invalidInput(let text):
            return text
        case .ssoLoginRequired(let profile):
            return "The SSO session for profile `\(profile)` has expired or was never started; "
                + "run `aws sso login --profile \(profile)`."
        }
    }
}

/// Why an exchange failed below HTTP.
public struct TransportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Nothing was sent: DNS failure, refused connection, connect timeout, TLS handshake.
        case couldNotConnect
        /// The request may have reached the server: reset, timeout, or a reply cut short.
        case ambiguous
        /// The caller cancelled the task.
        case cancelled
        /// A local problem: bad URL, bad CA file, out of memory.
        case local
    }

    public var kind: Kind
    /// libcurl's explanation, or ours.
    public var detail: String
    public var url: String

    public init(kind: Kind, detail: String, url: String) {
        self.kind = kind
        self.detail = detail
        self.url = url
    }

    public var description: String {
        switch kind {
        case .couldNotConnect: return "Could not connect to \(url): \(detail)."
        case .ambiguous: return "The connection to \(url) failed before a full reply arrived: \(detail)."
        case .cancelled: return "The request to \(url) was cancelled."
        case .local: return "The request to \(url) could not be made: \(detail)."
        }
    }
}
