import AWSCore
import ArgumentParser
import CognitoAPI
import CognitoAdmin
import Foundation

/// `--report FILE` and `--rate N`, shared by the commands that run jobs.
struct BulkOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Save the report of every user to FILE.csv or FILE.jsonl (runs as a job).", valueName: "file"))
    var report: String?

    @Option(help: ArgumentHelp("At most N calls a second for this job, below the profile's quota (never above it).",
                               valueName: "n"))
    var rate: String?

    func validate() throws {
        if let report { try InputChecks.reportPath(report) }
        _ = try rateValue()
    }

    /// `--rate` as a number of calls a second, or nil when not given.
    func rateValue() throws -> Double? {
        guard let rate else { return nil }
        guard let value = Double(rate), value.isFinite, value > 0 else {
            throw ValidationError("--rate takes a number of calls a second above zero, got `\(rate)`.")
        }
        return value
    }
}

/// A job from the command line, after its input was checked and its pool found: `--rate` applied
/// to the limiter, the plan printed (every call for a dry run, the first few otherwise), the
/// typed confirmation of a bulk change, then the run under `JobConsole`.
struct BulkRun {
    /// The subcommand's verb (`disable`, `import`): the operator types it with the count to confirm.
    let verb: String
    let pool: String
    let admin: AdminContext
    let options: BulkOptions
    let confirmation: ConfirmOptions
    /// How a single-user job is confirmed (a bulk one always asks for the verb and count).
    let singleWeight: ChangeWeight

    /// Calls shown before a real run; a dry run shows every one.
    static let shownItems = 10

    /// Runs `job` (or only prints its plan for a dry run) and returns its exit status.
    /// - Parameter operations: every operation the job may call, reads included: `--rate` holds
    ///   each of their quota categories to N. The first is the one the plan's figures are for.
    func run(_ job: Job, operations: [String], dryRun: Bool, notes: [String] = []) async throws -> Int32 {
        let rate = try limitRate(operations: operations)
        let category = admin.session.rateLimiter.table.category(service: ServiceDescriptor.cognitoIdentityProvider.id,
                                                                 operation: operations[0])
        let lines = JobProgressText.plan(job.plan, pool: pool, category: category, rate: rate,
                                         listing: dryRun ? nil : Self.shownItems)
        (lines + notes).forEach { print($0) }
        if dryRun {
            print("Nothing sent (dry run).")
            return 0
        }
        let count = job.plan.count
        if count > 1 {
            try confirmation.confirm(.delete, name: "\(verb) \(count)", what: "\(verb) \(count) users in \(pool)", admin: admin)
        } else if let item = job.plan.items.first {
            try confirmation.confirm(singleWeight, name: item.label, what: "\(verb) user \(item.label) in \(pool)", admin: admin)
        }
        return try await JobConsole(admin: admin).run(job, reportPath: options.report, concurrency: Self.concurrency(rate))
    }

    /// Holds the categories of `operations` to `--rate` (never above what the profile allows)
    /// and returns the rate of the first one's category.
    func limitRate(operations: [String]) throws -> Double? {
        let limiter = admin.session.rateLimiter
        let service = ServiceDescriptor.cognitoIdentityProvider.id
        let categories = Set(operations.compactMap { limiter.table.category(service: service, operation: $0) })
        if let wanted = try options.rateValue() {
            var rates: [String: Double] = [:]
            for category in categories {
                rates[category] = min(wanted, limiter.configuredRate(category: category) ?? wanted)
            }
            try limiter.setRates(rates)
        }
        return operations.first.flatMap { limiter.table.category(service: service, operation: $0) }
            .flatMap { limiter.configuredRate(category: $0) }
    }

    /// Items under way at once: enough that waits for the limiter and backoffs after throttling
    /// overlap (about a quarter of a second's worth of calls), between 4 and 32.
    static func concurrency(_ rate: Double?) -> Int {
        guard let rate else { return 4 }
        return max(4, min(32, Int((rate / 4).rounded(.up))))
    }
}
