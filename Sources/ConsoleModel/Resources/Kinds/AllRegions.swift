import AWSCore
import CognitoAdmin
import CognitoAPI

/// The user pools and the identity pools of every region at once (`:userpools all`,
/// `:idpools all`): each region where the service runs is asked (eight at a time), each row
/// carries its region, and a region that does not answer is one dimmed row saying why. Rows
/// are not resources of the console's region, so they open in their own (`R`, Enter).
public enum AllRegions {
    public static let module = ResourceModule(nil, lists: [
        ListSpec(.userPoolsAllRegions, item: nil, noun: "user pools", columns: columns(created: true),
                 placement: .root(title: "User pools, all regions"),
                 regional: RegionalRows(root: .userPools) { .userPool(id: $0, name: $1) }) { backend, _, _ in
            let answers = await RegionSweep.userPools(backend)
            return ListPage(items: rows(answers) { pool in
                (pool.id ?? "", pool.name ?? "", [ValueText.text(pool.name), ValueText.text(pool.id), ValueText.date(pool.creationDate)])
            }, nextToken: nil)
        },
        ListSpec(.identityPoolsAllRegions, item: nil, noun: "identity pools", columns: columns(created: false),
                 placement: .root(title: "Identity pools, all regions"),
                 regional: RegionalRows(root: .identityPools) { .identityPool(id: $0, name: $1) }) { backend, _, _ in
            let answers = await RegionSweep.identityPools(backend)
            return ListPage(items: rows(answers) { pool in
                (pool.identityPoolId ?? "", pool.identityPoolName ?? "",
                 [ValueText.text(pool.identityPoolName), ValueText.text(pool.identityPoolId)])
            }, nextToken: nil)
        },
    ])

    /// REGION, NAME, ID, and CREATED for user pools.
    static func columns(created: Bool) -> [Column] {
        [Column("REGION", width: .fixed(16)), Column("NAME", width: .flex(weight: 2, minimum: 12)),
         Column("ID", width: .flex(weight: 2, minimum: 20))] + (created ? [Column("CREATED", width: .fixed(16))] : [])
    }

    /// Every region's rows in region order; a region that failed is one dimmed row.
    static func rows<Item>(_ answers: [RegionAnswer<Item>],
                           _ cells: (Item) -> (id: String, name: String, cells: [String])) -> [ListItem] {
        var items: [ListItem] = []
        for answer in answers {
            if let failure = answer.failure {
                items.append(ListItem(id: RegionalRows.failedPrefix + answer.region, name: answer.region,
                                      cells: [answer.region, ErrorText.regionFailure(failure)], dimmed: true))
                continue
            }
            for item in answer.items {
                let row = cells(item)
                items.append(ListItem(id: row.id, name: row.name, cells: [answer.region] + row.cells))
            }
        }
        return items
    }
}

/// What a list of every region's resources opens: the resource's pane in its own region, with
/// that region's own list beneath it. The region is the row's first column.
public struct RegionalRows: Sendable {
    /// The list to go back to in the row's region.
    public var root: PaneKind
    /// The pane of the row's resource, from its id and name.
    public var open: @Sendable (_ id: String, _ name: String) -> PaneKind
    /// The column holding each row's region.
    public var regionColumn = 0

    /// Ids of the rows of regions that did not answer start with this.
    public static let failedPrefix = "region-not-answered:"

    public init(root: PaneKind, open: @escaping @Sendable (_ id: String, _ name: String) -> PaneKind) {
        self.root = root
        self.open = open
    }
}

extension ListKind {
    public static let userPoolsAllRegions = ListKind("user-pools-all-regions")
    public static let identityPoolsAllRegions = ListKind("identity-pools-all-regions")
}

extension PaneKind {
    /// Every region's user pools.
    public static var userPoolsAllRegions: PaneKind { .list(ListSource(.userPoolsAllRegions)) }
    /// Every region's identity pools.
    public static var identityPoolsAllRegions: PaneKind { .list(ListSource(.identityPoolsAllRegions)) }
}
