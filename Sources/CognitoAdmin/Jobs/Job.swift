/// What one successful attempt at an item produced.
public enum JobWorkResult: Sendable, Equatable {
    /// The call was applied; the request id comes from the service's reply, and the note (e.g.
    /// `created` or `updated`) goes into the report.
    case done(requestId: String?, note: String? = nil)
    /// Nothing needed doing (e.g. the user was already disabled); the reason goes into the report.
    case skipped(reason: String)
}

/// What reading an item back showed about a call whose outcome was unknown.
public enum JobVerification: Sendable, Equatable {
    /// The change is in place.
    case applied
    /// The change is certainly not in place, so the call may be sent once more.
    case notApplied
    /// The read-back could not tell.
    case undetermined
    /// The read-back shows the call cannot have been applied and a resend would fail the same
    /// way (the user is gone, say): the item failed, for the reason given.
    case failed(JobFailure)
}

/// The moment at which the runner asks for permission to call the service.
public enum JobStep: Sendable, Equatable {
    /// Before sending the item's call; attempts count from 1.
    case perform(attempt: Int)
    /// Before reading the item back after an unknown outcome.
    case verify
}

/// Performs one item's call.
public typealias JobWork = @Sendable (JobItem) async throws -> JobWorkResult
/// Reads one item back after a failure that left its outcome unknown.
public typealias JobVerify = @Sendable (JobItem) async throws -> JobVerification
/// Sends one call for several items (an operation that takes a batch of ids, such as
/// `DeleteIdentities`) and returns, by item id, the failures of the items the service did not
/// process; an item without one is done. Throwing is a failure of the whole call.
public typealias JobBatchWork = @Sendable ([JobItem]) async throws -> [String: JobFailure]

/// Items sent together, up to `size` a call.
public struct JobBatching: Sendable {
    public var size: Int
    public var work: JobBatchWork

    public init(size: Int, work: @escaping JobBatchWork) {
        precondition(size > 0, "a batch holds at least one item")
        self.size = size
        self.work = work
    }
}

/// Waits until the caller allows one more call (the session's rate limiter goes here).
/// Throwing stops the job: the item is reported as not started if nothing was sent for it yet.
public typealias JobAcquire = @Sendable (JobItem, JobStep) async throws -> Void

/// A plan with the work that carries it out.
///
/// The engine knows no Cognito operation: the caller supplies the closures, which receive the
/// item and look up their input by its id.
public struct Job: Sendable {
    public var plan: JobPlan
    /// Sends one item's call.
    public var work: JobWork
    /// Reads an item back after an unknown outcome; without it such items are reported as unknown.
    public var verify: JobVerify?
    /// When set, items go in calls of up to `size` each through its work, and `work` is not used.
    public var batching: JobBatching?

    public init(plan: JobPlan, work: @escaping JobWork, verify: JobVerify? = nil) {
        self.plan = plan
        self.work = work
        self.verify = verify
    }

    /// A job whose items go together, up to `batching.size` a call; an item whose call ended
    /// unknown is read back alone with `verify`, and only those not applied are sent again.
    public init(plan: JobPlan, batching: JobBatching, verify: JobVerify? = nil) {
        self.plan = plan
        self.work = { item in
            if let failure = try await batching.work([item])[item.id] { throw BatchedItemFailure(failure: failure) }
            return .done(requestId: nil)
        }
        self.verify = verify
        self.batching = batching
    }
}

/// What `JobRunner.execute` returns: the plan alone for a dry run, else the report.
public enum JobResult: Sendable {
    case planned(JobPlan)
    case finished(JobReport)
}

/// One item's failure inside a batch call, as an error.
struct BatchedItemFailure: JobClassifiableError {
    let failure: JobFailure
    var jobFailure: JobFailure { failure }
}
