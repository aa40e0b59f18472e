import CognitoAPI

/// What creating or editing a user must follow in one pool: how users are named, the attributes
/// of its schema (required, mutable, custom), the password rules, and how invitations go out.
public struct PoolSchema: Sendable, Equatable {
    public enum Username: Sendable, Equatable {
        /// Any username; people may also sign in with these aliases.
        case name(aliases: [String])
        /// The username is an email address or phone number (`UsernameAttributes`).
        case attribute([String])
    }

    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var required: Bool
        public var mutable: Bool
        public var custom: Bool { name.hasPrefix("custom:") }
        public init(name: String, required: Bool, mutable: Bool) {
            self.name = name
            self.required = required
            self.mutable = mutable
        }
    }

    public var poolID: String
    public var username: Username
    /// Required first, then the standard ones, then `custom:`, each by name; `sub` left out.
    public var attributes: [Attribute]
    public var password: PasswordRules
    /// Delivery the pool can send invitations by: `EMAIL` when it has email, `SMS` when SMS is set up.
    public var deliveryMediums: [String]
    /// Attributes the pool verifies automatically (`email`, `phone_number`).
    public var autoVerified: [String]

    public init(_ pool: CognitoIdentityProvider.UserPoolType) {
        poolID = pool.id ?? ""
        if let names = pool.usernameAttributes, !names.isEmpty {
            username = .attribute(names.map(\.rawValue))
        } else {
            username = .name(aliases: (pool.aliasAttributes ?? []).map(\.rawValue))
        }
        let schema = (pool.schemaAttributes ?? []).compactMap { attribute -> Attribute? in
            guard let name = attribute.name, name != "sub", attribute.developerOnlyAttribute != true else { return nil }
            let full = name.hasPrefix("custom:") || Self.standard.contains(name) ? name : "custom:" + name
            return Attribute(name: full, required: attribute.required ?? false, mutable: attribute.mutable ?? true)
        }
        // Cognito lists every standard attribute in SchemaAttributes; a reply that leaves some
        // out (emulators list only what the pool was created with) still has them, optional and mutable.
        let listed = Set(schema.map(\.name))
        let unlisted = Self.standard.subtracting(listed).map { Attribute(name: $0, required: false, mutable: true) }
        attributes = (schema + unlisted).sorted { a, b in
            if a.required != b.required { return a.required }
            if a.custom != b.custom { return !a.custom }
            return a.name < b.name
        }
        password = PasswordRules(pool.policies?.passwordPolicy)
        var mediums = ["EMAIL"]
        if pool.smsConfiguration?.snsCallerArn != nil { mediums.append("SMS") }
        deliveryMediums = mediums
        autoVerified = (pool.autoVerifiedAttributes ?? []).map(\.rawValue)
    }

    /// The standard attributes of every user pool (OpenID Connect's claims Cognito keeps).
    public static let standard: Set<String> = [
        "address", "birthdate", "email", "email_verified", "family_name", "gender", "given_name", "locale",
        "middle_name", "name", "nickname", "phone_number", "phone_number_verified", "picture",
        "preferred_username", "profile", "updated_at", "website", "zoneinfo",
    ]

    /// Reads the pool (`DescribeUserPool`).
    public static func read(_ backend: any CognitoBackend, pool: String) async throws -> PoolSchema {
        guard let described = try await backend.describeUserPool(.init(userPoolId: pool)).userPool else {
            throw UpdateError("The user pool \(pool) was not returned.")
        }
        return PoolSchema(described)
    }

    /// Why attributes cannot be written, one sentence, or nil: unknown to the schema, or immutable
    /// on an existing user.
    public func problem(with names: [String], existingUser: Bool) -> String? {
        for name in names {
            guard let attribute = attributes.first(where: { $0.name == name }) else {
                if name == "email_verified" || name == "phone_number_verified" { continue }
                return "The pool \(poolID) has no attribute \(name)."
            }
            if existingUser && !attribute.mutable {
                return "The attribute \(name) cannot be changed once a user has it (it is immutable in \(poolID))."
            }
        }
        return nil
    }
}
