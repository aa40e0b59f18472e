import AWSCore
import CognitoAPI
import CognitoAdmin
import Foundation

/// Writing results and errors.
enum Output {
    static func error(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((newline ? "cognito-tui: " + text + "\n" : text).utf8))
    }

    /// Prints JSON indented with sorted keys on a terminal, compact otherwise.
    static func json(_ data: Data, pretty: Bool) {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        let object = (try? JSONSerialization.jsonObject(with: data)) ?? [String: Any]()
        let out = (try? JSONSerialization.data(withJSONObject: object, options: options)) ?? data
        FileHandle.standardOutput.write(out + Data("\n".utf8))
    }

    /// Capitalises and ends a message as a sentence.
    static func sentence(_ text: String) -> String {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.hasPrefix("Error: ") { t = String(t.dropFirst(7)) }
        // Capitalise plain words, never identifiers such as `cognito-idp`.
        let firstWord = t.prefix { $0 != " " }
        if let first = t.first, firstWord.allSatisfy({ $0.isLetter }) { t = first.uppercased() + t.dropFirst() }
        if !(t.hasSuffix(".") || t.hasSuffix("?") || t.hasSuffix("!")) { t += "." }
        return t
    }

    /// One sentence and an exit status for any error a command can end with.
    static func describe(_ error: Error) -> (String, Int32) {
        switch error {
        case let e as AWSServiceError:
            var text = "\(e.operation) failed with \(e.code)"
            text += e.message.isEmpty ? "" : ": \(e.message.trimmingCharacters(in: CharacterSet(charactersIn: ". ")))"
            text += " (HTTP \(e.httpStatus)" + (e.requestId.map { ", request id \($0)" } ?? "") + ")."
            return (text, ExitStatus.serviceError)
        case let e as AWSClientError:
            switch e {
            case .invalidInput: return (sentence(e.description), ExitStatus.usage)
            case .configuration, .credentials, .noCredentials, .ssoLoginRequired: return (sentence(e.description), ExitStatus.configuration)
            case .readOnly: return (sentence(e.description), ExitStatus.readOnly)
            case .transport, .malformedResponse: return (sentence(e.description), ExitStatus.network)
            }
        case let e as InputValidationError:
            return (sentence(e.description), ExitStatus.usage)
        case let e as CatalogError:
            return (sentence(e.description), ExitStatus.usage)
        case let e as CommandFailure:
            return (sentence(e.description), e.status)
        case let e as UpdateError:
            return (sentence(e.description), ExitStatus.usage)
        case let e as JobPlanError:
            return (sentence(e.description), ExitStatus.usage)
        case let e as EndlessEmptyPages:
            // The service's replies could not be used: the status of an unreadable reply.
            return (sentence(e.description), ExitStatus.network)
        case is CancellationError:
            return ("Cancelled.", ExitStatus.network)
        default:
            return (sentence(String(describing: error)), ExitStatus.usage)
        }
    }
}
