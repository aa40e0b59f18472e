import CognitoAdmin
import CognitoAPI

/// Users: a pool's Users tab (searchable on the server), a group's Members tab, and a user's
/// pane with its summary.
public enum Users {
    static let columns = [
        Column("USERNAME", width: .flex(weight: 2, minimum: 10)), Column("NAME", width: .flex(weight: 2, minimum: 8)),
        Column("EMAIL", width: .flex(weight: 2, minimum: 10)),
        Column("STATUS", width: .fixed(21)), Column("ENABLED", width: .fixed(7)), Column("CREATED", width: .fixed(16)),
    ]

    public static let module = ResourceModule(
        ResourceDescriptor(.user, depth: 2, noun: "user",
                           describe: .reading("AdminGetUser") { backend, ref in
                               try await backend.adminGetUser(.init(userPoolId: ref[0], username: ref.id))
                           },
                           fetchRow: { backend, ref in
                               row(UserRecord(try await backend.adminGetUser(.init(userPoolId: ref[0], username: ref.id))))
                           },
                           actions: UserActions.all),
        lists: [
            ListSpec(.users, item: .user, noun: "users", columns: columns,
                     placement: .tab(of: .userPool, id: .users, title: "Users", order: 10),
                     command: PaletteName("users", aliases: ["u"], "users of the current pool; `:users custom:team = \"ops\"` searches"),
                     scan: { backend, source, onBatch in
                         try await UserScan(backend: backend, pool: source.scope[0], condition: source.search).run { users, progress in
                             try await onBatch(users.map(row), progress)
                         }
                     }) { backend, source, token in
                let (users, next) = try await Paging.listUsers.page(.init(userPoolId: source.scope[0]),
                                                                    token: token, limit: ListSpec.pageSize) { try await backend.listUsers($0) }
                return ListPage(items: users.map { row(UserRecord($0)) }, nextToken: next)
            },
            ListSpec(.groupMembers, item: .user, noun: "users", columns: columns,
                     placement: .tab(of: .group, id: .members, title: "Members", order: 10), rowActions: ["add-to-group", "remove-from-group"]) { backend, source, token in
                let (users, next) = try await Paging.listUsersInGroup.page(.init(userPoolId: source.scope[0], groupName: source.scope[1]),
                                                                           token: token, limit: ListSpec.pageSize) {
                    try await backend.listUsersInGroup($0)
                }
                return ListPage(items: users.map { row(UserRecord($0)) }, nextToken: next)
            },
        ],
        details: [
            DetailSpec(.userSummary, tabOf: .user, .summary, "Summary", order: 0) { backend, ref in
                DetailFormat.user(try await backend.adminGetUser(.init(userPoolId: ref[0], username: ref.id)))
            },
        ])

    /// A user row: disabled users are dimmed.
    public static func row(_ user: UserRecord) -> ListItem {
        ListItem(id: user.username,
                 cells: [ValueText.text(user.username), ValueText.text(user.fullName), ValueText.text(user.attribute("email")),
                         ValueText.text(user.status), ValueText.yesNo(user.enabled), ValueText.date(user.created)],
                 dimmed: user.enabled == false)
    }

    /// A user row from a `ListUsers` item.
    public static func row(_ user: CognitoIdentityProvider.UserType) -> ListItem {
        row(UserRecord(user))
    }
}

extension ResourceKind {
    public static let user = ResourceKind("user")
}

extension ListKind {
    public static let users = ListKind("users")
    public static let groupMembers = ListKind("group-members")
}

extension DetailKind {
    public static let userSummary = DetailKind("user-summary")
}

extension TabID {
    public static let users = TabID("users")
    public static let members = TabID("members")
}

extension PaneKind {
    public static func user(poolID: String, username: String) -> PaneKind { .resource(ResourceRef(.user, [poolID, username])) }
}

extension ListSource {
    public static func users(poolID: String, search: UserCondition?) -> ListSource { ListSource(.users, scope: [poolID], search: search) }
}
