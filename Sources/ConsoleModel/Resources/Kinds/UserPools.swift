import CognitoAdmin
import CognitoAPI

/// User pools: the root list, and a pool's pane with its summary.
public enum UserPools {
    public static let module = ResourceModule(
        ResourceDescriptor(.userPool, depth: 1, noun: "user pool",
                           describe: .reading("DescribeUserPool") { backend, ref in
                               try await backend.describeUserPool(.init(userPoolId: ref.id))
                           },
                           update: UpdateSpec(Updaters.userPool), actions: [.edit(Updaters.userPool)],
                           consolePage: ConsolePage("idp/user-pools/{0}"),
                           variables: ["USER_POOL_ID"]),
        lists: [
            ListSpec(.userPools, item: .userPool, noun: "user pools",
                     columns: [Column("NAME", width: .flex(weight: 2, minimum: 12)), Column("ID", width: .flex(weight: 2, minimum: 12)),
                               Column("CREATED", width: .fixed(16))],
                     placement: .root(title: "User pools"),
                     command: PaletteName("userpools", aliases: ["up", "pools"], "user pools"), everyRegion: .userPoolsAllRegions) { backend, _, token in
                let (pools, next) = try await Paging.listUserPools.page(.init(maxResults: ListSpec.pageSize), token: token,
                                                                        limit: ListSpec.pageSize) { try await backend.listUserPools($0) }
                return ListPage(items: pools.map(row), nextToken: next)
            },
        ],
        details: [
            DetailSpec(.userPoolSummary, tabOf: .userPool, TabID("summary"), "Summary", order: 0) { backend, ref in
                let out = try await backend.describeUserPool(.init(userPoolId: ref.id))
                return out.userPool.map(DetailFormat.userPool) ?? []
            },
        ])

    static func row(_ pool: CognitoIdentityProvider.UserPoolDescriptionType) -> ListItem {
        ListItem(id: pool.id ?? "", name: pool.name,
                 cells: [ValueText.text(pool.name), ValueText.text(pool.id), ValueText.date(pool.creationDate)])
    }
}

extension ResourceKind {
    public static let userPool = ResourceKind("user-pool")
}

extension ListKind {
    public static let userPools = ListKind("user-pools")
}

extension DetailKind {
    public static let userPoolSummary = DetailKind("user-pool-summary")
}

extension TabID {
    public static let summary = TabID("summary")
}

extension PaneKind {
    /// The root list of user pools.
    public static var userPools: PaneKind { .list(ListSource(.userPools)) }
    public static func userPool(id: String, name: String) -> PaneKind { .resource(ResourceRef(.userPool, [id], name: name)) }
}
