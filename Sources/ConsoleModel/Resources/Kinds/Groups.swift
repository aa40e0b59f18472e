import CognitoAdmin
import CognitoAPI

/// Groups: a pool's Groups tab, a user's Groups tab, and a group's pane with its summary.
public enum Groups {
    static let columns = [
        Column("NAME", width: .flex(weight: 2, minimum: 10)), Column("PRECEDENCE", width: .fixed(10), alignment: .trailing),
        Column("DESCRIPTION", width: .flex(weight: 3, minimum: 10)), Column("ROLE", width: .flex(weight: 2, minimum: 8)),
    ]

    public static let module = ResourceModule(
        ResourceDescriptor(.group, depth: 2, noun: "group",
                           describe: .reading("GetGroup") { backend, ref in
                               try await backend.getGroup(.init(groupName: ref.id, userPoolId: ref[0]))
                           },
                           fetchRow: { backend, ref, _ in
                               let out = try await backend.getGroup(.init(groupName: ref.id, userPoolId: ref[0]))
                               return row(out.group ?? .init(groupName: ref.id))
                           },
                           update: GroupActions.update, actions: GroupActions.all,
                           consolePage: ConsolePage("idp/user-pools/{0}/user-management/groups/details/{1}"),
                           variables: ["USER_POOL_ID", "GROUP"]),
        lists: [
            ListSpec(.groups, item: .group, noun: "groups", columns: columns,
                     placement: .tab(of: .userPool, id: .groups, title: "Groups", order: 20),
                     command: PaletteName("groups", aliases: ["grp"], "groups of the current pool")) { backend, source, token in
                let (groups, next) = try await Paging.listGroups.page(.init(userPoolId: source.scope[0]), token: token,
                                                                      limit: ListSpec.pageSize) { try await backend.listGroups($0) }
                return ListPage(items: groups.map(row), nextToken: next)
            },
            ListSpec(.userGroups, item: .group, noun: "groups", columns: columns,
                     placement: .tab(of: .user, id: .groups, title: "Groups", order: 10), rowActions: ["add-to-group", "remove-from-group"]) { backend, source, token in
                let (groups, next) = try await Paging.adminListGroupsForUser.page(.init(username: source.scope[1], userPoolId: source.scope[0]),
                                                                                  token: token, limit: ListSpec.pageSize) {
                    try await backend.adminListGroupsForUser($0)
                }
                return ListPage(items: groups.map(row), nextToken: next)
            },
        ],
        details: [
            DetailSpec(.groupSummary, tabOf: .group, .summary, "Summary", order: 0) { backend, ref in
                let out = try await backend.getGroup(.init(groupName: ref.id, userPoolId: ref[0]))
                return out.group.map(DetailFormat.group) ?? []
            },
        ])

    static func row(_ group: CognitoIdentityProvider.GroupType) -> ListItem {
        ListItem(id: group.groupName ?? "",
                 cells: [ValueText.text(group.groupName), ValueText.number(group.precedence),
                         ValueText.text(group.description), ValueText.text(group.roleArn)])
    }
}

extension ResourceKind {
    public static let group = ResourceKind("group")
}

extension ListKind {
    public static let groups = ListKind("groups")
    public static let userGroups = ListKind("user-groups")
}

extension DetailKind {
    public static let groupSummary = DetailKind("group-summary")
}

extension TabID {
    public static let groups = TabID("groups")
}

extension PaneKind {
    public static func group(poolID: String, name: String) -> PaneKind { .resource(ResourceRef(.group, [poolID, name])) }
}
