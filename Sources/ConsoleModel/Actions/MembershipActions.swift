import CognitoAdmin
import CognitoAPI

/// Group membership from both sides: on a user's Groups tab, add the user to groups (a choice of
/// the pool's other groups) or remove them from the selected ones; on a group's Members tab,
/// add users by username or remove the selected members. Each is one call per pair, through
/// `GroupAdmin`, as `cognito-tui users add-to-group|remove-from-group` does.
enum MembershipActions {
    /// On a user's Groups tab (rows are groups, within the user).
    static let forGroups: [ResourceAction] = [
        ResourceAction("add-to-group", keys: [.character("a")], title: "add the user to groups",
                       operations: ["ListGroups", "AdminAddUserToGroup"], scope: .list, confirmation: .yesNo, hint: true,
                       question: { "Add the user to the chosen groups of \($0[0])?" }, lists: [.userGroups],
                       work: .form(FormRecipe { backend, target in
                           guard let user = target.within else { throw UpdateError("Open a user first.") }
                           let pool = target[0]
                           let all = try await allGroups(backend, pool: pool)
                           let current = try await groups(of: user.id, backend, pool: pool)
                           let choices = all.filter { !current.contains($0) }
                           guard !choices.isEmpty else { throw UpdateError("\(user.id) is already in every group of \(pool).") }
                           return FormState(title: "Add \(user.id) to groups", fields: [
                               FormField("groups", "Groups", kind: .multiChoice(choices), required: true),
                           ], note: "←/→ adds the next group; or type names, comma-separated.")
                       }, { backend, target, values in
                           guard let user = target.within else { throw UpdateError("Open a user first.") }
                           let chosen = values.list("groups")
                           for group in chosen {
                               try await GroupAdmin.add(backend, pool: target[0], username: user.id, to: group)
                           }
                           return ActionOutcome("Added \(user.id) to \(chosen.joined(separator: ", ")).", .relinked)
                       })),
        ResourceAction("remove-from-group", keys: [.delete, .control("x")], title: "remove the user from this group",
                       operations: ["AdminRemoveUserFromGroup"], scope: .row, confirmation: .yesNo,
                       question: { "Remove the user from \($0.id)? The group itself stays." }, lists: [.userGroups],
                       work: .run { backend, target, _ in
                           guard let user = target.within else { throw UpdateError("Open a user first.") }
                           try await GroupAdmin.remove(backend, pool: target[0], username: user.id, from: target.id)
                           return ActionOutcome("Removed \(user.id) from \(target.id).", .relinked)
                       }),
    ]

    /// On a group's Members tab (rows are users, within the group).
    static let forMembers: [ResourceAction] = [
        ResourceAction("add-to-group", keys: [.character("a")], title: "add users to the group",
                       operations: ["AdminAddUserToGroup"], scope: .list, confirmation: .yesNo, hint: true,
                       question: { "Add these users to the group in \($0[0])?" }, lists: [.groupMembers],
                       work: .form(FormRecipe { _, target in
                           guard let group = target.within else { throw UpdateError("Open a group first.") }
                           return FormState(title: "Add users to \(group.id)", fields: [
                               FormField("users", "Usernames", required: true),
                           ], note: "Comma-separated usernames.")
                       }, { backend, target, values in
                           guard let group = target.within else { throw UpdateError("Open a group first.") }
                           let users = values.list("users")
                           for username in users {
                               try await GroupAdmin.add(backend, pool: target[0], username: username, to: group.id)
                           }
                           return ActionOutcome("Added \(users.joined(separator: ", ")) to \(group.id).", .relinked)
                       })),
        ResourceAction("remove-from-group", keys: [.delete, .control("x")], title: "remove the user from the group",
                       operations: ["AdminRemoveUserFromGroup"], scope: .row, confirmation: .yesNo,
                       question: { "Remove \($0.id) from the group? The user stays in the pool." }, lists: [.groupMembers],
                       work: .run { backend, target, _ in
                           guard let group = target.within else { throw UpdateError("Open a group first.") }
                           try await GroupAdmin.remove(backend, pool: target[0], username: target.id, from: group.id)
                           return ActionOutcome("Removed \(target.id) from \(group.id).", .relinked)
                       }),
    ]

    static func allGroups(_ backend: any CognitoBackend, pool: String) async throws -> [String] {
        var names: [String] = []
        for try await group in Paging.listGroups.everyItem(.init(userPoolId: pool), fetch: { try await backend.listGroups($0) }) {
            if let name = group.groupName { names.append(name) }
        }
        return names
    }

    static func groups(of username: String, _ backend: any CognitoBackend, pool: String) async throws -> Set<String> {
        var names: Set<String> = []
        for try await group in Paging.adminListGroupsForUser.everyItem(.init(username: username, userPoolId: pool),
                                                                         fetch: { try await backend.adminListGroupsForUser($0) }) {
            if let name = group.groupName { names.insert(name) }
        }
        return names
    }
}
