import AWSCore
import CognitoAPI

/// What an export looks up for each user beyond what ListUsers returns: the user's groups
/// (AdminListGroupsForUser) and whether the user has an MFA method (AdminGetUser). The calls
/// for one batch go together, a bounded number at a time; the session's rate limiter paces
/// them (the `UserRead` category) like every other call.
public enum ExportLookups {
    /// Calls in flight at once: enough to keep up with the quota, few enough to hold little.
    static let width = 16

    /// The users with what was asked for, in the same order; a user deleted since it was listed
    /// keeps nil there and is named in `gone`.
    public static func enrich(_ users: [CognitoIdentityProvider.UserType], backend: any CognitoBackend, pool: String,
                              groups: Bool, mfa: Bool) async throws -> (users: [ExportedUser], gone: [String]) {
        var exported = users.map { ExportedUser(user: $0) }
        guard groups || mfa else { return (exported, []) }
        var gone: [String] = []
        try await withThrowingTaskGroup(of: (Int, [String]?, Bool?, Bool).self) { group in
            var next = 0
            func start() {
                guard next < users.count else { return }
                let index = next, username = users[index].username ?? ""
                next += 1
                group.addTask {
                    do {
                        let names = groups ? try await PoolReads.groups(backend, pool: pool, username: username).compactMap(\.groupName) : nil
                        var enabled: Bool?
                        if mfa {
                            let user = try await backend.adminGetUser(.init(userPoolId: pool, username: username))
                            enabled = !(user.userMFASettingList ?? []).isEmpty || !(user.mfaOptions ?? []).isEmpty
                        }
                        return (index, names, enabled, false)
                    } catch let error as AWSServiceError where error.is(.userNotFoundException) {
                        return (index, nil, nil, true)
                    }
                }
            }
            for _ in 0..<min(width, users.count) { start() }
            while let (index, names, enabled, missing) = try await group.next() {
                exported[index].groups = names
                exported[index].mfaEnabled = enabled
                if missing { gone.append(users[index].username ?? "") }
                start()
            }
        }
        return (exported, gone)
    }
}
