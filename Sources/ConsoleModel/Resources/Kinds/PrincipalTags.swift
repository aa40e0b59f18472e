import CognitoAdmin
import CognitoAPI

/// An identity pool's principal-tag maps, one row per identity provider: whether the provider's
/// default tags apply and the custom tag-to-claim map. `e` edits one provider's map.
public enum PrincipalTags {
    public static let module = ResourceModule(
        ResourceDescriptor(.principalTagMap, depth: 2, noun: "principal-tag map",
                           describe: .reading("GetPrincipalTagAttributeMap") { backend, ref in
                               try await backend.getPrincipalTagAttributeMap(.init(identityPoolId: ref[0], identityProviderName: ref.id))
                           },
                           update: UpdateSpec(Updaters.principalTags),
                           actions: [.edit(Updaters.principalTags, what: "principal tags"),
                                     ResourceAction("update", keys: [.character("u")], title: "defaults or a custom tag map",
                                                    operations: ["GetPrincipalTagAttributeMap", "SetPrincipalTagAttributeMap"],
                                                    confirmation: .yesNo, question: { "Change the principal tags of \($0.id)?" },
                                                    work: .updateForm(IdentityPoolActions.principalTags))]),
        lists: [
            ListSpec(.principalTagMaps, item: .principalTagMap, noun: "identity providers",
                     columns: [Column("PROVIDER", width: .flex(weight: 3, minimum: 16)), Column("DEFAULTS", width: .fixed(8)),
                               Column("TAGS", width: .flex(weight: 3, minimum: 10))],
                     placement: .tab(of: .identityPool, id: .principalTags, title: "Principal tags", order: 20),
                     command: PaletteName("principaltags", aliases: ["tags"], "principal-tag maps of the current identity pool")) { backend, source, _ in
                // One page: a pool has a handful of providers, each map one call.
                let pool = try await backend.describeIdentityPool(.init(identityPoolId: source.scope[0]))
                var items: [ListItem] = []
                for provider in DetailFormat.providerNames(pool) {
                    let map = try await backend.getPrincipalTagAttributeMap(.init(identityPoolId: source.scope[0],
                                                                                  identityProviderName: provider))
                    let tags = (map.principalTags ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)←\($0.value)" }
                    items.append(ListItem(id: provider, cells: [provider, ValueText.yesNo(map.useDefaults), ValueText.list(tags)]))
                }
                return ListPage(items: items, nextToken: nil)
            },
        ])
}

extension ResourceKind { public static let principalTagMap = ResourceKind("principal-tag-map") }
extension ListKind { public static let principalTagMaps = ListKind("principal-tag-maps") }
extension TabID { public static let principalTags = TabID("principal-tags") }
