import AWSCore
import Foundation

/// One change the audit log recorded (see `AuditLog` in AWSCore, which writes them): when, where,
/// which operation, how it ended, and the input with its secrets already masked.
public struct AuditEntry: Sendable, Equatable {
    public var time: String
    public var profile: String
    public var region: String
    public var service: String
    public var operation: String
    /// `ok` or `failed`.
    public var outcome: String
    public var error: String?
    public var requestId: String?
    /// The masked input as compact JSON.
    public var input: String
}

/// Reads the audit log back, newest first.
public struct AuditTrail: Sendable {
    public let path: String
    let files: any FileAccess

    public init(path: String, files: any FileAccess) {
        self.path = path
        self.files = files
    }

    /// Every entry, newest first; a line that is not an entry (a torn write) is skipped.
    /// - Throws: `FileAccessError` when the log exists but cannot be read.
    public func entries() throws -> [AuditEntry] {
        guard let data = try files.read(path) else { return [] }
        return Self.parse(String(decoding: data, as: UTF8.self))
    }

    /// Entries from the log's text, newest first.
    public static func parse(_ text: String) -> [AuditEntry] {
        text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let operation = object["operation"] as? String else { return nil }
            var input = ""
            if let value = object["input"] {
                if JSONSerialization.isValidJSONObject(value),
                   let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) {
                    input = String(decoding: data, as: UTF8.self)
                } else if let text = value as? String {
                    input = text
                }
            }
            return AuditEntry(time: object["time"] as? String ?? "", profile: object["profile"] as? String ?? "",
                              region: object["region"] as? String ?? "", service: object["service"] as? String ?? "",
                              operation: operation, outcome: object["outcome"] as? String ?? "",
                              error: object["error"] as? String, requestId: object["requestId"] as? String, input: input)
        }.reversed()
    }
}
