import AWSCore
import CognitoAPI
import Foundation

/// The formats `users export` writes.
public enum UserExportFormat: String, CaseIterable, Sendable {
    /// RFC 4180 CSV: the user's fields, then one column per attribute of the pool's schema.
    case csv
    /// One JSON array of users in the service's shape (as `users list --output json`).
    case json
    /// One user per line, in the service's shape.
    case jsonl
    /// The CSV a Cognito user-import job reads (`CreateUserImportJob`): GetCSVHeader's columns.
    case cognitoImport = "cognito-import"
}

/// One user to write: as ListUsers returned it, with what was looked up for it.
public struct ExportedUser: Sendable {
    public var user: CognitoIdentityProvider.UserType
    /// The names of the user's groups; nil when they were not asked for (or the user was gone
    /// by the time they were looked up).
    public var groups: [String]?
    /// Whether the user has an MFA method set up; nil when not looked up.
    public var mfaEnabled: Bool?

    public init(user: CognitoIdentityProvider.UserType, groups: [String]? = nil, mfaEnabled: Bool? = nil) {
        self.user = user
        self.groups = groups
        self.mfaEnabled = mfaEnabled
    }
}

/// Writes users batch by batch, so that an export never holds more than one page: the header
/// first (`header`), the text of each batch as it comes (`batch`), the end (`footer`). The
/// columns are fixed before the first user, from the pool's schema, since a streamed CSV cannot
/// add one later; an attribute the schema does not list is left out and named in a warning.
public struct UserExportWriter: Sendable {
    public let format: UserExportFormat
    /// The CSV columns, in order (empty for JSON).
    public let columns: [String]
    let withGroups: Bool
    let importRows: ImportCSVRows?
    private var written = 0
    private var warned: Set<String> = []

    /// The user's own fields, first in the CSV, named as the service names them.
    public static let fieldColumns = ["Username", "UserStatus", "Enabled", "UserCreateDate", "UserLastModifiedDate"]
    public static let groupsColumn = "Groups"

    /// - Parameters:
    ///   - pool: the pool as DescribeUserPool returns it: its schema gives the CSV's attribute
    ///     columns, its MFA setting the import's `cognito:mfa_enabled`.
    ///   - withGroups: add the user's groups (a `Groups` column, or a `Groups` member).
    ///   - importHeader: GetCSVHeader's columns, for `cognitoImport`.
    public init(format: UserExportFormat, pool: CognitoIdentityProvider.UserPoolType, withGroups: Bool,
                importHeader: [String] = []) {
        self.format = format
        self.withGroups = withGroups
        switch format {
        case .csv:
            columns = Self.fieldColumns + Self.attributeColumns(pool) + (withGroups ? [Self.groupsColumn] : [])
            importRows = nil
        case .cognitoImport:
            columns = importHeader
            importRows = ImportCSVRows(columns: importHeader, mfa: pool.mfaConfiguration ?? .off)
        case .json, .jsonl:
            columns = []
            importRows = nil
        }
    }

    /// `sub`, the standard attributes by name, then the pool's other attributes by name.
    static func attributeColumns(_ pool: CognitoIdentityProvider.UserPoolType) -> [String] {
        let listed = (pool.schemaAttributes ?? []).compactMap(\.name).map { name in
            name.hasPrefix("custom:") || name.hasPrefix("dev:") || PoolSchema.standard.contains(name) || name == "sub"
                || name == "identities" ? name : "custom:" + name
        }
        let others = Set(listed).subtracting(PoolSchema.standard).subtracting(["sub"])
        return ["sub"] + PoolSchema.standard.sorted() + others.sorted()
    }

    /// What comes before the first user.
    public func header() -> String {
        switch format {
        case .csv: return columns.map(FlatRecords.csvField).joined(separator: ",") + "\r\n"
        case .cognitoImport: return columns.joined(separator: ",") + "\n"
        case .json, .jsonl: return ""
        }
    }

    /// The text of a batch of users, and a sentence for each thing the format could not carry
    /// (each said once per export).
    public mutating func batch(_ users: [ExportedUser]) throws -> (text: String, warnings: [String]) {
        var text = "", warnings: [String] = []
        for exported in users {
            switch format {
            case .csv:
                text += try csvRow(exported, warnings: &warnings)
            case .json:
                text += (written == 0 ? "[\n" : ",\n") + (try jsonText(exported))
            case .jsonl:
                text += try jsonText(exported) + "\n"
            case .cognitoImport:
                guard let importRows else { break }
                let (row, problems) = importRows.row(exported)
                text += row + "\n"
                warnings += problems
            }
            written += 1
        }
        return (text, warnings)
    }

    /// What comes after the last user.
    public func footer() -> String {
        guard format == .json else { return "" }
        return written == 0 ? "[]\n" : "\n]\n"
    }

    private mutating func csvRow(_ exported: ExportedUser, warnings: inout [String]) throws -> String {
        let user = exported.user
        var values: [String: String] = [
            "Username": user.username ?? "",
            "UserStatus": user.userStatus?.rawValue ?? "",
            "Enabled": user.enabled.map { $0 ? "true" : "false" } ?? "",
            "UserCreateDate": user.userCreateDate.map(ISO8601.format) ?? "",
            "UserLastModifiedDate": user.userLastModifiedDate.map(ISO8601.format) ?? "",
        ]
        let known = Set(columns)
        for attribute in user.attributes ?? [] {
            guard known.contains(attribute.name), !Self.fieldColumns.contains(attribute.name) else {
                if warned.insert(attribute.name).inserted {
                    warnings.append("the attribute \(attribute.name) is not in the pool's schema and is left out of the CSV")
                }
                continue
            }
            values[attribute.name] = attribute.value ?? ""
        }
        if withGroups, let groups = exported.groups {
            values[Self.groupsColumn] = String(decoding: try CognitoJSONText.data(.array(groups.map(JSONValue.string))), as: UTF8.self)
        }
        return columns.map { FlatRecords.csvField(values[$0] ?? "") }.joined(separator: ",") + "\r\n"
    }

    private func jsonText(_ exported: ExportedUser) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        var value = try JSONValue(json: try encoder.encode(exported.user))
        if withGroups, case .object(var members) = value {
            members[Self.groupsColumn] = exported.groups.map { .array($0.map(JSONValue.string)) } ?? .null
            value = .object(members)
        }
        return String(decoding: try CognitoJSONText.data(value), as: UTF8.self)
    }
}
