import CognitoAdmin

/// A job run from the console: its plan, the latest progress, and the report once it ends.
public struct JobState: Sendable {
    public let ticket: Int
    public let action: ActionKey
    public let plan: JobPlan
    public var progress: JobProgress?
    public var report: JobReport?
    public var cancelling = false
    public var scroll = 0
    /// The resource whose list the marked rows were on (see `ActionTarget`).
    public let within: ResourceRef?
    /// The resources the items act on, and the values asked for once: what a retry runs again.
    public let refs: [ResourceRef]
    public let values: FormValues

    public init(ticket: Int, action: ActionKey, plan: JobPlan, within: ResourceRef? = nil, refs: [ResourceRef] = [],
                values: FormValues = FormValues()) {
        self.ticket = ticket
        self.action = action
        self.plan = plan
        self.within = within
        self.refs = refs
        self.values = values
    }

    /// The resources whose items failed, were left unknown or never started: what "retry the
    /// failed ones" runs again.
    public var retryable: [ResourceRef] {
        guard let report else { return [] }
        let again = Set(report.entries.filter { [.failed, .unknown, .notStarted].contains($0.outcome) }.map(\.id))
        return refs.filter { again.contains($0.key) }
    }

    public var finished: Bool { report != nil }

    /// The job view as key/value sections: the progress, then each item's outcome once known.
    public var sections: [DetailView.Section] {
        let total = plan.count
        var rows: [(key: String, value: String)] = []
        if let report {
            let totals = report.totals
            rows = [("State", report.cancelled ? "cancelled" : "finished"),
                    ("Succeeded", NumberText.grouped(totals.succeeded)), ("Failed", NumberText.grouped(totals.failed)),
                    ("Skipped", NumberText.grouped(totals.skipped)), ("Unknown", NumberText.grouped(totals.unknown)),
                    ("Not started", NumberText.grouped(totals.notStarted)), ("Elapsed", Self.duration(report.elapsed))]
        } else {
            let progress = self.progress
            rows = [("State", cancelling ? "cancelling: items in flight finish" : "running"),
                    ("Done", "\(NumberText.grouped(progress?.done ?? 0)) of \(NumberText.grouped(total))"),
                    ("Failed", NumberText.grouped(progress?.failed ?? 0)),
                    ("Remaining", NumberText.grouped(progress?.remaining ?? total)),
                    ("In flight", NumberText.grouped(progress?.inFlight ?? 0)),
                    ("Rate", progress?.ratePerSecond.map { String(format: "%.1f/s", $0) } ?? ValueText.none),
                    ("Time left", progress?.timeLeft.map(Self.duration) ?? ValueText.none)]
        }
        var sections = [DetailView.Section(plan.title, rows)]
        if let report {
            sections.append(DetailView.Section("Items", report.entries.map { entry in
                var value = entry.outcome.rawValue
                if entry.verified { value += " (read back)" }
                if let code = entry.errorCode { value += " \(code)" }
                if let message = entry.message { value += ": \(message)" }
                if let id = entry.requestId { value += " (request id \(id))" }
                return (entry.label, value)
            }))
        } else {
            sections.append(DetailView.Section("Plan", plan.items.map { ($0.label, "\($0.call.operation) \($0.call.resource)") }))
        }
        return sections
    }

    public var lineCount: Int { sections.reduce(0) { $0 + 1 + $1.rows.count } + sections.count - 1 }

    static func duration(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        return seconds >= 60 ? "\(seconds / 60) min \(seconds % 60) s" : "\(seconds) s"
    }
}
