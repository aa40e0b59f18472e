import AWSCore
import CognitoAPI

/// One lifecycle call made per user — reset the password, confirm the sign-up, add to or remove
/// from a group — as a single call or as a job over many users, with the read-back a job makes
/// when a call's outcome is unknown. (Disable, enable, delete and sign-out are `UserChange`.)
public struct UserCall: Sendable {
    public typealias Apply = @Sendable (_ backend: any CognitoBackend, _ pool: String, _ username: String) async throws -> Void
    public typealias ReadBack = @Sendable (_ backend: any CognitoBackend, _ pool: String, _ username: String) async throws -> JobVerification

    /// The operation each user's call makes.
    public let operation: String
    /// The job's title, e.g. `Reset passwords`.
    public let jobTitle: String
    public let apply: Apply
    /// The operation the read-back calls.
    public let readOperation: String
    public let readBack: ReadBack

    public init(operation: String, jobTitle: String, apply: @escaping Apply, readOperation: String = "AdminGetUser",
                readBack: @escaping ReadBack) {
        self.operation = operation
        self.jobTitle = jobTitle
        self.apply = apply
        self.readOperation = readOperation
        self.readBack = readBack
    }

    /// `AdminResetUserPassword`; read back as the user being `RESET_REQUIRED`.
    public static let resetPassword = UserCall(
        operation: "AdminResetUserPassword", jobTitle: "Reset passwords",
        apply: { try await UserAdmin.resetPassword($0, pool: $1, username: $2) },
        readBack: { try await status(of: $2, in: $1, $0, is: "RESET_REQUIRED") })

    /// `AdminConfirmSignUp`; read back as the user being `CONFIRMED`.
    public static let confirmSignUp = UserCall(
        operation: "AdminConfirmSignUp", jobTitle: "Confirm sign-ups",
        apply: { try await UserAdmin.confirmSignUp($0, pool: $1, username: $2) },
        readBack: { try await status(of: $2, in: $1, $0, is: "CONFIRMED") })

    /// `AdminAddUserToGroup`; read back from the user's groups.
    public static func addToGroup(_ group: String) -> UserCall {
        UserCall(operation: "AdminAddUserToGroup", jobTitle: "Add users to \(group)",
                 apply: { try await GroupAdmin.add($0, pool: $1, username: $2, to: group) },
                 readOperation: "AdminListGroupsForUser",
                 readBack: { backend, pool, username in
                     try await member(username, of: group, in: pool, backend, applied: true)
                 })
    }

    /// `AdminRemoveUserFromGroup`; read back from the user's groups.
    public static func removeFromGroup(_ group: String) -> UserCall {
        UserCall(operation: "AdminRemoveUserFromGroup", jobTitle: "Remove users from \(group)",
                 apply: { try await GroupAdmin.remove($0, pool: $1, username: $2, from: group) },
                 readOperation: "AdminListGroupsForUser",
                 readBack: { backend, pool, username in
                     try await member(username, of: group, in: pool, backend, applied: false)
                 })
    }

    /// `AdminUpdateUserAttributes` with `set` (name → value), then `AdminDeleteUserAttributes`
    /// for `remove`; read back from `AdminGetUser` as every value in place and every removed
    /// attribute gone. Check the names against the pool first (`PoolSchema.problem`).
    public static func setAttributes(_ set: [(name: String, value: String)], remove: [String] = []) -> UserCall {
        let operation = set.isEmpty ? "AdminDeleteUserAttributes" : "AdminUpdateUserAttributes"
        return UserCall(operation: operation, jobTitle: "Set attributes",
                        apply: { backend, pool, username in
                            if !set.isEmpty {
                                _ = try await backend.adminUpdateUserAttributes(.init(
                                    userPoolId: pool, username: username,
                                    userAttributes: set.map { .init(name: $0.name, value: $0.value) }))
                            }
                            if !remove.isEmpty {
                                _ = try await backend.adminDeleteUserAttributes(.init(userPoolId: pool, username: username,
                                                                                      userAttributeNames: remove))
                            }
                        },
                        readBack: { backend, pool, username in
                            guard let user = try await PoolReads.user(backend, pool: pool, username: username) else { return .undetermined }
                            let record = UserRecord(user)
                            let inPlace = set.allSatisfy { record.attribute($0.name) == $0.value }
                                && remove.allSatisfy { record.attribute($0) == nil }
                            return inPlace ? .applied : .notApplied
                        })
    }

    /// The plan for these users of one pool, in the order given; the item ids are the usernames.
    /// - Throws: `JobPlanError.duplicateItemID` when a username is listed twice.
    public func plan(pool: String, usernames: [String]) throws -> JobPlan {
        try JobPlan(title: jobTitle, items: usernames.map {
            JobItem(id: $0, label: $0, call: JobCall(operation: operation, resource: "\(pool)/\($0)"))
        })
    }

    /// The job for these users: one call each, read back after an unknown outcome.
    public func job(_ backend: any CognitoBackend, pool: String, usernames: [String]) throws -> Job {
        let apply = self.apply, readBack = self.readBack
        return Job(plan: try plan(pool: pool, usernames: usernames),
                   work: { item in
                       try await apply(backend, pool, item.id)
                       return .done(requestId: nil)
                   },
                   verify: { item in try await readBack(backend, pool, item.id) })
    }

    /// Whether the user's status is `expected`; a user who is gone makes the call fail.
    private static func status(of username: String, in pool: String, _ backend: any CognitoBackend,
                               is expected: String) async throws -> JobVerification {
        do {
            let user = try await backend.adminGetUser(.init(userPoolId: pool, username: username))
            return user.userStatus?.rawValue == expected ? .applied : .notApplied
        } catch let error as AWSServiceError where error.code == "UserNotFoundException" {
            return .failed(JobFailure(serviceError: error))
        }
    }

    /// Whether the user's groups (`AdminListGroupsForUser`) show the membership change in place:
    /// `applied` when being a member is what the call makes. A user who is gone makes it fail.
    private static func member(_ username: String, of group: String, in pool: String, _ backend: any CognitoBackend,
                               applied membership: Bool) async throws -> JobVerification {
        do {
            let isMember = try await PoolReads.groups(backend, pool: pool, username: username).contains { $0.groupName == group }
            return isMember == membership ? .applied : .notApplied
        } catch let error as AWSServiceError where error.code == "UserNotFoundException" {
            return .failed(JobFailure(serviceError: error))
        }
    }
}
