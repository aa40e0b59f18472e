import CognitoAPI

/// The read-modify-write of every resource an administrator edits, by resource. Each is the
/// generated describe-to-update mapping with the resource's ids, except user attributes, which
/// the service merges by name and so are sent as a difference.
public enum Updaters {
    public static let userPool = Updater(mapped: "UpdateUserPool") { ["UserPoolId": $0[0]] }
    public static let appClient = Updater(mapped: "UpdateUserPoolClient") { ["UserPoolId": $0[0], "ClientId": $0[1]] }
    public static let group = GroupAdmin.updater
    public static let identityProvider = Updater(mapped: "UpdateIdentityProvider") { ["UserPoolId": $0[0], "ProviderName": $0[1]] }
    public static let resourceServer = Updater(mapped: "UpdateResourceServer") { ["UserPoolId": $0[0], "Identifier": $0[1]] }
    public static let identityPool = Updater(mapped: "UpdateIdentityPool") { ["IdentityPoolId": $0[0]] }
    /// The pool's authenticated and unauthenticated roles and its role mappings.
    public static let identityPoolRoles = Updater(mapped: "SetIdentityPoolRoles") { ["IdentityPoolId": $0[0]] }
    /// One provider's principal-tag map; the path is the pool id and the provider name.
    public static let principalTags = Updater(mapped: "SetPrincipalTagAttributeMap") {
        ["IdentityPoolId": $0[0], "IdentityProviderName": $0[1]]
    }

    /// A user's attributes, read from `AdminGetUser` as `{"Name": value}` pairs (`sub` left out:
    /// it can never be written). Sending compares with what was read: changed and new attributes
    /// go in one `AdminUpdateUserAttributes`, removed ones in one `AdminDeleteUserAttributes`.
    public static let userAttributes = Updater(
        "AdminUpdateUserAttributes", reads: "AdminGetUser", identifiers: ["UserPoolId", "Username"],
        read: { backend, path in
            let user = try await backend.adminGetUser(.init(userPoolId: path[0], username: path[1]))
            var attributes: [String: JSONValue] = [:]
            for attribute in user.userAttributes ?? [] where attribute.name != "sub" {
                attributes[attribute.name] = attribute.value.map { .string($0) } ?? .null
            }
            return .object(["UserPoolId": .string(path[0]), "Username": .string(path[1]), "UserAttributes": .object(attributes)])
        },
        write: { backend, input, base in
            let (changed, removed) = try attributeChanges(from: base, to: input)
            let pool = input["UserPoolId"]?.text ?? "", username = input["Username"]?.text ?? ""
            if !changed.isEmpty {
                _ = try await backend.adminUpdateUserAttributes(.init(
                    userPoolId: pool, username: username,
                    userAttributes: changed.map { .init(name: $0.name, value: $0.value) }))
            }
            if !removed.isEmpty {
                _ = try await backend.adminDeleteUserAttributes(.init(userPoolId: pool, username: username,
                                                                      userAttributeNames: removed))
            }
        },
        validate: { proposed in
            guard case .object(let attributes)? = proposed["UserAttributes"] else {
                throw UpdateError("UserAttributes must be an object of attribute names and values.")
            }
            if let bad = attributes.first(where: { if case .string = $0.value { return false }; return true }) {
                throw UpdateError("The value of \(bad.key) must be a string.")
            }
            if attributes["sub"] != nil { throw UpdateError("sub cannot be changed.") }
        })

    /// The attributes that changed or were added, and the names of those removed.
    static func attributeChanges(from base: JSONValue, to proposed: JSONValue) throws -> (changed: [(name: String, value: String)], removed: [String]) {
        guard case .object(let old)? = base["UserAttributes"], case .object(let new)? = proposed["UserAttributes"] else {
            throw UpdateError("UserAttributes must be an object of attribute names and values.")
        }
        let changed = new.keys.sorted().compactMap { name -> (name: String, value: String)? in
            guard new[name] != old[name], case .string(let value)? = new[name] else { return nil }
            return (name, value)
        }
        let removed = old.keys.sorted().filter { new[$0] == nil }
        return (changed, removed)
    }
}
