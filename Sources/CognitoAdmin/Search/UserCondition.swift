import Foundation

/// Which users to keep, for the console's search and `users list --where`: clauses of the form
/// `ATTR OP "VALUE"` joined by `and` (any case), e.g. `email $= "@example.com" and status =
/// "CONFIRMED"`.
///
/// `ATTR` is any attribute (`email`, `sub`, `custom:tier`, …) or one of the fields every user
/// has: `username`, `status` (the user status, e.g. `CONFIRMED`; `cognito:user_status` is the
/// same), `enabled` (`true`, `false`, `yes`, `no`), `created` and `modified` (dates). `OP` is
/// one of `Op`. Values are in double quotes; `\"` is a quote and `\\` a backslash inside one.
///
/// Comparisons are exact and case-sensitive (a regular expression can say `(?i)`), except on
/// `status`, whose values are names. `<` and `>` compare numbers, or dates: `2024-05-01` (a
/// whole day, UTC: `> "2024-05-01"` is after that day) or a full ISO 8601 time; an attribute
/// holding a number compared with a date is read as seconds since 1970 (as `updated_at` is).
/// A user without the attribute matches only `!=`.
///
/// ListUsers can answer one clause itself (`serverFilter`); every clause is still checked on
/// each user it returns, so the result is exact whatever the service's own rules.
public struct UserCondition: Sendable, Equatable, CustomStringConvertible {
    public enum Op: String, Sendable, CaseIterable {
        case equals = "="
        case notEquals = "!="
        case startsWith = "^="
        case endsWith = "$="
        case contains = "*="
        case matches = "~"
        case less = "<"
        case greater = ">"
    }

    public struct Clause: Sendable, Equatable {
        public var attribute: String
        public var op: Op
        public var value: String

        public init(attribute: String, op: Op, value: String) {
            self.attribute = attribute
            self.op = op
            self.value = value
        }
    }

    public var clauses: [Clause]
    /// The regular expressions of the `~` clauses, compiled once when parsed.
    let patterns: ConditionPatterns

    /// - Parameter clauses: clauses checked to be valid (`parse` makes them so); a `~` clause
    ///   whose pattern does not compile matches nothing.
    public init(clauses: [Clause]) {
        self.clauses = clauses
        self.patterns = ConditionPatterns(clauses.filter { $0.op == .matches }.map(\.value))
    }

    /// Reads a condition.
    ///
    /// - Throws: `ConditionError` naming the wrong word: an empty condition, an unterminated
    ///   quote, a missing operator or value, an unknown operator, a dangling `and`, a value of the
    ///   wrong kind for its field or operator, a regular expression that does not compile.
    public static func parse(_ text: String) throws(ConditionError) -> UserCondition {
        UserCondition(clauses: try ConditionParser(text).clauses())
    }

    /// The condition as it would be typed, values quoted and escaped.
    public var description: String {
        clauses.map { "\($0.attribute) \($0.op.rawValue) \(Self.quoted($0.value))" }.joined(separator: " and ")
    }

    public static func == (a: UserCondition, b: UserCondition) -> Bool { a.clauses == b.clauses }

    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// The fields a clause can name: the user's own and any attribute.
enum ConditionField: Equatable {
    case username, status, enabled, created, modified
    case attribute(String)

    init(_ name: String) {
        switch name {
        case "username": self = .username
        case "status", "cognito:user_status": self = .status
        case "enabled": self = .enabled
        case "created": self = .created
        case "modified": self = .modified
        default: self = .attribute(name)
        }
    }

    var isDate: Bool { self == .created || self == .modified }
}

/// Compiled `~` patterns by their text. A reference type only so that the condition stays a
/// value: it is built once, never changed, and NSRegularExpression may be shared between threads.
final class ConditionPatterns: @unchecked Sendable {
    private let compiled: [String: NSRegularExpression]

    init(_ patterns: [String]) {
        var compiled: [String: NSRegularExpression] = [:]
        for pattern in patterns where compiled[pattern] == nil {
            compiled[pattern] = try? NSRegularExpression(pattern: pattern)
        }
        self.compiled = compiled
    }

    /// The compiled pattern; one not seen at parse time (the clauses were edited) is compiled now.
    func regex(_ pattern: String) -> NSRegularExpression? {
        compiled[pattern] ?? (try? NSRegularExpression(pattern: pattern))
    }
}
