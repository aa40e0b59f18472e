import CognitoAdmin
import CognitoAPI

/// The external identities linked to a user (Google, Facebook, SAML, OIDC users who sign in as
/// this user): a tab of the user's pane, with link (`l`) and unlink (`del`).
public enum LinkedIdentities {
    public static let module = ResourceModule(
        ResourceDescriptor(.linkedIdentity, depth: 3, noun: "linked identity", actions: [
            ResourceAction("link", keys: [.character("l")], title: "link an external identity",
                           operations: ["AdminLinkProviderForUser"], scope: .list, confirmation: .yesNo, hint: true,
                           question: { _ in "Link the external identity to the user? Signing in through it then signs in as this user." },
                           work: .form(FormRecipe { _, target in
                               FormState(title: "Link an identity to \(target[1])", fields: [
                                   FormField("provider", "Provider name", required: true),
                                   FormField("attribute", "Attribute", text: "Cognito_Subject", required: true),
                                   FormField("value", "Value (the provider's user id)", required: true),
                               ], note: "The provider as the pool names it (Google, Facebook, a SAML or OIDC provider's name).")
                           }, { backend, target, values in
                               try await UserSecurity.link(backend, pool: target[0], username: target[1],
                                                           provider: values["provider"] ?? "", attributeName: values["attribute"] ?? "",
                                                           attributeValue: values["value"] ?? "")
                               return ActionOutcome("Linked \(values["provider"] ?? "") user \(values["value"] ?? "") to \(target[1]).", .relinked)
                           })),
            ResourceAction("unlink", keys: [.delete, .control("x")], title: "unlink the identity",
                           operations: ["AdminDisableProviderForUser"], scope: .row, confirmation: .yesNo,
                           question: { "Unlink \($0.id)? Signing in through it no longer signs in as this user." },
                           work: .run { backend, target, _ in
                               let (provider, user) = split(target.id)
                               try await UserSecurity.unlink(backend, pool: target[0], provider: provider, userId: user)
                               return ActionOutcome("Unlinked \(target.id).", .relinked)
                           }),
        ]),
        lists: [
            ListSpec(.linkedIdentities, item: .linkedIdentity, noun: "linked identities",
                     columns: [Column("PROVIDER", width: .flex(weight: 1, minimum: 10)), Column("USER ID", width: .flex(weight: 2, minimum: 10)),
                               Column("TYPE", width: .fixed(12)), Column("LINKED", width: .flex(weight: 1, minimum: 10))],
                     placement: .tab(of: .user, id: .linkedIdentities, title: "Linked identities", order: 40)) { backend, source, _ in
                let links = try await UserSecurity.linked(backend, pool: source.scope[0], username: source.scope[1])
                return ListPage(items: links.map { link in
                    ListItem(id: "\(link.providerName):\(link.userId)",
                             cells: [link.providerName, link.userId, ValueText.text(link.providerType), ValueText.text(link.created)])
                }, nextToken: nil)
            },
        ])

    /// `Google:1234` → (`Google`, `1234`).
    static func split(_ id: String) -> (String, String) {
        guard let colon = id.firstIndex(of: ":") else { return (id, "") }
        return (String(id[..<colon]), String(id[id.index(after: colon)...]))
    }
}

extension ResourceKind { public static let linkedIdentity = ResourceKind("linked-identity") }
extension ListKind { public static let linkedIdentities = ListKind("linked-identities") }
extension TabID { public static let linkedIdentities = TabID("linked-identities") }
