import AWSCore
import CognitoAPI
import Foundation

extension UserImport {
    /// The operation each item starts with.
    public static let operation = "AdminCreateUser"

    /// The operations an import may call that change data, for read-only refusals.
    public func operations(existing: ExistingUsers) -> [String] {
        var operations = [Self.operation]
        if existing == .update { operations += ["AdminUpdateUserAttributes", "AdminEnableUser"] }
        if existing == .update || users.contains(where: { $0.enabled == false }) { operations.append("AdminDisableUser") }
        if users.contains(where: { !$0.groups.isEmpty }) { operations.append("AdminAddUserToGroup") }
        return operations
    }

    /// One item per user, in file order; the item ids are the usernames.
    public func plan(pool: String) throws -> JobPlan {
        try JobPlan(title: "Import users", items: users.map {
            JobItem(id: $0.username, label: $0.username, call: JobCall(operation: Self.operation, resource: "\(pool)/\($0.username)"))
        })
    }

    /// The job: each user is created (`AdminCreateUser`, the invitation suppressed unless
    /// `invite`), then disabled when the file says `Enabled: false`; a user the pool has already
    /// is skipped or updated as `existing` says. A user with `groups` is added to each of them
    /// (`AdminAddUserToGroup`, which a member already in the group leaves as it is).
    ///
    /// A create whose outcome is unknown is read back with `AdminGetUser`: no user means it was
    /// not applied; a user with the file's attributes and state means it was; a user made by
    /// this job whose second step is missing, or one that was there before, means the item goes
    /// once more, where the create meets `UsernameExistsException` and the step that is left
    /// (or the policy for existing users) follows. A user is never created twice.
    /// - Parameter now: the wall clock, to tell a user created by this job (after it started)
    ///   from one that was there before.
    public func job(_ backend: any CognitoBackend, pool: String, existing: ExistingUsers, invite: Bool = false,
                    now: @escaping @Sendable () -> Date = { Date() }) throws -> Job {
        let plan = try plan(pool: pool)
        let byName = Dictionary(uniqueKeysWithValues: users.map { ($0.username, $0) })
        let created = CreatedUsers(since: now())
        return Job(
            plan: plan,
            work: { item in
                guard let user = byName[item.id] else { return .skipped(reason: "not in the file") }
                if await created.contains(user.username) {
                    // Created earlier in this job; only the state may be missing.
                    try await Self.setEnabled(backend, pool: pool, user, onlyToDisable: true)
                    try await Self.join(backend, pool: pool, user)
                    return .done(requestId: nil, note: "created")
                }
                do {
                    _ = try await backend.adminCreateUser(.init(
                        userPoolId: pool, username: user.username,
                        userAttributes: user.attributes.isEmpty ? nil : user.attributes.map { .init(name: $0.name, value: $0.value) },
                        messageAction: invite ? nil : .suppress))
                } catch let error as AWSServiceError where error.is(.usernameExistsException) {
                    switch existing {
                    case .skip:
                        return .skipped(reason: "exists already")
                    case .update:
                        if !user.attributes.isEmpty {
                            _ = try await backend.adminUpdateUserAttributes(.init(
                                userPoolId: pool, username: user.username,
                                userAttributes: user.attributes.map { .init(name: $0.name, value: $0.value) }))
                        }
                        try await Self.setEnabled(backend, pool: pool, user, onlyToDisable: false)
                        try await Self.join(backend, pool: pool, user)
                        return .done(requestId: nil, note: "updated")
                    }
                }
                await created.insert(user.username)
                try await Self.setEnabled(backend, pool: pool, user, onlyToDisable: true)
                try await Self.join(backend, pool: pool, user)
                return .done(requestId: nil, note: "created")
            },
            verify: { item in
                guard let user = byName[item.id] else { return .undetermined }
                let found: CognitoIdentityProvider.AdminGetUserResponse
                do {
                    found = try await backend.adminGetUser(.init(userPoolId: pool, username: user.username))
                } catch let error as AWSServiceError where error.is(.userNotFoundException) {
                    return .notApplied
                }
                if let date = found.userCreateDate, await created.isRecent(date) { await created.insert(user.username) }
                let ours = await created.contains(user.username)
                // A user that was there before is only "applied" when it is to be updated and
                // already holds the file's values; else the resend meets it and follows the policy.
                if !ours && existing == .skip { return .notApplied }
                guard Self.holds(found, user) else { return .notApplied }
                if !user.groups.isEmpty {
                    let joined = Set(try await PoolReads.groups(backend, pool: pool, username: user.username).compactMap(\.groupName))
                    if !user.groups.allSatisfy(joined.contains) { return .notApplied }
                }
                return .applied
            })
    }

    /// Whether the user as read has the file's attributes and state.
    static func holds(_ found: CognitoIdentityProvider.AdminGetUserResponse, _ user: ImportedUser) -> Bool {
        var values: [String: String] = [:]
        for attribute in found.userAttributes ?? [] { values[attribute.name] = attribute.value ?? "" }
        guard user.attributes.allSatisfy({ values[$0.name] == $0.value }) else { return false }
        if let enabled = user.enabled, found.enabled != enabled { return false }
        return true
    }

    /// Adds the user to the file's groups, one call each.
    static func join(_ backend: any CognitoBackend, pool: String, _ user: ImportedUser) async throws {
        for group in user.groups {
            try await GroupAdmin.add(backend, pool: pool, username: user.username, to: group)
        }
    }

    /// Sets the file's `Enabled`: after a create only a `false` needs a call.
    static func setEnabled(_ backend: any CognitoBackend, pool: String, _ user: ImportedUser, onlyToDisable: Bool) async throws {
        switch user.enabled {
        case false?: try await UserAdmin.disable(backend, pool: pool, username: user.username)
        case true? where !onlyToDisable: try await UserAdmin.enable(backend, pool: pool, username: user.username)
        default: break
        }
    }
}

/// The usernames an import job created, so that a resend finishes them instead of treating them
/// as users that were there before.
actor CreatedUsers {
    /// Users created up to this long before the job started count as its own: the service's
    /// clock and this machine's may differ by that much.
    static let clockSlack: TimeInterval = 5
    private let since: Date
    private var names: Set<String> = []

    init(since: Date) { self.since = since }

    func insert(_ name: String) { names.insert(name) }
    func contains(_ name: String) -> Bool { names.contains(name) }
    func isRecent(_ date: Date) -> Bool { date >= since.addingTimeInterval(-Self.clockSlack) }
}
