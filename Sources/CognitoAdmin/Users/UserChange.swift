import AWSCore
import CognitoAPI

/// A lifecycle change applied to users one by one, as a single call or as a job over many: the
/// call, how to read a user back when the call's outcome is unknown, and the job that does it
/// for a list of usernames.
public enum UserChange: String, Sendable, CaseIterable {
    case disable, enable, delete
    /// `AdminUserGlobalSignOut`: refresh tokens stop working; tokens already issued stay valid.
    case signOut = "sign-out"

    /// The operation each user's call makes.
    public var operation: String {
        switch self {
        case .disable: return "AdminDisableUser"
        case .enable: return "AdminEnableUser"
        case .delete: return "AdminDeleteUser"
        case .signOut: return "AdminUserGlobalSignOut"
        }
    }

    /// The job's title, e.g. `Disable users`.
    public var jobTitle: String {
        switch self {
        case .disable: return "Disable users"
        case .enable: return "Enable users"
        case .delete: return "Delete users"
        case .signOut: return "Sign users out everywhere"
        }
    }

    /// Whether the change can be undone by another call (deleting cannot).
    public var isReversible: Bool { self != .delete }

    /// Applies the change to one user through `UserAdmin`.
    public func apply(_ backend: any CognitoBackend, pool: String, username: String) async throws {
        switch self {
        case .disable: try await UserAdmin.disable(backend, pool: pool, username: username)
        case .enable: try await UserAdmin.enable(backend, pool: pool, username: username)
        case .delete: try await UserAdmin.delete(backend, pool: pool, username: username)
        case .signOut: try await UserAdmin.signOutEverywhere(backend, pool: pool, username: username)
        }
    }

    /// Reads the user back: whether the change is in place. A read that fails for any reason
    /// other than the user being gone throws, which a job counts as "cannot tell".
    ///
    /// A user who is gone has been deleted (for `delete`, the change itself) or never existed, in
    /// which case the call failed and would fail again. A global sign-out leaves nothing a read
    /// can see, but sending it again changes nothing more than the first did, so it counts as not
    /// applied and may go once more.
    public func readBack(_ backend: any CognitoBackend, pool: String, username: String) async throws -> JobVerification {
        let enabled: Bool?
        do {
            enabled = try await backend.adminGetUser(.init(userPoolId: pool, username: username)).enabled
        } catch let error as AWSServiceError where error.code == "UserNotFoundException" {
            return self == .delete ? .applied : .failed(JobFailure(serviceError: error))
        }
        switch self {
        case .delete: return .notApplied
        case .disable: return enabled == false ? .applied : enabled == true ? .notApplied : .undetermined
        case .enable: return enabled == true ? .applied : enabled == false ? .notApplied : .undetermined
        case .signOut: return .notApplied
        }
    }

    /// The plan for these users of one pool, in the order given; the item ids are the usernames.
    /// - Throws: `JobPlanError.duplicateItemID` when a username is listed twice.
    public func plan(pool: String, usernames: [String]) throws -> JobPlan {
        try JobPlan(title: jobTitle, items: usernames.map {
            JobItem(id: $0, label: $0, call: JobCall(operation: operation, resource: "\(pool)/\($0)"))
        })
    }

    /// The job for these users: one call each, read back after an unknown outcome.
    /// - Throws: `JobPlanError.duplicateItemID` when a username is listed twice.
    public func job(_ backend: any CognitoBackend, pool: String, usernames: [String]) throws -> Job {
        Job(plan: try plan(pool: pool, usernames: usernames),
            work: { item in
                try await apply(backend, pool: pool, username: item.id)
                return .done(requestId: nil)
            },
            verify: { item in try await readBack(backend, pool: pool, username: item.id) })
    }
}
