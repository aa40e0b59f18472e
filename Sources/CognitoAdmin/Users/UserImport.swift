import CognitoAPI
import Foundation

/// One attribute of an imported user.
public struct ImportedAttribute: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One user of an import file.
public struct ImportedUser: Sendable, Equatable {
    public var username: String
    public var attributes: [ImportedAttribute]
    /// `false` disables the user after creating it; nil leaves the service's default (enabled).
    public var enabled: Bool?
    /// Where the user is in the file, counting from 1.
    public var line: Int
    /// The groups the user is to be in (the export's `Groups`); each is added, none removed.
    public var groups: [String]

    public init(username: String, attributes: [ImportedAttribute], enabled: Bool? = nil, line: Int, groups: [String] = []) {
        self.username = username
        self.attributes = attributes
        self.enabled = enabled
        self.line = line
        self.groups = groups
    }
}

/// What an import does with a user the pool has already.
public enum ExistingUsers: String, Sendable, CaseIterable {
    /// Leave the user as it is; the report says it was skipped.
    case skip
    /// Write the file's attributes (`AdminUpdateUserAttributes`) and its `Enabled`.
    case update
}

/// Users read from a file, to be created in a pool as a job: this tool's CSV export (`Username`
/// and one column per attribute), Cognito's user-import CSV (the header `GetCSVHeader` gives:
/// the attributes, `cognito:mfa_enabled`, `cognito:username`), or JSON lines (`Username`,
/// `Attributes` as `[{"Name", "Value"}]` or an object, or attributes as keys, and `Enabled`).
public struct UserImport: Sendable, Equatable {
    public var users: [ImportedUser]

    /// Columns and keys that describe a user without being attributes it can be given: the
    /// export's read-only fields, and `sub`, which the service assigns.
    static let notAttributes: Set<String> = ["Username", "cognito:username", "Enabled", "UserStatus", "UserCreateDate",
                                             "UserLastModifiedDate", "MFAOptions", "sub", "cognito:mfa_enabled",
                                             "Attributes", "UserAttributes", "Groups"]

    public init(users: [ImportedUser]) {
        self.users = users
    }

    /// Why a file cannot be imported; `line` counts from 1.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int?
        public var reason: String
        public var description: String { line.map { "line \($0): \(reason)" } ?? reason }
    }

    /// The file's format, by its extension: `.csv`, or `.jsonl`/`.ndjson` for JSON lines.
    public enum Format: Sendable {
        case csv, jsonLines

        public init?(path: String) {
            switch URL(fileURLWithPath: path).pathExtension.lowercased() {
            case "csv": self = .csv
            case "jsonl", "ndjson": self = .jsonLines
            default: return nil
            }
        }
    }

    /// Reads the users of a file's text; empty values mean "no such attribute".
    /// - Throws: `Problem` naming the line of the first malformed record, a missing username, an
    ///   `Enabled` that is not true or false, an MFA setting (which an import does not make), or a
    ///   username listed twice.
    public init(parsing text: String, format: Format) throws {
        switch format {
        case .csv: users = try Self.csv(text)
        case .jsonLines: users = try Self.jsonLines(text)
        }
        var seen: [String: Int] = [:]
        for user in users {
            if let earlier = seen[user.username] {
                throw Problem(line: user.line, reason: "\(user.username) is listed twice (also on line \(earlier))")
            }
            seen[user.username] = user.line
        }
    }

    /// The groups the file puts users in, each once, in the order they first appear.
    public var groups: [String] {
        var seen = Set<String>()
        return users.flatMap(\.groups).filter { seen.insert($0).inserted }
    }

    /// The first group the pool does not have, as one sentence naming the line that wants it, or nil.
    public func problem(groups existing: Set<String>) -> String? {
        for user in users {
            if let missing = user.groups.first(where: { !existing.contains($0) }) {
                return "Line \(user.line) (\(user.username)): the pool has no group \(missing)"
            }
        }
        return nil
    }

    /// The first user the pool would refuse, as one sentence naming its line, or nil.
    public func problem(in schema: PoolSchema) -> String? {
        for user in users {
            let candidate = NewUser(username: user.username, attributes: user.attributes.map { ($0.name, $0.value) })
            if let problem = UserAdmin.problem(creating: candidate, in: schema) {
                return "Line \(user.line) (\(user.username)): \(problem)"
            }
        }
        return nil
    }

    /// Whether a CSV text is a Cognito user-import file: its header has the columns only that
    /// format has. That format quotes nothing and writes a comma in a value as `\,`.
    static func isImportJobCSV(_ text: String) -> Bool {
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let columns = Set(header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        return columns.contains("cognito:username") && columns.contains("cognito:mfa_enabled")
    }

    private static func csv(_ text: String) throws -> [ImportedUser] {
        let table: CSVTable
        let importJob = isImportJobCSV(text)
        do { table = importJob ? try CSVTable(importJobText: text) : try CSVTable(parsing: text) } catch let problem as CSVTable.Problem {
            throw Problem(line: problem.line, reason: problem.reason)
        }
        guard let usernameColumn = ["Username", "cognito:username"].first(where: table.columns.contains) else {
            throw Problem(line: 1, reason: "the header has no Username (or cognito:username) column")
        }
        return try table.rows.map { row in
            var fields: [String: String] = [:]
            for (index, column) in table.columns.enumerated() where index < row.fields.count {
                fields[column] = row.fields[index]
            }
            let username = (fields[usernameColumn] ?? "").trimmingCharacters(in: .whitespaces)
            guard !username.isEmpty else { throw Problem(line: row.line, reason: "the \(usernameColumn) column is empty") }
            try refuseMFA(fields["cognito:mfa_enabled"], line: row.line)
            let attributes = table.columns.compactMap { column -> ImportedAttribute? in
                guard !notAttributes.contains(column), !column.isEmpty, let value = fields[column], !value.isEmpty else { return nil }
                if importJob {
                    // That format writes `false` for a verified flag of an absent address, and
                    // birthdates as mm/dd/yyyy where the pool keeps yyyy-mm-dd.
                    if let address = ImportCSVRows.flags[column], value == "false", (fields[address] ?? "").isEmpty { return nil }
                    if column == "birthdate" { return ImportedAttribute(column, ImportCSVRows.isoBirthdate(value)) }
                }
                return ImportedAttribute(column, value)
            }
            return ImportedUser(username: username, attributes: attributes,
                                enabled: try flag(fields["Enabled"], line: row.line), line: row.line,
                                groups: try groupNames(fields["Groups"].map { $0.isEmpty ? JSONValue.null : .string($0) }, line: row.line))
        }
    }

    private static func jsonLines(_ text: String) throws -> [ImportedUser] {
        var users: [ImportedUser] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let source = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if source.isEmpty { continue }
            guard let value = try? JSONValue(json: Data(source.utf8)), case .object(let members) = value else {
                throw Problem(line: line, reason: "not a JSON object")
            }
            guard case .string(let username)? = members["Username"] ?? members["cognito:username"], !username.isEmpty else {
                throw Problem(line: line, reason: "the object has no Username")
            }
            var attributes: [ImportedAttribute] = []
            for key in ["Attributes", "UserAttributes"] {
                guard let listed = members[key] else { continue }
                attributes += try attributeList(listed, line: line)
            }
            for (key, value) in members.sorted(by: { $0.key < $1.key }) where !notAttributes.contains(key) {
                guard let text = scalarText(value) else {
                    throw Problem(line: line, reason: "the attribute \(key) is not a string, number or true/false")
                }
                if !text.isEmpty { attributes.append(ImportedAttribute(key, text)) }
            }
            if let mfa = members["cognito:mfa_enabled"] { try refuseMFA(scalarText(mfa), line: line) }
            var enabled: Bool?
            switch members["Enabled"] {
            case nil, .null?: enabled = nil
            case .bool(let flag)?: enabled = flag
            case .string(let text)?: enabled = try flag(text, line: line)
            default: throw Problem(line: line, reason: "Enabled must be true or false")
            }
            users.append(ImportedUser(username: username, attributes: attributes.filter { $0.name != "sub" },
                                      enabled: enabled, line: line, groups: try groupNames(members["Groups"], line: line)))
        }
        return users
    }

    /// `[{"Name": n, "Value": v}, …]` or `{"n": "v", …}`.
    private static func attributeList(_ value: JSONValue, line: Int) throws -> [ImportedAttribute] {
        switch value {
        case .array(let items):
            return try items.compactMap { item in
                guard case .object(let pair) = item, case .string(let name)? = pair["Name"] else {
                    throw Problem(line: line, reason: "Attributes must be a list of {\"Name\", \"Value\"}")
                }
                let text = pair["Value"].flatMap(scalarText) ?? ""
                return text.isEmpty ? nil : ImportedAttribute(name, text)
            }
        case .object(let members):
            return try members.sorted(by: { $0.key < $1.key }).compactMap { name, value in
                guard let text = scalarText(value) else {
                    throw Problem(line: line, reason: "the attribute \(name) is not a string, number or true/false")
                }
                return text.isEmpty ? nil : ImportedAttribute(name, text)
            }
        default:
            throw Problem(line: line, reason: "Attributes must be a list of {\"Name\", \"Value\"} or an object")
        }
    }

    /// The export's `Groups`: a JSON array of names (in CSV, the cell holds that array's text).
    private static func groupNames(_ value: JSONValue?, line: Int) throws -> [String] {
        let refusal = Problem(line: line, reason: "Groups must be a JSON list of group names, as the export writes it")
        var value = value ?? .null
        if case .string(let text) = value {
            guard let parsed = try? JSONValue(json: Data(text.utf8)) else { throw refusal }
            value = parsed
        }
        switch value {
        case .null: return []
        case .array(let items):
            return try items.map { item in
                guard case .string(let name) = item, !name.isEmpty else { throw refusal }
                return name
            }
        default: throw refusal
        }
    }

    private static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .null: return ""
        case .array, .object: return nil
        }
    }

    private static func flag(_ text: String?, line: Int) throws -> Bool? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw Problem(line: line, reason: "Enabled must be true or false, not \(text)")
        }
    }

    /// An import creates users with `AdminCreateUser`, which sets no MFA.
    private static func refuseMFA(_ text: String?, line: Int) throws {
        guard let text, text.lowercased() == "true" else { return }
        throw Problem(line: line, reason: "cognito:mfa_enabled is true, but an import does not set MFA; set it after importing")
    }
}
