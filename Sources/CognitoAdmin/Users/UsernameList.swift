import CognitoAPI
import Foundation

/// The usernames a bulk command acts on, read from a file (`--from FILE`): one username a line,
/// this tool's CSV export (a `Username` column), or JSON lines (objects with `Username`).
///
/// This is one source of a bulk command's users; a condition over the pool (`--where`) is to be
/// another, producing the same list.
public enum UsernameList {
    /// Why a file's usernames could not be read; `line` counts from 1.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int?
        public var reason: String
        public var description: String { line.map { "line \($0): \(reason)" } ?? reason }
    }

    /// The usernames of a file's text, in file order.
    ///
    /// The form is told from the text: a first line starting with `{` is JSON lines; a first line
    /// with a comma is a CSV header, which needs a `Username` (or `cognito:username`) column; anything else is one
    /// username a line, surrounding spaces trimmed, blank lines and lines starting with `#` left out.
    /// - Throws: `Problem` for a malformed line, a record without a username, or a username
    ///   listed twice (naming both lines).
    public static func parse(_ text: String) throws -> [String] {
        let firstLine = text.split(whereSeparator: \.isNewline).first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let entries: [(line: Int, name: String)]
        if firstLine.hasPrefix("{") {
            entries = try jsonLines(text)
        } else if firstLine.contains(",") {
            let table: CSVTable
            do { table = try CSVTable(parsing: text) } catch let problem as CSVTable.Problem {
                throw Problem(line: problem.line, reason: problem.reason)
            }
            guard let column = ["Username", "cognito:username"].first(where: table.columns.contains) else {
                throw Problem(line: 1, reason: "a CSV file needs a Username column")
            }
            entries = try table.rows.map { row in
                let name = table.value(column, in: row.fields)?.trimmingCharacters(in: .whitespaces) ?? ""
                guard !name.isEmpty else { throw Problem(line: row.line, reason: "the \(column) column is empty") }
                return (row.line, name)
            }
        } else {
            entries = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, raw in
                let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                return name.isEmpty || name.hasPrefix("#") ? nil : (index + 1, name)
            }
        }
        var firstSeen: [String: Int] = [:]
        for entry in entries {
            if let earlier = firstSeen[entry.name] {
                throw Problem(line: entry.line, reason: "\(entry.name) is listed twice (also on line \(earlier))")
            }
            firstSeen[entry.name] = entry.line
        }
        return entries.map(\.name)
    }

    private static func jsonLines(_ text: String) throws -> [(line: Int, name: String)] {
        var entries: [(line: Int, name: String)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            guard let value = try? JSONValue(json: Data(line.utf8)), case .object(let members) = value else {
                throw Problem(line: index + 1, reason: "not a JSON object")
            }
            guard case .string(let name)? = members["Username"], !name.isEmpty else {
                throw Problem(line: index + 1, reason: "the object has no Username")
            }
            entries.append((index + 1, name))
        }
        return entries
    }
}
