import CognitoAdmin

/// What can be done to a user from the console; each entry calls `UserAdmin`.
enum UserActions {
    static let all: [ResourceAction] = [
        .edit(Updaters.userAttributes, what: "attributes"),
        ResourceAction("disable", keys: [.character("D")], title: "disable user", operations: ["AdminDisableUser"],
                       confirmation: .yesNo,
                       question: { "Disable \($0.id)? They cannot sign in until enabled; tokens already issued stay valid until they expire." },
                       verify: { backend, ref in try await UserAdmin.get(backend, pool: ref[0], username: ref.id).enabled == false },
                       work: .run { backend, ref, _ in
                           try await UserAdmin.disable(backend, pool: ref[0], username: ref.id)
                           return ActionOutcome("Disabled \(ref.id).", .updated)
                       }),
        ResourceAction("enable", keys: [.character("E")], title: "enable user", operations: ["AdminEnableUser"],
                       confirmation: .yesNo, question: { "Enable \($0.id)? They can sign in again." },
                       verify: { backend, ref in try await UserAdmin.get(backend, pool: ref[0], username: ref.id).enabled == true },
                       work: .run { backend, ref, _ in
                           try await UserAdmin.enable(backend, pool: ref[0], username: ref.id)
                           return ActionOutcome("Enabled \(ref.id).", .updated)
                       }),
        ResourceAction("sign-out", keys: [.character("O")], title: "sign out everywhere", operations: ["AdminUserGlobalSignOut"],
                       confirmation: .yesNo,
                       question: { "Sign \($0.id) out of every device? Their refresh tokens stop working; access and ID tokens already issued stay valid until they expire." },
                       work: .run { backend, ref, _ in
                           try await UserAdmin.signOutEverywhere(backend, pool: ref[0], username: ref.id)
                           return ActionOutcome("Signed \(ref.id) out everywhere; tokens already issued stay valid until they expire.", .none)
                       }),
        ResourceAction("delete", keys: [.delete, .control("x")], title: "delete user", operations: ["AdminDeleteUser"],
                       confirmation: .typeName,
                       question: { "Delete user \($0.id)? This cannot be undone." },
                       verify: { backend, ref in try await UserAdmin.exists(backend, pool: ref[0], username: ref.id).map { !$0 } },
                       work: .run { backend, ref, _ in
                           try await UserAdmin.delete(backend, pool: ref[0], username: ref.id)
                           return ActionOutcome("Deleted user \(ref.id).", .removed)
                       }),
    ]
}
