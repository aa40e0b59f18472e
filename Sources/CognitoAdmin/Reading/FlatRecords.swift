import CognitoAPI
import Foundation

/// Records of a listing flattened into named columns, for CSV and tables: top-level scalars keep
/// the service's field names; a list of `{"Name", "Value"}` pairs (a user's `Attributes` or
/// `UserAttributes`) becomes one column per attribute name; anything else nested stays as
/// compact JSON in its column.
public struct FlatRecords: Sendable, Equatable {
    /// Column names: `leading` ones present first, then other fields by name, then attributes by name.
    public var columns: [String]
    /// One dictionary of column values per record; a missing value is absent.
    public var rows: [[String: String]]

    /// - Parameters:
    ///   - records: the items as JSON with the service's field names.
    ///   - leading: the columns to put first when present, e.g. `Username` for users.
    public init(_ records: [JSONValue], leading: [String] = []) {
        var fields = Set<String>(), attributes = Set<String>()
        rows = records.map { record in
            var row: [String: String] = [:]
            guard case .object(let members) = record else { return row }
            for (key, value) in members {
                if let pairs = Self.namedPairs(value) {
                    for (name, text) in pairs {
                        row[name] = text
                        attributes.insert(name)
                    }
                } else if let text = Self.text(value) {
                    row[key] = text
                    fields.insert(key)
                }
            }
            return row
        }
        let first = leading.filter { fields.contains($0) || attributes.contains($0) }
        columns = first + fields.subtracting(first).sorted() + attributes.subtracting(first).subtracting(fields).sorted()
    }

    /// RFC 4180 CSV: a header, then one line per record, CRLF after each.
    public var csv: String {
        var text = columns.map(Self.csvField).joined(separator: ",") + "\r\n"
        for row in rows { text += columns.map { Self.csvField(row[$0] ?? "") }.joined(separator: ",") + "\r\n" }
        return text
    }

    /// A scalar as text, a nested value as compact JSON; nil for `null`.
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .null: return nil
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .array, .object: return (try? CognitoJSONText.data(value)).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// `[{"Name": n, "Value": v}, …]` as pairs; nil for anything else (an empty list included).
    static func namedPairs(_ value: JSONValue) -> [(String, String)]? {
        guard case .array(let items) = value, !items.isEmpty else { return nil }
        var pairs: [(String, String)] = []
        for item in items {
            guard case .object(let members) = item, case .string(let name)? = members["Name"],
                  members.keys.allSatisfy({ $0 == "Name" || $0 == "Value" }) else { return nil }
            pairs.append((name, members["Value"].flatMap(text) ?? ""))
        }
        return pairs
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
