import CognitoAPI
import Foundation

/// `JSONValue` as text and back, for editing and validation.
public enum CognitoJSONText {
    public static func data(_ value: JSONValue) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Indented with sorted keys, for `$EDITOR`.
    public static func pretty(_ value: JSONValue) throws -> String {
        try PrettyJSON.text(value)
    }

    public static func parse(_ text: String) throws -> JSONValue {
        try JSONValue(json: Data(text.utf8))
    }
}

extension PrettyJSON {
    /// One line, sorted keys.
    public static func compact(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
