import CognitoAdmin
import CognitoAPI

/// Identities of an identity pool (`h` shows or hides disabled ones), and an identity's pane.
public enum Identities {
    public static let module = ResourceModule(
        ResourceDescriptor(.identity, depth: 2, noun: "identity",
                           describe: .reading("DescribeIdentity") { backend, ref in
                               try await backend.describeIdentity(.init(identityId: ref.id))
                           },
                           actions: [IdentityPoolActions.deleteIdentity, IdentityPoolActions.unlinkDeveloper,
                                     IdentityPoolActions.unlinkLogin],
                           variables: ["IDENTITY_POOL_ID", "IDENTITY_ID"]),
        lists: [
            ListSpec(.identities, item: .identity, noun: "identities",
                     columns: [Column("IDENTITY ID", width: .flex(weight: 2, minimum: 20)), Column("LOGINS", width: .flex(weight: 2, minimum: 8)),
                               Column("CREATED", width: .fixed(16)), Column("MODIFIED", width: .fixed(16))],
                     placement: .tab(of: .identityPool, id: .identities, title: "Identities", order: 10),
                     command: PaletteName("identities", aliases: ["ids"], "identities of the current identity pool"),
                     // Toggled means HideDisabled, as ListIdentities starts.
                     toggle: ListToggle(key: "h", title: "show/hide disabled", onText: "disabled hidden", offText: "disabled shown",
                                        onNotice: "Hiding disabled identities.", offNotice: "Showing disabled identities too."),
                     toggledAtStart: true) { backend, source, token in
                let (identities, next) = try await Paging.listIdentities.page(
                    .init(identityPoolId: source.scope[0], maxResults: ListSpec.pageSize, hideDisabled: source.toggled),
                    token: token, limit: ListSpec.pageSize) { try await backend.listIdentities($0) }
                let items = identities.map { identity in
                    ListItem(id: identity.identityId ?? "",
                             cells: [ValueText.text(identity.identityId), ValueText.list(identity.logins),
                                     ValueText.date(identity.creationDate), ValueText.date(identity.lastModifiedDate)])
                }
                return ListPage(items: items, nextToken: next)
            },
        ],
        details: [
            DetailSpec(.identity, tabOf: .identity, TabID("identity"), "Identity", order: 0) { backend, ref in
                DetailFormat.identity(try await backend.describeIdentity(.init(identityId: ref.id)))
            },
        ])
}

extension ResourceKind { public static let identity = ResourceKind("identity") }
extension ListKind { public static let identities = ListKind("identities") }
extension DetailKind { public static let identity = DetailKind("identity") }
extension TabID { public static let identities = TabID("identities") }

extension PaneKind {
    public static func identity(poolID: String, identityID: String) -> PaneKind { .resource(ResourceRef(.identity, [poolID, identityID])) }
}

extension ListSource {
    public static func identities(poolID: String, hideDisabled: Bool) -> ListSource {
        ListSource(.identities, scope: [poolID], toggled: hideDisabled)
    }
}
