import CognitoAdmin
import CognitoAPI

/// Identity pools in the console: create one from a form, change its settings and tags or its
/// roles through forms (read-modify-write: `UpdateIdentityPool` resets what it is not sent, so
/// nothing is ever reset by omission), delete it by typing its name; a provider's principal-tag
/// map; deleting identities.
enum IdentityPoolActions {
    static let create = ResourceAction(
        "create", keys: [.character("c")], title: "create identity pool", operations: ["CreateIdentityPool"],
        scope: .list, confirmation: .yesNo, hint: true, question: { _ in "Create this identity pool?" },
        lists: [.identityPools],
        work: .form(FormRecipe { _, _ in
            FormState(title: "Create an identity pool", fields: [
                FormField("name", "Name", required: true, rule: FieldRule("CreateIdentityPool", "IdentityPoolName")),
                FormField("unauth", "Unauthenticated access", kind: .flag, text: "no"),
                FormField("classic", "Classic (basic) flow", kind: .flag, text: "no"),
                FormField("userPools", "User pools (provider | client id | server-side check yes/no; …)",
                          kind: .records(columns: ["provider", "client id", "server-side check"])),
                FormField("oidc", "OpenID Connect provider ARNs (comma-separated)", format: .iamARNs(resource: "oidc-provider")),
                FormField("saml", "SAML provider ARNs (comma-separated)", format: .iamARNs(resource: "saml-provider")),
                FormField("logins", "Login providers (domain=app id, …)", kind: .keyValues),
                FormField("developer", "Developer provider name", rule: FieldRule("CreateIdentityPool", "DeveloperProviderName")),
                FormField("tags", "Tags (key=value, …)", kind: .keyValues),
            ], note: "A user pool provider is cognito-idp.REGION.amazonaws.com/POOL_ID.")
        }, { backend, target, values in
            let providers = values.records("userPools").map { record in
                CognitoIdentity.CognitoIdentityProvider(providerName: record[0], clientId: record[1].isEmpty ? nil : record[1],
                                                        serverSideTokenCheck: record[2] == "yes")
            }
            let logins = Dictionary(values.pairs("logins").map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            let tags = Dictionary(values.pairs("tags").map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            let created = try await backend.createIdentityPool(.init(
                identityPoolName: values["name"] ?? "", allowUnauthenticatedIdentities: values.flag("unauth"),
                allowClassicFlow: values.flag("classic"), supportedLoginProviders: logins.isEmpty ? nil : logins,
                developerProviderName: values.string("developer"),
                openIdConnectProviderARNs: values.list("oidc").isEmpty ? nil : values.list("oidc"),
                cognitoIdentityProviders: providers.isEmpty ? nil : providers,
                samlProviderARNs: values.list("saml").isEmpty ? nil : values.list("saml"),
                identityPoolTags: tags.isEmpty ? nil : tags))
            return ActionOutcome("Created identity pool \(created.identityPoolName) (\(created.identityPoolId)).",
                                 .created(ResourceRef(.identityPool, [created.identityPoolId], name: created.identityPoolName)))
        }))

    static let delete = ResourceAction(
        "delete", keys: [.delete, .control("x")], title: "delete identity pool", operations: ["DeleteIdentityPool"],
        confirmation: .typeName,
        question: { "Delete identity pool \($0.title)? Its identities go with it; this cannot be undone." },
        removes: true,
        work: .run { backend, ref, _ in
            try await backend.deleteIdentityPool(.init(identityPoolId: ref.id))
            return ActionOutcome("Deleted identity pool \(ref.ref.title).", .removed)
        })

    /// `u`: the pool's settings and tags; the providers stay as they are (JSON with `e`).
    static let settings = UpdateSpec(
        Updaters.identityPool,
        form: { _, target, current in
            func pairs(_ key: String) -> String {
                guard case .object(let object)? = current[key] else { return "" }
                return object.keys.sorted().map { "\($0)=\(object[$0]?.text ?? "")" }.joined(separator: ", ")
            }
            func flag(_ key: String) -> String { current[key] == .bool(true) ? "yes" : "no" }
            return FormState(title: "Identity pool \(target.ref.title)", fields: [
                FormField("IdentityPoolName", "Name", text: current["IdentityPoolName"]?.text ?? "", required: true,
                          rule: FieldRule("UpdateIdentityPool", "IdentityPoolName")),
                FormField("AllowUnauthenticatedIdentities", "Unauthenticated access", kind: .flag, text: flag("AllowUnauthenticatedIdentities")),
                FormField("AllowClassicFlow", "Classic (basic) flow", kind: .flag, text: flag("AllowClassicFlow")),
                FormField("SupportedLoginProviders", "Login providers (domain=app id, …)", kind: .keyValues, text: pairs("SupportedLoginProviders")),
                FormField("IdentityPoolTags", "Tags (key=value, …; an emptied list removes them)", kind: .keyValues, text: pairs("IdentityPoolTags")),
            ], note: "Providers, roles and everything else are kept; e edits them all as JSON.")
        },
        members: { values in
            func object(_ key: String) -> JSONValue {
                let pairs = FormValues.pairs(values.texts[key] ?? "")
                return .object(Dictionary(pairs.map { ($0.key, JSONValue.string($0.value)) }, uniquingKeysWith: { _, last in last }))
            }
            return ["IdentityPoolName": .some(.string(values["IdentityPoolName"] ?? "")),
                    "AllowUnauthenticatedIdentities": .some(.bool(values.flag("AllowUnauthenticatedIdentities"))),
                    "AllowClassicFlow": .some(.bool(values.flag("AllowClassicFlow"))),
                    "SupportedLoginProviders": .some(object("SupportedLoginProviders")),
                    "IdentityPoolTags": .some(object("IdentityPoolTags"))]
        })

    /// `I`: the authenticated and unauthenticated roles; the mappings stay as they are.
    static let roles = UpdateSpec(
        Updaters.identityPoolRoles,
        form: { _, target, current in
            let roles = current["Roles"]
            // The field keys are the members they change, so only what was changed is planned.
            return FormState(title: "Roles of \(target.ref.title)", fields: [
                FormField(roleKey("authenticated"), "Authenticated role ARN", text: roles?["authenticated"]?.text ?? "",
                          format: .roleARN),
                FormField(roleKey("unauthenticated"), "Unauthenticated role ARN", text: roles?["unauthenticated"]?.text ?? "",
                          format: .roleARN),
            ], note: "An emptied field removes the role; the role mappings are kept (M edits them).")
        },
        members: { values in
            var members: [String: JSONValue?] = [:]
            for key in ["authenticated", "unauthenticated"].map(roleKey) {
                let text = (values[key] ?? "").trimmingCharacters(in: .whitespaces)
                members[key] = text.isEmpty ? .some(nil) : .some(.string(text))
            }
            return members
        })

    static func roleKey(_ name: String) -> String { "Roles" + String(UpdateEdit.nested) + name }

    /// `u` on a provider's principal-tag map: the defaults or a custom map, at most 50 tags.
    static let principalTags = UpdateSpec(
        Updaters.principalTags,
        form: { _, target, current in
            guard case .object(let tags)? = current["PrincipalTags"] ?? .object([:]) else { throw UpdateError("No tags were read.") }
            let defaults = ProviderKind.of(target.id).defaultPrincipalTags.sorted { $0.key < $1.key }
            var tagsField = FormField("PrincipalTags", "Tags (tag=claim, …)", kind: .keyValues,
                                      text: tags.keys.sorted().map { "\($0)=\(tags[$0]?.text ?? "")" }.joined(separator: ", "))
            tagsField.rule = FieldRule("SetPrincipalTagAttributeMap", "PrincipalTags")
            return FormState(title: "Principal tags of \(target.id)", fields: [
                FormField("UseDefaults", "Use the provider's defaults", kind: .flag, text: current["UseDefaults"] == .bool(true) ? "yes" : "no"),
                tagsField,
            ], note: "The defaults here: " + (defaults.isEmpty ? "none" : defaults.map { "\($0.key)←\($0.value)" }.joined(separator: ", ")))
        },
        members: { values in
            let pairs = FormValues.pairs(values.texts["PrincipalTags"] ?? "")
            return ["UseDefaults": .some(.bool(values.flag("UseDefaults"))),
                    "PrincipalTags": .some(.object(Dictionary(pairs.map { ($0.key, JSONValue.string($0.value)) }, uniquingKeysWith: { _, last in last })))]
        })

    /// Deleting identities (`DeleteIdentities`); marked rows run as a job that sends them 60 to a
    /// call and looks each one up when a call's reply is lost.
    static let deleteIdentity = ResourceAction(
        "delete", keys: [.delete, .control("x")], title: "delete identity", operations: ["DeleteIdentities"],
        confirmation: .typeName, question: { "Delete identity \($0.id)? Its logins are unlinked; this cannot be undone." },
        verify: { backend, ref, _ in try await IdentityDeletion.readBack(backend, identity: ref.id) },
        removes: true,
        batch: .init(size: IdentityPoolReads.deleteBatchSize) { backend, refs in
            try await IdentityDeletion.delete(backend, ids: refs.map(\.id))
        },
        work: .run { backend, ref, _ in
            if let failure = try await IdentityDeletion.delete(backend, ids: [ref.id])[ref.id] {
                throw UpdateError("\(ref.id) was not deleted: \(failure.message)")
            }
            return ActionOutcome("Deleted identity \(ref.id).", .removed)
        })

    /// `D` on a pool: which identity a developer user is, and its other developer users.
    static let lookupDeveloper = ResourceAction(
        "lookup-developer", keys: [.character("D")], title: "look up a developer user's identity",
        operations: ["LookupDeveloperIdentity"], scope: .pane, confirmation: .none,
        work: .form(FormRecipe { _, target in
            FormState(title: "Look up a developer user of \(target.ref.title)", fields: [
                FormField("user", "Developer user identifier", required: true,
                          rule: FieldRule("LookupDeveloperIdentity", "DeveloperUserIdentifier")),
            ])
        }, { backend, target, values in
            let found = try await DeveloperIdentities.lookup(backend, pool: target.id, developerUser: values["user"])
            let others = found.developerUsers.filter { $0 != values["user"] }
            return ActionOutcome("\(values["user"] ?? "") is identity \(found.identityId)"
                                 + (others.isEmpty ? "." : "; its other developer users: \(others.joined(separator: ", ")).") , .none)
        }))

    /// `J` on a pool: one developer user's identity merged into another's.
    static let mergeDeveloper = ResourceAction(
        "merge-developer", keys: [.character("J")], title: "merge two developer users' identities",
        operations: ["DescribeIdentityPool", "MergeDeveloperIdentities"], scope: .pane, confirmation: .yesNo,
        question: { "Merge the first developer user's identity into the second's in \($0.title)? This cannot be undone." },
        work: .form(FormRecipe { _, target in
            FormState(title: "Merge developer identities of \(target.ref.title)", fields: [
                FormField("source", "Source developer user", required: true,
                          rule: FieldRule("MergeDeveloperIdentities", "SourceUserIdentifier")),
                FormField("destination", "Destination developer user", required: true,
                          rule: FieldRule("MergeDeveloperIdentities", "DestinationUserIdentifier")),
            ], note: "The source's logins move to the destination's identity.")
        }, { backend, target, values in
            let identity = try await DeveloperIdentities.merge(backend, pool: target.id, source: values["source"] ?? "",
                                                               destination: values["destination"] ?? "")
            return ActionOutcome("Merged \(values["source"] ?? "") into \(values["destination"] ?? ""): identity \(identity).", .none)
        }))

    /// `U` on an identity: a developer user unlinked from it.
    static let unlinkDeveloper = ResourceAction(
        "unlink-developer", keys: [.character("U")], title: "unlink a developer user",
        operations: ["DescribeIdentityPool", "UnlinkDeveloperIdentity"], confirmation: .yesNo,
        question: { "Unlink the developer user from identity \($0.id)?" },
        work: .form(FormRecipe { _, target in
            FormState(title: "Unlink a developer user from \(target.id)", fields: [
                FormField("user", "Developer user identifier", required: true,
                          rule: FieldRule("UnlinkDeveloperIdentity", "DeveloperUserIdentifier")),
            ])
        }, { backend, target, values in
            try await DeveloperIdentities.unlink(backend, pool: target[0], identityId: target.id, developerUser: values["user"] ?? "")
            return ActionOutcome("Unlinked \(values["user"] ?? "") from \(target.id).", .updated)
        }))

    /// `N` on an identity: one of its logins unlinked (`UnlinkIdentity` needs the login's
    /// current token, typed masked and never shown).
    static let unlinkLogin = ResourceAction(
        "unlink", keys: [.character("N")], title: "unlink a login", operations: ["DescribeIdentity", "UnlinkIdentity"],
        scope: .row, confirmation: .yesNo, question: { "Unlink the login from identity \($0.id)?" },
        work: .form(FormRecipe { backend, target in
            let logins = try await backend.describeIdentity(.init(identityId: target.id)).logins ?? []
            guard let first = logins.first else { throw UpdateError("Identity \(target.id) has no login to unlink.") }
            return FormState(title: "Unlink a login from \(target.id)", fields: [
                FormField("provider", "Login", kind: .choice(logins), text: first, required: true),
                FormField("token", "The login's current token", kind: .secret, required: true),
            ], note: "The service needs the login's token to prove it; it is never shown.")
        }, { backend, target, values in
            let provider = values["provider"] ?? ""
            try await backend.unlinkIdentity(.init(identityId: target.id, logins: [provider: values["token"] ?? ""],
                                                   loginsToRemove: [provider]))
            return ActionOutcome("Unlinked \(provider) from \(target.id).", .updated)
        }))

    /// `S` on a pool: which role a subject would get, step by step, under the saved mappings.
    /// The subject: a user of a linked user pool (the claims their ID token would carry), a
    /// pasted JWT (decoded, not trusted; typed masked), or claims typed as JSON.
    static let simulate = ResourceAction(
        "simulate", keys: [.character("S")], title: "simulate which role a subject gets",
        operations: ["DescribeIdentityPool", "GetIdentityPoolRoles", "GetPrincipalTagAttributeMap", "AdminGetUser",
                     "AdminListGroupsForUser"],
        confirmation: .none,
        work: .form(FormRecipe { backend, target in
            let pool = try await backend.describeIdentityPool(.init(identityPoolId: target.id))
            let mapped = try await backend.getIdentityPoolRoles(.init(identityPoolId: target.id)).roleMappings ?? [:]
            let providers = ProviderKeys.roleMappingKeys(of: pool).union(mapped.keys).sorted()
            guard let first = providers.first(where: { mapped[$0] != nil }) ?? providers.first else {
                throw UpdateError("Identity pool \(target.ref.title) has no provider to simulate a sign-in from.")
            }
            return FormState(title: "Simulate a sign-in to \(target.ref.title)", fields: [
                FormField("provider", "Provider (role-mapping key)", kind: .choice(providers), text: first, required: true),
                FormField("kind", "Subject", kind: .choice(["user", "claims", "token"]),
                          text: ProviderKeys.userPoolId(in: first) == nil ? "claims" : "user", required: true),
                FormField("subject", "Username (user) or claims JSON (claims)"),
                FormField("token", "JWT (token), never shown", kind: .secret),
                FormField("custom", "Custom role ARN (optional)", format: .roleARN),
            ], note: "user: a user of the provider's user pool, with the claims their ID token would carry.")
        }, { backend, target, values in
            let provider = values["provider"] ?? ""
            let subject = (values["subject"] ?? "").trimmingCharacters(in: .whitespaces)
            let source: ClaimSource
            switch values["kind"] {
            case "user":
                guard let userPool = ProviderKeys.userPoolId(in: provider) else {
                    throw UpdateError("\(provider) is not a user pool provider: simulate claims or a token instead.")
                }
                guard !subject.isEmpty else { throw UpdateError("Type the username to simulate.") }
                source = .user(userPool: userPool, username: subject)
            case "token":
                guard let token = values["token"], !token.isEmpty else { throw UpdateError("Paste the token to simulate.") }
                source = .token(token)
            default:
                guard let claims = try? CognitoJSONText.parse(subject), case .object = claims else {
                    throw UpdateError("The claims must be a JSON object, e.g. {\"sub\": \"abc\"}.")
                }
                source = .claims(claims)
            }
            let simulation = try await RoleSimulator.simulate(backend, identityPool: target.id, provider: provider, source: source,
                                                              customRoleArn: values.string("custom"))
            return ActionOutcome("\(simulation.roleARN ?? "Deny"): \(simulation.reason)",
                                 .open(.simulation(RulesState.title(simulation), RulesState.lines(simulation, edited: false))))
        }))

    static let all: [ResourceAction] = [
        simulate,
        lookupDeveloper, mergeDeveloper,
        create, delete,
        ResourceAction("update", keys: [.character("u")], title: "change settings and tags",
                       operations: ["DescribeIdentityPool", "UpdateIdentityPool"], confirmation: .yesNo,
                       question: { "Change identity pool \($0.title)?" }, work: .updateForm(settings)),
        ResourceAction("roles", keys: [.character("I")], title: "change the authenticated and unauthenticated roles",
                       operations: ["GetIdentityPoolRoles", "SetIdentityPoolRoles"], confirmation: .yesNo,
                       question: { "Change the roles of \($0.title)?" }, work: .updateForm(roles)),
    ]
}
