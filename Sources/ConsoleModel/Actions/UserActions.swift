import CognitoAdmin

/// What can be done to a user from the console; each entry calls the domain layer (`UserChange`,
/// the same code `cognito-tui users …` runs).
enum UserActions {
    /// The read-back of a change after an unknown outcome, as the job engine asks for it.
    static func verify(_ change: UserChange) -> ResourceAction.Verify {
        { backend, ref, _ in try await change.readBack(backend, pool: ref[0], username: ref.id) }
    }

    /// The same for a per-user call.
    static func verify(_ call: UserCall) -> ResourceAction.Verify {
        { backend, ref, _ in try await call.readBack(backend, ref[0], ref.id) }
    }

    /// The read-back of the lifecycle calls made with the values asked once (the groups chosen,
    /// the attributes set): applied only when every one of them is; the first that is not
    /// applied decides otherwise.
    static func verify(_ calls: @escaping @Sendable (FormValues) -> [UserCall]) -> ResourceAction.Verify {
        { backend, ref, values in
            for call in calls(values) {
                let verification = try await call.readBack(backend, ref[0], ref.id)
                if verification != .applied { return verification }
            }
            return .applied
        }
    }

    static let all: [ResourceAction] = MembershipActions.forMembers + UserLifecycleActions.all + UserBulkActions.all + [UserSecurityActions.mfa, UserAttributeActions.action, TokenActions.signIn] + [
        .edit(Updaters.userAttributes, what: "attributes"),
        ResourceAction("disable", keys: [.character("D")], title: "disable user", operations: ["AdminDisableUser"],
                       confirmation: .yesNo,
                       question: { "Disable \($0.id)? They cannot sign in until enabled; tokens already issued stay valid until they expire." },
                       verify: verify(.disable),
                       work: .run { backend, ref, _ in
                           try await UserChange.disable.apply(backend, pool: ref[0], username: ref.id)
                           return ActionOutcome("Disabled \(ref.id).", .updated)
                       }),
        ResourceAction("enable", keys: [.character("E")], title: "enable user", operations: ["AdminEnableUser"],
                       confirmation: .yesNo, question: { "Enable \($0.id)? They can sign in again." },
                       verify: verify(.enable),
                       work: .run { backend, ref, _ in
                           try await UserChange.enable.apply(backend, pool: ref[0], username: ref.id)
                           return ActionOutcome("Enabled \(ref.id).", .updated)
                       }),
        ResourceAction("sign-out", keys: [.character("O")], title: "sign out everywhere", operations: ["AdminUserGlobalSignOut"],
                       confirmation: .yesNo,
                       question: { "Sign \($0.id) out of every device? Their refresh tokens stop working; access and ID tokens already issued stay valid until they expire." },
                       verify: verify(.signOut),
                       work: .run { backend, ref, _ in
                           try await UserChange.signOut.apply(backend, pool: ref[0], username: ref.id)
                           return ActionOutcome("Signed \(ref.id) out everywhere; tokens already issued stay valid until they expire.", .none)
                       }),
        ResourceAction("delete", keys: [.delete, .control("x")], title: "delete user", operations: ["AdminDeleteUser"],
                       confirmation: .typeName,
                       question: { "Delete user \($0.id)? This cannot be undone." },
                       verify: verify(.delete), removes: true,
                       work: .run { backend, ref, _ in
                           try await UserChange.delete.apply(backend, pool: ref[0], username: ref.id)
                           return ActionOutcome("Deleted user \(ref.id).", .removed)
                       }),
    ]
}
