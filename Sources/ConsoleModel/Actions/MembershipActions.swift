import CognitoAdmin
import CognitoAPI

/// Group membership from both sides: on a user's Groups tab, add the user to groups (a picker of
/// the pool's other groups, narrowed as you type) or remove them from the selected ones; on a
/// group's Members tab, add users (a picker that searches the pool by username prefix as you
/// type) or remove the selected members. Each is one call per pair, through
/// `GroupAdmin`, as `cognito-tui users add-to-group|remove-from-group` does.
enum MembershipActions {
    /// On a user's Groups tab (rows are groups, within the user).
    static let forGroups: [ResourceAction] = [
        ResourceAction("add-to-group", keys: [.character("a")], title: "add the user to groups",
                       operations: ["ListGroups", "AdminAddUserToGroup"], scope: .list, confirmation: .yesNo, hint: true,
                       question: { "Add the user to these groups of \($0[0])?" }, lists: [.userGroups],
                       work: .pick(PickRecipe(title: { "Add \($0.within?.id ?? "the user") to groups" }) { backend, target, _ in
                           guard let user = target.within else { throw UpdateError("Open a user first.") }
                           let current = try await groups(of: user.id, backend, pool: target[0])
                           return try await allGroups(backend, pool: target[0]).filter { !current.contains($0) }
                       }, { backend, target, values in
                           guard let user = target.within else { throw UpdateError("Open a user first.") }
                           let chosen = values.list("picked")
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
                       operations: ["ListUsers", "AdminAddUserToGroup"], scope: .list, confirmation: .yesNo, hint: true,
                       question: { "Add these users to the group in \($0[0])?" }, lists: [.groupMembers],
                       work: .pick(PickRecipe(title: { "Add users to \($0.within?.id ?? "the group")" }, serverSide: true) { backend, target, query in
                           // The pool is searched as the operator types, by username prefix.
                           guard !query.isEmpty else { return [] }
                           let search = UserCondition(clauses: [.init(attribute: "username", op: .startsWith, value: query)])
                           let out = try await backend.listUsers(.init(userPoolId: target[0], limit: ListSpec.pageSize,
                                                                       filter: search.serverFilter))
                           return (out.users ?? []).compactMap(\.username)
                       }, { backend, target, values in
                           guard let group = target.within else { throw UpdateError("Open a group first.") }
                           let users = values.list("picked")
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
