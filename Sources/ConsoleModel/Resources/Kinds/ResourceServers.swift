import CognitoAdmin
import CognitoAPI

/// Resource servers of a pool (the OAuth 2.0 APIs and their custom scopes), as a tab of the pool.
public enum ResourceServers {
    public static let module = ResourceModule(
        ResourceDescriptor(.resourceServer, depth: 2, noun: "resource server",
                           describe: .reading("DescribeResourceServer") { backend, ref in
                               try await backend.describeResourceServer(.init(userPoolId: ref[0], identifier: ref.id))
                           },
                           update: UpdateSpec(Updaters.resourceServer), actions: [.edit(Updaters.resourceServer)],
                           // The console lists a pool's resource servers on its domain page.
                           consolePage: ConsolePage("idp/user-pools/{0}/branding/domain")),
        lists: [
            ListSpec(.resourceServers, item: .resourceServer, noun: "resource servers",
                     columns: [Column("IDENTIFIER", width: .flex(weight: 2, minimum: 12)), Column("NAME", width: .flex(weight: 1, minimum: 8)),
                               Column("SCOPES", width: .flex(weight: 3, minimum: 10))],
                     placement: .tab(of: .userPool, id: .resourceServers, title: "Resource servers", order: 60),
                     command: PaletteName("resourceservers", aliases: ["rs"], "resource servers of the current pool")) { backend, source, token in
                // The model allows at most 50 a page; the page fields clamp the limit to that.
                let (servers, next) = try await Paging.listResourceServers.page(.init(userPoolId: source.scope[0], maxResults: 50), token: token,
                                                                                limit: ListSpec.pageSize) { try await backend.listResourceServers($0) }
                let items = servers.map { server in
                    ListItem(id: server.identifier ?? "", name: server.name,
                             cells: [ValueText.text(server.identifier), ValueText.text(server.name),
                                     ValueText.list(server.scopes?.map(\.scopeName))])
                }
                return ListPage(items: items, nextToken: next)
            },
        ])
}

extension ResourceKind { public static let resourceServer = ResourceKind("resource-server") }
extension ListKind { public static let resourceServers = ListKind("resource-servers") }
extension TabID { public static let resourceServers = TabID("resource-servers") }
