/// How one item ended.
public enum JobOutcome: String, Sendable, Equatable, Codable, CaseIterable {
    case succeeded
    case failed
    case skipped
    /// The job stopped before the item was sent.
    case notStarted = "not started"
    /// The call may or may not have been applied, and reading back could not tell.
    case unknown
}

/// One line of a job report.
public struct JobReportEntry: Sendable, Equatable {
    public var id: String
    public var label: String
    public var call: JobCall
    public var outcome: JobOutcome
    /// True when the outcome was established by reading the item back after an unknown one.
    public var verified: Bool
    /// The code of the last failure, if any (kept on a verified success, to say why it was read back).
    public var errorCode: String?
    /// One line for people: the failure's message, or why the item was skipped.
    public var message: String?
    /// The service's request id for the last call.
    public var requestId: String?
    /// How many times the item's call was sent.
    public var attempts: Int
    /// From the first send to the end of the item, read-backs included.
    public var duration: Duration

    public init(id: String, label: String, call: JobCall, outcome: JobOutcome, verified: Bool = false,
                errorCode: String? = nil, message: String? = nil, requestId: String? = nil,
                attempts: Int = 0, duration: Duration = .zero) {
        self.id = id
        self.label = label
        self.call = call
        self.outcome = outcome
        self.verified = verified
        self.errorCode = errorCode
        self.message = message
        self.requestId = requestId
        self.attempts = attempts
        self.duration = duration
    }

    /// The entry of an item the job never sent.
    public static func notStarted(_ item: JobItem, message: String? = nil) -> JobReportEntry {
        JobReportEntry(id: item.id, label: item.label, call: item.call, outcome: .notStarted, message: message)
    }
}

/// Item counts by outcome.
public struct JobTotals: Sendable, Equatable {
    /// Items in the plan.
    public var total: Int
    public var succeeded: Int
    public var failed: Int
    public var skipped: Int
    public var unknown: Int
    public var notStarted: Int

    public init(total: Int, succeeded: Int = 0, failed: Int = 0, skipped: Int = 0, unknown: Int = 0, notStarted: Int = 0) {
        self.total = total
        self.succeeded = succeeded
        self.failed = failed
        self.skipped = skipped
        self.unknown = unknown
        self.notStarted = notStarted
    }

    /// Counts the entries' outcomes; `total` is the number of entries.
    public init(entries: [JobReportEntry]) {
        self.init(total: entries.count)
        for entry in entries { count(entry.outcome) }
    }

    /// Items that ended after being sent: succeeded, failed, skipped or unknown.
    public var done: Int { succeeded + failed + skipped + unknown }

    mutating func count(_ outcome: JobOutcome) {
        switch outcome {
        case .succeeded: succeeded += 1
        case .failed: failed += 1
        case .skipped: skipped += 1
        case .unknown: unknown += 1
        case .notStarted: notStarted += 1
        }
    }
}

/// What a job did: one entry per planned item, in plan order.
public struct JobReport: Sendable, Equatable {
    public var title: String
    public var entries: [JobReportEntry]
    public var totals: JobTotals
    /// True when the job was cancelled (or the limiter refused) before every item was started.
    public var cancelled: Bool
    /// From the start of the run to its end.
    public var elapsed: Duration

    public init(title: String, entries: [JobReportEntry], cancelled: Bool, elapsed: Duration) {
        self.title = title
        self.entries = entries
        self.totals = JobTotals(entries: entries)
        self.cancelled = cancelled
        self.elapsed = elapsed
    }

    /// The entries with the given outcome, in plan order.
    public func entries(_ outcome: JobOutcome) -> [JobReportEntry] {
        entries.filter { $0.outcome == outcome }
    }
}
