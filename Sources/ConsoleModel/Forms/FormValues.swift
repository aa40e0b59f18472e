/// The values a submitted form hands to its action, by field key, with typed readers.
public struct FormValues: Sendable, Equatable {
    public var texts: [String: String]
    public init(_ texts: [String: String] = [:]) { self.texts = texts }

    public subscript(_ key: String) -> String? { texts[key] }

    /// The text, or nil when empty.
    public func string(_ key: String) -> String? {
        guard let text = texts[key], !text.isEmpty else { return nil }
        return text
    }

    public func int(_ key: String) -> Int? { string(key).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
    public func flag(_ key: String) -> Bool { texts[key] == "yes" }
    public func list(_ key: String) -> [String] { Self.list(texts[key] ?? "") }
    public func pairs(_ key: String) -> [(key: String, value: String)] { Self.pairs(texts[key] ?? "") }
    public func records(_ key: String) -> [[String]] { Self.records(texts[key] ?? "") }

    /// The values in one line, for a job's plan: `chosen: ops, admins`, `set: locale=fr`. Only
    /// bulk actions' values are shown this way, and none of them has a secret field.
    public var summary: String? {
        let parts = texts.keys.sorted().compactMap { key in string(key).map { "\(key == "picked" ? "chosen" : key): \($0)" } }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// `a, b , c` → `[a, b, c]`.
    public static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `k=v, k2=v2` → pairs, in order.
    public static func pairs(_ text: String) -> [(key: String, value: String)] {
        text.split(separator: ",").compactMap { part in
            guard let equals = part.firstIndex(of: "=") else { return nil }
            return (part[..<equals].trimmingCharacters(in: .whitespaces), part[part.index(after: equals)...].trimmingCharacters(in: .whitespaces))
        }
    }

    /// `a | b; c | d` → `[[a, b], [c, d]]`.
    public static func records(_ text: String) -> [[String]] {
        text.split(separator: ";").map { record in
            record.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }.filter { !($0.count == 1 && $0[0].isEmpty) }
    }
}
