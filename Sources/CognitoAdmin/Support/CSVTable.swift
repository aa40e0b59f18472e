import Foundation

/// A CSV file read as RFC 4180 describes it: records separated by CRLF (or a bare LF), fields by
/// commas, a field in double quotes may hold commas, quotes (doubled) and line breaks. The first
/// record is the header.
public struct CSVTable: Sendable, Equatable {
    /// The header's column names, trimmed of surrounding spaces.
    public var columns: [String]
    /// Each record after the header with the line it starts on (1 is the header's); blank
    /// lines are left out.
    public var rows: [(line: Int, fields: [String])]

    public static func == (a: CSVTable, b: CSVTable) -> Bool {
        a.columns == b.columns && a.rows.map(\.line) == b.rows.map(\.line) && a.rows.map(\.fields) == b.rows.map(\.fields)
    }

    /// Why a text is not CSV.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// - Throws: `Problem` for a quote left open, text after a closing quote, a record with
    ///   more fields than the header, or an empty header.
    public init(parsing text: String) throws {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false, afterQuote = false, fieldStarted = false
        var line = 1, recordLine = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) { records.append((recordLine, fields)) }
            fields = []; field = ""; afterQuote = false; fieldStarted = false
        }
        while index < scalars.count {
            let c = scalars[index]
            index += 1
            if quoted {
                if c == "\"" {
                    if index < scalars.count && scalars[index] == "\"" { field.unicodeScalars.append("\""); index += 1 }
                    else { quoted = false; afterQuote = true }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case ",":
                fields.append(field); field = ""; afterQuote = false; fieldStarted = true
            case "\r" where index < scalars.count && scalars[index] == "\n":
                break
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true; fieldStarted = true
            default:
                if afterQuote { throw Problem(line: line, reason: "text after a closing quote") }
                field.unicodeScalars.append(c); fieldStarted = true
            }
        }
        if quoted { throw Problem(line: recordLine, reason: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldStarted { endRecord() }
        guard let header = records.first else { throw Problem(line: 1, reason: "there is no header line") }
        columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        for record in records.dropFirst() where record.fields.count > columns.count {
            throw Problem(line: record.line, reason: "\(record.fields.count) fields under a header of \(columns.count)")
        }
        rows = Array(records.dropFirst())
    }

    /// The CSV of Cognito's user-import jobs, which quotes nothing: fields are separated by
    /// commas, a comma inside a value is written `\,`, and every record is one line.
    /// - Throws: `Problem` for a record with more fields than the header, or an empty header.
    public init(importJobText text: String) throws {
        var records: [(line: Int, fields: [String])] = []
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        for (index, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let record = raw.last == "\r" ? raw.dropLast() : raw
            if record.isEmpty { continue }
            var fields: [String] = []
            var field = ""
            var escaped = false
            for c in record {
                if escaped {
                    if c != "," { field.append("\\") }
                    field.append(c)
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "," {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(c)
                }
            }
            if escaped { field.append("\\") }
            fields.append(field)
            records.append((index + 1, fields))
        }
        guard let header = records.first else { throw Problem(line: 1, reason: "there is no header line") }
        columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        for record in records.dropFirst() where record.fields.count > columns.count {
            throw Problem(line: record.line, reason: "\(record.fields.count) fields under a header of \(columns.count)")
        }
        rows = Array(records.dropFirst())
    }

    /// The value of `column` in a record's fields, or nil when the column is absent or the record short.
    public func value(_ column: String, in fields: [String]) -> String? {
        guard let index = columns.firstIndex(of: column), index < fields.count else { return nil }
        return fields[index]
    }
}
