import CognitoAdmin
import CognitoAPI

/// Identity providers of a pool (SAML, OIDC, social); secrets in their details are masked.
public enum IdentityProviders {
    public static let module = ResourceModule(
        ResourceDescriptor(.identityProvider, depth: 2, noun: "identity provider",
                           describe: .reading("DescribeIdentityProvider", mask: { out in
                               if let details = out.identityProvider.providerDetails {
                                   out.identityProvider.providerDetails = ProviderDetailsMask.masked(details)
                               }
                           }) { backend, ref in
                               try await backend.describeIdentityProvider(.init(userPoolId: ref[0], providerName: ref.id))
                           },
                           update: UpdateSpec(Updaters.identityProvider), actions: [.edit(Updaters.identityProvider)],
                           consolePage: ConsolePage("idp/user-pools/{0}/sign-in/identity-providers/details/{1}")),
        lists: [
            ListSpec(.providers, item: .identityProvider, noun: "identity providers",
                     columns: [Column("NAME", width: .flex(weight: 2, minimum: 10)), Column("TYPE", width: .fixed(16)),
                               Column("CREATED", width: .fixed(16))],
                     placement: .tab(of: .userPool, id: .providers, title: "Identity providers", order: 40),
                     command: PaletteName("providers", aliases: ["idps"], "identity providers of the current pool")) { backend, source, token in
                let (providers, next) = try await Paging.listIdentityProviders.page(.init(userPoolId: source.scope[0]), token: token,
                                                                                    limit: ListSpec.pageSize) { try await backend.listIdentityProviders($0) }
                let items = providers.map { provider in
                    ListItem(id: provider.providerName ?? "",
                             cells: [ValueText.text(provider.providerName), ValueText.text(provider.providerType?.rawValue),
                                     ValueText.date(provider.creationDate)])
                }
                return ListPage(items: items, nextToken: next)
            },
        ])
}

extension ResourceKind { public static let identityProvider = ResourceKind("identity-provider") }
extension ListKind { public static let providers = ListKind("providers") }
extension TabID { public static let providers = TabID("providers") }
