import AWSCore
import Foundation

/// How values read on screen: dates in UTC to the minute, booleans as words, absent values as a
/// dash. Written by hand rather than with a formatter so it is fast over 100,000 rows and the
/// same on every machine.
public enum ValueText {
    public static let none = "–"

    /// `2024-05-01 12:34` (UTC), or a dash.
    public static func date(_ date: Date?) -> String {
        guard let date else { return none }
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let (y, m, d) = ISO8601.civilDate(daysSinceEpoch: days)
        return "\(y)-\(two(m))-\(two(d)) \(two(rest / 3600)):\(two(rest % 3600 / 60))"
    }

    /// `2024-05-01 12:34:56 UTC`, or a dash.
    public static func dateTime(_ date: Date?) -> String {
        guard let date else { return none }
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        return Self.date(date) + ":" + two(((seconds % 60) + 60) % 60) + " UTC"
    }

    public static func yesNo(_ value: Bool?) -> String {
        value.map { $0 ? "yes" : "no" } ?? none
    }

    public static func text(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return none }
        return value
    }

    public static func number(_ value: Int?) -> String {
        value.map(NumberText.grouped) ?? none
    }

    public static func list(_ values: [String]?) -> String {
        guard let values, !values.isEmpty else { return none }
        return values.joined(separator: ", ")
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
