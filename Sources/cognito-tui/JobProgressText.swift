import CognitoAdmin
import Foundation

/// Wording of a job's plan, progress and end for the command line.
enum JobProgressText {
    /// The plan of a job before it runs: `Disable users: 1240 calls in eu-west-1_AbC, AdminDisableUser at
    /// quota category UserUpdate, 25/s, about 50s.`, then the calls (the first `listing` of them,
    /// all when nil) and how many more there are.
    static func plan(_ plan: JobPlan, pool: String, category: String?, rate: Double?, listing: Int?) -> [String] {
        let calls = plan.count == 1 ? "1 call" : "\(plan.count) calls"
        var pace = ""
        if let category, let rate {
            let seconds = Double(plan.count) / rate
            pace = ", quota category \(category) at \(number(rate))/s, about \(duration(.milliseconds(Int(seconds * 1000))))"
        }
        var lines = ["\(plan.title): \(calls) of \(plan.operations.joined(separator: ", ")) in \(pool)\(pace)."]
        let shown = listing.map { min($0, plan.count) } ?? plan.count
        lines += plan.items.prefix(shown).map { "  \($0.call.operation) \($0.call.resource)" }
        if shown < plan.count { lines.append("  … and \(plan.count - shown) more") }
        return lines
    }

    /// `25`, `12.5`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// `Disable users: 40/100 done, 2 failed, 60 remaining, 12.5/s, about 5s left`.
    static func line(_ title: String, _ progress: JobProgress) -> String {
        var parts = ["\(progress.done)/\(progress.totals.total) done"]
        let failed = progress.totals.failed + progress.totals.unknown
        parts.append("\(failed) failed")
        parts.append("\(progress.totals.total - progress.done) remaining")
        if let rate = progress.ratePerSecond { parts.append(String(format: "%.1f/s", rate)) }
        if !progress.finished, let left = progress.timeLeft { parts.append("about \(duration(left)) left") }
        return "\(title): " + parts.joined(separator: ", ")
    }

    /// `Disable users: 3 succeeded, 1 failed in 0.4s.` (outcomes with no item left out); a cancelled
    /// job says so after its title.
    static func summary(_ report: JobReport) -> String {
        let totals = report.totals
        let counts = [(totals.succeeded, "succeeded"), (totals.failed, "failed"), (totals.skipped, "skipped"),
                      (totals.unknown, "unknown"), (totals.notStarted, "not started")]
        let said = counts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        let title = report.cancelled ? "\(report.title), cancelled" : report.title
        return "\(title): \(said.isEmpty ? "nothing to do" : said.joined(separator: ", ")) in \(duration(report.elapsed))."
    }

    /// One line per item that did not succeed: `bob: failed, UserNotFoundException: User does not exist.`
    static func problems(_ report: JobReport) -> [String] {
        report.entries.filter { $0.outcome == .failed || $0.outcome == .unknown }.map { entry in
            let code = entry.errorCode.map { "\($0): " } ?? ""
            return "  \(entry.label): \(entry.outcome.rawValue), \(code)\(entry.message ?? "no message")"
        }
    }

    /// The items never started, named (at most `limit`, then how many more).
    static func notStarted(_ report: JobReport, limit: Int = 50) -> [String] {
        let labels = report.entries(.notStarted).map(\.label)
        guard !labels.isEmpty else { return [] }
        var lines = ["Not started (\(labels.count)):"] + labels.prefix(limit).map { "  \($0)" }
        if labels.count > limit { lines.append("  … and \(labels.count - limit) more; --report FILE lists every item.") }
        return lines
    }

    /// `0.4s`, `12s`, `3m05s`, `1h02m`.
    static func duration(_ duration: Duration) -> String {
        let (seconds, atto) = duration.components
        let total = Double(seconds) + Double(atto) / 1e18
        if total < 10 { return String(format: "%.1fs", total) }
        let whole = Int(total.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return String(format: "%dm%02ds", whole / 60, whole % 60) }
        return String(format: "%dh%02dm", whole / 3600, (whole % 3600) / 60)
    }
}
