import AWSCore
import Foundation

/// How the JSON 1.1 protocol writes values: timestamps as epoch seconds (fractional allowed), blobs
/// as base64, members that are nil left out.
enum CognitoCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.dataEncodingStrategy = .base64
        // Stable bytes for the same input: logs and tests can compare requests.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dataDecodingStrategy = .base64
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) {
                return Date(timeIntervalSince1970: seconds)
            }
            // Not what the protocol sends, but some emulators write ISO 8601; accept it.
            let text = try container.decode(String.self)
            if let date = ISO8601.parse(text) { return date }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is neither epoch seconds nor an ISO 8601 timestamp")
        }
        return decoder
    }

    /// A one-line account of why a reply did not decode: which member, and what was wrong.
    static func explain(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
            let joined = keys.joined()
            return joined.hasPrefix(".") ? String(joined.dropFirst()) : joined
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "the required member \(parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)") is missing"
        case .valueNotFound(_, let context):
            return "\(path(context)) is null"
        case .typeMismatch(let type, let context):
            return "\(path(context)) is not a \(type)"
        case .dataCorrupted(let context):
            let where_ = path(context)
            return where_.isEmpty ? context.debugDescription : "\(where_): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}
