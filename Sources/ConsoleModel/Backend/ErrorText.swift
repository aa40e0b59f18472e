import AWSCore
import CognitoAPI

/// Errors as the one sentence the status line and an error notice show. The wording lives here,
/// in the view-model layer, not in the client core (STYLE: "wording for people is chosen in the
/// view-model layer"); a request id, when there is one, ends the sentence.
public enum ErrorText {
    /// How the operator tries again after an error worth retrying (throttling, an internal
    /// error, expired credentials): the sentence's advice names the key that does it where it is.
    public enum Retry: Sendable {
        /// A list or a detail: `r` loads it again.
        case refresh
        /// A form still open: Enter sends it again.
        case resubmit
        /// An action whose form has closed: no single key repeats it.
        case again

        var advice: String {
            switch self {
            case .refresh: "press r to try again"
            case .resubmit: "press Enter to try again"
            case .again: "try again"
            }
        }
    }

    /// One sentence for any error a backend call can throw.
    /// - Parameter retry: where the operator is, for the advice on trying again.
    public static func sentence(_ error: any Error, retry: Retry = .refresh) -> String {
        switch error {
        case let error as AWSServiceError: return service(error, retry: retry)
        case let error as AWSClientError: return client(error)
        case let error as InputValidationError: return finish(error.description)
        case is CancellationError: return "Cancelled."
        default: return finish(String(describing: error))
        }
    }

    /// Why a region did not answer when every region was asked: a refusal of the credentials
    /// there usually means the region is not enabled for the account.
    public static func regionFailure(_ error: any Error) -> String {
        if let service = error as? AWSServiceError,
           ["UnrecognizedClientException", "InvalidSignatureException", "InvalidClientTokenId", "AuthFailure"].contains(service.code) {
            return "Did not answer: probably not enabled for this account (\(service.code))."
        }
        return "Did not answer: " + sentence(error)
    }

    static func service(_ error: AWSServiceError, retry: Retry = .refresh) -> String {
        let op = error.operation
        let detail = error.message.isEmpty ? "" : ": " + trimmed(error.message)
        let text: String
        switch error.code {
        case "AccessDeniedException", "AccessDenied", "UnauthorizedOperation":
            text = "Access denied: these credentials may not call \(op)\(detail)"
        case "NotAuthorizedException":
            text = "Not authorized to call \(op)\(detail)"
        case "TooManyRequestsException", "ThrottlingException", "Throttling", "RequestLimitExceeded":
            text = "Cognito is throttling \(op); wait a moment and \(retry.advice)"
        case "LimitExceededException":
            text = "\(op) hit a Cognito limit\(detail)"
        case "ResourceNotFoundException", "UserNotFoundException", "GroupNotFoundException":
            text = "Not found (\(op))\(detail)"
        case "UnknownOperationException", "InvalidAction", "NotImplemented", "NotImplementedException",
             "UnsupportedOperationException", "UnsupportedOperation":
            text = "The endpoint does not support \(op)"
        case "ExpiredTokenException", "ExpiredToken", "RequestExpired":
            text = "The credentials have expired; refresh them (e.g. `aws sso login`) and \(retry.advice)"
        case "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException",
             "SignatureDoesNotMatch", "IncompleteSignature":
            text = "The credentials were rejected by \(op)\(detail)"
        case "InvalidParameterException", "ValidationException":
            text = "\(op) rejected the request\(detail)"
        case "InternalErrorException", "InternalServerError", "InternalFailure", "ServiceUnavailable":
            text = "Cognito had an internal error in \(op); \(retry.advice)"
        default:
            if error.httpStatus == 501 {
                text = "The endpoint does not support \(op)"
            } else {
                text = "\(op) failed with \(error.code)\(detail)"
            }
        }
        return finish(text, requestID: error.requestId)
    }

    static func client(_ error: AWSClientError) -> String {
        switch error {
        case .transport(let failure):
            let host = Endpoint(url: failure.url)?.hostHeader ?? failure.url
            switch failure.kind {
            case .couldNotConnect: return finish("Could not reach \(host): \(trimmed(failure.detail))")
            case .ambiguous: return finish("The connection to \(host) broke before the reply arrived: \(trimmed(failure.detail))")
            case .cancelled: return "Cancelled."
            case .local: return finish("The request to \(host) could not be made: \(trimmed(failure.detail))")
            }
        case .malformedResponse(let op, let status, _, let requestID) where status == 501:
            return finish("The endpoint does not support \(op)", requestID: requestID)
        case .malformedResponse(let op, let status, _, let requestID) where status >= 500:
            // Emulators answer an operation they lack with a bare HTTP 500 page.
            return finish("The endpoint failed to answer \(op) (HTTP \(status)); it may not support it", requestID: requestID)
        case .malformedResponse(let op, let status, _, let requestID):
            return finish("\(op) returned a reply that could not be read (HTTP \(status))", requestID: requestID)
        case .readOnly(let op):
            return finish("\(op) changes data and the console is read-only, so it was not sent")
        case .noCredentials:
            return "No AWS credentials were found: pick a profile with p, or set up ~/.aws/credentials or AWS_PROFILE."
        case .ssoLoginRequired(let profile):
            return "The IAM Identity Center (SSO) session of profile \(profile) has expired or was never started: "
                + "run `aws sso login --profile \(profile)`, then press r."
        case .credentials(let text):
            return finish("The credentials could not be loaded: " + trimmed(text))
        case .configuration(let text), .invalidInput(let text):
            return finish(trimmed(text))
        }
    }

    /// Ends a sentence with the request id and one full stop.
    static func finish(_ text: String, requestID: String? = nil) -> String {
        var sentence = trimmed(text)
        if let requestID, !requestID.isEmpty { sentence += " (request id \(requestID))" }
        return sentence + "."
    }

    /// Drops trailing full stops and whitespace, and folds line breaks, so the result is one line.
    static func trimmed(_ text: String) -> String {
        var out = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        while let last = out.last, last == "." || last.isWhitespace { out.removeLast() }
        return out
    }
}
