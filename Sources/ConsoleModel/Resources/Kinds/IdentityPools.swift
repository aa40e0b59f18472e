import CognitoAdmin
import CognitoAPI

/// Identity pools: the root list, and a pool's pane with its settings (roles, role mappings,
/// principal tags, tags).
public enum IdentityPools {
    public static let module = ResourceModule(
        ResourceDescriptor(.identityPool, depth: 1, noun: "identity pool",
                           describe: .reading("DescribeIdentityPool") { backend, ref in
                               try await backend.describeIdentityPool(.init(identityPoolId: ref.id))
                           },
                           update: UpdateSpec(Updaters.identityPool),
                           actions: [
                               .edit(Updaters.identityPool),
                               .edit(Updaters.identityPoolRoles, verb: "edit-roles", key: .character("m"), what: "roles and role mappings"),
                               ruleEditor,
                           ] + IdentityPoolActions.all + [TokenActions.guestCredentials],
                           consolePage: ConsolePage("identity/identity-pools/{0}/"),
                           variables: ["IDENTITY_POOL_ID"]),
        lists: [
            ListSpec(.identityPools, item: .identityPool, noun: "identity pools",
                     columns: [Column("NAME", width: .flex(weight: 2, minimum: 10)), Column("ID", width: .flex(weight: 2, minimum: 20))],
                     placement: .root(title: "Identity pools"),
                     command: PaletteName("idpools", aliases: ["ip", "identitypools"], "identity pools"), everyRegion: .identityPoolsAllRegions) { backend, _, token in
                let (pools, next) = try await Paging.listIdentityPools.page(.init(maxResults: ListSpec.pageSize), token: token,
                                                                            limit: ListSpec.pageSize) { try await backend.listIdentityPools($0) }
                let items = pools.map { pool in
                    ListItem(id: pool.identityPoolId ?? "", name: pool.identityPoolName,
                             cells: [ValueText.text(pool.identityPoolName), ValueText.text(pool.identityPoolId)])
                }
                return ListPage(items: items, nextToken: next)
            },
        ],
        details: [
            DetailSpec(.identityPoolSettings, tabOf: .identityPool, TabID("settings"), "Settings", order: 0) { backend, ref in
                try await settings(backend, id: ref.id)
            },
        ])

    /// `M`: a provider's role mapping in the rules editor (move, add, change, remove rules,
    /// simulate the unsaved edit, save with the diff).
    static let ruleEditor = ResourceAction(
        "role-mapping", keys: [.character("M")], title: "edit a provider's role-mapping rules",
        operations: ["DescribeIdentityPool", "GetIdentityPoolRoles"], scope: .pane, confirmation: .none, hint: true,
        work: .pick(PickRecipe(title: { "Role mapping of which provider of \($0.ref.title)?" }) { backend, target, _ in
            let pool = try await backend.describeIdentityPool(.init(identityPoolId: target.id))
            return ProviderKeys.roleMappingKeys(of: pool).sorted()
        }, { backend, target, values in
            guard let provider = values.list("picked").first else { throw UpdateError("Choose a provider.") }
            let pool = try await backend.describeIdentityPool(.init(identityPoolId: target.id))
            let roles = try await backend.getIdentityPoolRoles(.init(identityPoolId: target.id))
            let state = RulesState(pool: target.ref, provider: provider, description: pool, saved: roles)
            return ActionOutcome("The role mapping of \(provider): K/J move a rule, a adds, s simulates, w saves.", .open(.rules(state)))
        }))

    static func settings(_ backend: any CognitoBackend, id: String) async throws -> [DetailView.Section] {
        let pool = try await backend.describeIdentityPool(.init(identityPoolId: id))
        var sections = DetailFormat.identityPool(pool)
        do {
            let roles = try await backend.getIdentityPoolRoles(.init(identityPoolId: id))
            sections += DetailFormat.roles(roles)
        } catch {
            sections.append(DetailView.Section("Roles", [("error", ErrorText.sentence(error))]))
        }
        for provider in DetailFormat.providerNames(pool) {
            do {
                let map = try await backend.getPrincipalTagAttributeMap(.init(identityPoolId: id, identityProviderName: provider))
                sections.append(DetailFormat.principalTags(provider, map))
            } catch {
                sections.append(DetailView.Section("Principal tags: \(provider)", [("error", ErrorText.sentence(error))]))
            }
        }
        let tags = (pool.identityPoolTags ?? [:]).sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        sections.append(DetailView.Section("Tags", tags.isEmpty ? [("tags", ValueText.none)] : tags))
        return sections
    }
}

extension ResourceKind { public static let identityPool = ResourceKind("identity-pool") }
extension ListKind { public static let identityPools = ListKind("identity-pools") }
extension DetailKind { public static let identityPoolSettings = DetailKind("identity-pool-settings") }

extension PaneKind {
    /// The root list of identity pools.
    public static var identityPools: PaneKind { .list(ListSource(.identityPools)) }
    public static func identityPool(id: String, name: String) -> PaneKind { .resource(ResourceRef(.identityPool, [id], name: name)) }
}
