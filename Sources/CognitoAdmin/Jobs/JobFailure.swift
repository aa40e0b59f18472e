import AWSCore

/// An error from a job item's work, in the terms the runner needs: what to report, and whether
/// the call may have been applied.
public struct JobFailure: Sendable, Equatable {
    /// What a failure proves about the call.
    public enum Kind: String, Sendable, Equatable {
        /// The service refused the call for a reason a resend cannot fix (bad input, not found,
        /// not allowed). Nothing was applied.
        case rejected
        /// Nothing was applied and a resend may succeed: throttling, the service unavailable, or
        /// the request never left this machine.
        case notApplied
        /// The call may or may not have been applied: the connection broke after sending, a 5xx
        /// arrived after the request reached the service, or the reply could not be read.
        case outcomeUnknown
    }

    /// An error code: the service's, or `Transport.<kind>`, `MalformedResponse`, … for the runtime's.
    public var code: String
    /// One line for people.
    public var message: String
    public var requestId: String?
    public var httpStatus: Int?
    public var kind: Kind

    public init(code: String, message: String, requestId: String? = nil, httpStatus: Int? = nil, kind: Kind) {
        self.code = code
        self.message = JobFailure.oneLine(message)
        self.requestId = requestId
        self.httpStatus = httpStatus
        self.kind = kind
    }

    /// Sorts any error the work may throw. The rules follow the runtime's retry classifier, which
    /// already tells "certainly not applied" from "unknown" ("Retry behavior", AWS SDKs and Tools
    /// Reference Guide); an error this module does not recognise counts as unknown, so that it is
    /// read back rather than resent.
    public init(classifying error: any Error) {
        switch error {
        case let error as JobClassifiableError:
            self = error.jobFailure
        case let error as AWSServiceError:
            self = JobFailure(serviceError: error)
        case let error as AWSClientError:
            self = JobFailure(clientError: error)
        case is CancellationError:
            self.init(code: "Cancelled", message: "The call was cancelled while it was under way.", kind: .outcomeUnknown)
        default:
            self.init(code: String(describing: type(of: error)), message: String(describing: error), kind: .outcomeUnknown)
        }
    }

    init(serviceError error: AWSServiceError) {
        let outcome = AttemptOutcome.serviceError(code: error.code, status: error.httpStatus)
        let kind: Kind
        if RetryClassifier.provesNotApplied(outcome) {
            kind = .notApplied
        } else if error.httpStatus >= 500 {
            kind = .outcomeUnknown
        } else {
            kind = .rejected
        }
        self.init(code: error.code, message: error.message, requestId: error.requestId,
                  httpStatus: error.httpStatus, kind: kind)
    }

    init(clientError error: AWSClientError) {
        switch error {
        case .transport(let failure):
            let kind: Kind
            switch failure.kind {
            case .couldNotConnect: kind = .notApplied
            case .ambiguous, .cancelled: kind = .outcomeUnknown
            case .local: kind = .rejected
            }
            self.init(code: "Transport.\(failure.kind.rawValue)", message: failure.description, kind: kind)
        case .malformedResponse(_, let status, _, let requestId):
            let kind: Kind
            if RetryClassifier.provesNotApplied(.unreadable(status: status)) {
                kind = .notApplied
            } else if (400..<500).contains(status) {
                kind = .rejected
            } else {
                kind = .outcomeUnknown
            }
            self.init(code: "MalformedResponse", message: error.description, requestId: requestId,
                      httpStatus: status, kind: kind)
        case .readOnly:
            self.init(code: "ReadOnly", message: error.description, kind: .rejected)
        case .noCredentials:
            self.init(code: "NoCredentials", message: error.description, kind: .rejected)
        case .credentials, .ssoLoginRequired:
            self.init(code: "Credentials", message: error.description, kind: .rejected)
        case .configuration:
            self.init(code: "Configuration", message: error.description, kind: .rejected)
        case .invalidInput:
            self.init(code: "InvalidInput", message: error.description, kind: .rejected)
        }
    }

    /// Joins the lines of a message and squeezes its runs of white space, so that each report
    /// entry stays on one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}

/// An error that says for itself how a job should treat it; domain code throws these for
/// failures the runtime does not know about.
public protocol JobClassifiableError: Error {
    var jobFailure: JobFailure { get }
}
