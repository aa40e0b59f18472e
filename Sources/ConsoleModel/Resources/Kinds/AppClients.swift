import CognitoAdmin
import CognitoAPI

/// App clients: a pool's App clients tab; Enter and `d` show a client's settings, secret masked.
public enum AppClients {
    public static let module = ResourceModule(
        ResourceDescriptor(.appClient, depth: 2, noun: "app client",
                           describe: .reading("DescribeUserPoolClient", mask: { out in
                               // A secret is never shown on screen unasked (DESIGN §6).
                               if out.userPoolClient?.clientSecret != nil { out.userPoolClient?.clientSecret = ProviderDetailsMask.mask }
                           }) { backend, ref in
                               try await backend.describeUserPoolClient(.init(userPoolId: ref[0], clientId: ref.id))
                           },
                           update: UpdateSpec(Updaters.appClient), actions: [.edit(Updaters.appClient)],
                           consolePage: ConsolePage("idp/user-pools/{0}/app-integration/clients/{1}"),
                           variables: ["USER_POOL_ID", "CLIENT_ID"]),
        lists: [
            ListSpec(.clients, item: .appClient, noun: "app clients",
                     columns: [Column("NAME", width: .flex(weight: 2, minimum: 10)), Column("CLIENT ID", width: .flex(weight: 2, minimum: 26))],
                     placement: .tab(of: .userPool, id: .clients, title: "App clients", order: 30),
                     command: PaletteName("clients", aliases: ["apps"], "app clients of the current pool")) { backend, source, token in
                let (clients, next) = try await Paging.listUserPoolClients.page(.init(userPoolId: source.scope[0]), token: token,
                                                                                limit: ListSpec.pageSize) { try await backend.listUserPoolClients($0) }
                let items = clients.map { client in
                    ListItem(id: client.clientId ?? "", name: client.clientName,
                             cells: [ValueText.text(client.clientName), ValueText.text(client.clientId)])
                }
                return ListPage(items: items, nextToken: next)
            },
        ])
}

extension ResourceKind { public static let appClient = ResourceKind("app-client") }
extension ListKind { public static let clients = ListKind("clients") }
extension TabID { public static let clients = TabID("clients") }
