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
                           fetchRow: { backend, ref, views in
                               row(UserRecord(try await backend.adminGetUser(.init(userPoolId: ref[0], username: ref.id))),
                                   view: views[view.name])
                           },
                           actions: UserActions.all,
                           consolePage: ConsolePage("idp/user-pools/{0}/user-management/users/details/{1}"),
                           variables: ["USER_POOL_ID", "USERNAME"]),
        lists: [
            ListSpec(.users, item: .user, noun: "users", columns: columns,
                     placement: .tab(of: .userPool, id: .users, title: "Users", order: 10),
                     command: PaletteName("users", aliases: ["u"], "users of the current pool; `:users custom:team = \"ops\"` searches"),
                     scan: { backend, source, onBatch in
                         try await UserScan(backend: backend, pool: source.scope[0], condition: source.search).run { users, progress in
                             try await onBatch(users.map { row($0, view: source.view) }, progress)
                         }
                     }, view: view) { backend, source, token in
                let (users, next) = try await Paging.listUsers.page(.init(userPoolId: source.scope[0]),
                                                                    token: token, limit: ListSpec.pageSize) { try await backend.listUsers($0) }
                return ListPage(items: users.map { row(UserRecord($0), view: source.view) }, nextToken: next)
            },
            ListSpec(.groupMembers, item: .user, noun: "users", columns: columns,
                     placement: .tab(of: .group, id: .members, title: "Members", order: 10), view: view,
                     rowActions: ["add-to-group", "remove-from-group"]) { backend, source, token in
                let (users, next) = try await Paging.listUsersInGroup.page(.init(userPoolId: source.scope[0], groupName: source.scope[1]),
                                                                           token: token, limit: ListSpec.pageSize) {
                    try await backend.listUsersInGroup($0)
                }
                return ListPage(items: users.map { row(UserRecord($0), view: source.view) }, nextToken: next)
            },
        ],
        details: [
            DetailSpec(.userSummary, tabOf: .user, .summary, "Summary", order: 0) { backend, ref in
                DetailFormat.user(try await backend.adminGetUser(.init(userPoolId: ref[0], username: ref.id)))
            },
        ])

    /// The columns of a pool's users and a group's members can be chosen in `config.yaml`
    /// (`views: { users: [username, email, custom:tenant] }`): the fields of `cell`, or any
    /// attribute.
    static let view = ListView(name: "users") { fields in
        fields.map { field in
            switch field {
            case "username", "name", "email", "sub": return Column(field.uppercased(), width: .flex(weight: 2, minimum: 10))
            case "status": return Column("STATUS", width: .fixed(21))
            case "enabled": return Column("ENABLED", width: .fixed(7))
            case "created", "modified": return Column(field.uppercased(), width: .fixed(16))
            default:
                let title = field.hasPrefix("custom:") ? String(field.dropFirst("custom:".count)) : field
                return Column(title.uppercased(), width: .flex(weight: 1, minimum: 8))
            }
        }
    }

    /// One cell of a chosen column for a user.
    static func cell(_ user: UserRecord, _ field: String) -> String {
        switch field {
        case "username": return ValueText.text(user.username)
        case "name": return ValueText.text(user.fullName)
        case "status": return ValueText.text(user.status)
        case "enabled": return ValueText.yesNo(user.enabled)
        case "created": return ValueText.date(user.created)
        case "modified": return ValueText.date(user.modified)
        default: return ValueText.text(user.attribute(field))
        }
    }

    /// A user row in the chosen columns (nil: the default ones); disabled users are dimmed.
    public static func row(_ user: UserRecord, view: [String]?) -> ListItem {
        guard let view else { return row(user) }
        return ListItem(id: user.username, cells: view.map { cell(user, $0) }, dimmed: user.enabled == false)
    }

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
