import AWSCore
import Foundation

/// How a condition reads the values it compares: flags, numbers and dates.
enum ConditionValue {
    /// A date a condition names: an instant, or a whole UTC day written `2024-05-01`.
    struct When: Equatable {
        var start: Date
        /// The first instant after it: the next day for a day, `start` itself for an instant.
        var end: Date
        var isDay: Bool { end > start }
    }

    /// `true`/`yes` or `false`/`no`, any case.
    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: return nil
        }
    }

    /// A plain decimal number (`42`, `-3.5`, `1e3`); nil for anything else, `nan` and `inf` included.
    static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// `2024-05-01` (that whole day, UTC) or a full ISO 8601 time (`2024-05-01T12:00:00Z`).
    static func date(_ text: String) -> When? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 10, let start = ISO8601.parse(trimmed + "T00:00:00Z") {
            return When(start: start, end: start.addingTimeInterval(86_400))
        }
        guard let instant = ISO8601.parse(trimmed) else { return nil }
        return When(start: instant, end: instant)
    }

    /// An attribute's value as a moment to compare with a date: a date as above, or a number of
    /// seconds since 1970 (how Cognito keeps `updated_at`).
    static func moment(_ text: String) -> When? {
        if let seconds = number(text) {
            let instant = Date(timeIntervalSince1970: seconds)
            return When(start: instant, end: instant)
        }
        return date(text)
    }

    /// Whether `value` is before (`less`) or after (`greater`) `bound`, or within it (`equals`).
    /// A day bound covers the whole day: before it is before its start, after it is from the
    /// next day on; a day value (a birthdate) is compared by its start.
    static func compare(_ value: When, _ op: UserCondition.Op, _ bound: When) -> Bool {
        let instant = value.start
        switch op {
        case .less: return instant < bound.start
        case .greater: return bound.isDay ? instant >= bound.end : instant > bound.start
        case .equals: return bound.isDay ? (bound.start..<bound.end).contains(instant) : instant == bound.start
        case .notEquals: return !compare(value, .equals, bound)
        default: return false
        }
    }
}
