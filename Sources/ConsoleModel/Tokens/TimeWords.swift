import Foundation

/// Times as people say them, relative to now: "3 min ago", "in 42 min", "in 1 h 5 min".
public enum TimeWords {
    /// `date` relative to `now`: past times end in "ago", future ones start with "in".
    public static func relative(_ date: Date, now: Date) -> String {
        let seconds = Int(date.timeIntervalSince(now).rounded())
        let span = span(abs(seconds))
        if abs(seconds) < 1 { return "now" }
        return seconds < 0 ? "\(span) ago" : "in \(span)"
    }

    /// A length of time: "45 s", "3 min", "1 h 5 min", "2 d 3 h"; seconds are shown under ten minutes.
    public static func span(_ seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s) s" }
        if s < 600 { return s % 60 == 0 ? "\(s / 60) min" : "\(s / 60) min \(s % 60) s" }
        if s < 3600 { return "\(s / 60) min" }
        if s < 86_400 { return s % 3600 / 60 == 0 ? "\(s / 3600) h" : "\(s / 3600) h \(s % 3600 / 60) min" }
        return s % 86_400 / 3600 == 0 ? "\(s / 86_400) d" : "\(s / 86_400) d \(s % 86_400 / 3600) h"
    }

    /// "3 min ago (2026-05-01 12:00:00 UTC)".
    public static func both(_ date: Date, now: Date) -> String {
        "\(relative(date, now: now)) (\(stamp(date)))"
    }

    /// An instant to the second, in UTC.
    public static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ v: Int?) -> String { String(format: "%02d", v ?? 0) }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) UTC"
    }
}
