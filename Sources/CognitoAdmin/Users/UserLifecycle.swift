import AWSCore
import CognitoAPI

/// A new user, as the administrator describes one.
public struct NewUser: Sendable, Equatable {
    public enum Password: Sendable, Equatable {
        /// Cognito makes the temporary password and sends it with the invitation.
        case byCognito
        /// This temporary password (typed, or generated and shown once).
        case temporary(String)
    }

    public var username: String
    public var attributes: [(name: String, value: String)]
    public var password: Password
    /// `SUPPRESS`, `RESEND`, or nil to send the invitation.
    public var messageAction: String?
    public var deliveryMediums: [String]

    public init(username: String, attributes: [(name: String, value: String)] = [], password: Password = .byCognito,
                messageAction: String? = nil, deliveryMediums: [String] = []) {
        self.username = username
        self.attributes = attributes
        self.password = password
        self.messageAction = messageAction
        self.deliveryMediums = deliveryMediums
    }

    public static func == (a: NewUser, b: NewUser) -> Bool {
        a.username == b.username && a.password == b.password && a.messageAction == b.messageAction
            && a.deliveryMediums == b.deliveryMediums && a.attributes.map(\.name) == b.attributes.map(\.name)
            && a.attributes.map(\.value) == b.attributes.map(\.value)
    }
}

extension UserAdmin {
    /// Checks a new user against the pool before anything is sent: the username's form, the
    /// required attributes, attributes the schema knows, delivery the pool can send, a temporary
    /// password the policy accepts.
    /// - Returns: one sentence for the first problem, or nil.
    public static func problem(creating user: NewUser, in schema: PoolSchema) -> String? {
        if user.username.trimmingCharacters(in: .whitespaces).isEmpty { return "The username is empty." }
        if case .attribute(let kinds) = schema.username {
            let looksLikeEmail = user.username.contains("@")
            let looksLikePhone = user.username.hasPrefix("+") && user.username.dropFirst().allSatisfy(\.isNumber)
            if !(kinds.contains("email") && looksLikeEmail) && !(kinds.contains("phone_number") && looksLikePhone) {
                return "In \(schema.poolID) the username is the user's \(kinds.joined(separator: " or ")); \(user.username) is neither."
            }
        }
        let given = Set(user.attributes.map(\.name))
        if let missing = schema.attributes.first(where: { $0.required && !given.contains($0.name) }) {
            return "The attribute \(missing.name) is required in \(schema.poolID)."
        }
        if let problem = schema.problem(with: user.attributes.map(\.name), existingUser: false) { return problem }
        if let medium = user.deliveryMediums.first(where: { !schema.deliveryMediums.contains($0) }) {
            return "\(schema.poolID) cannot send invitations by \(medium); it can by \(schema.deliveryMediums.joined(separator: " or "))."
        }
        if case .temporary(let password) = user.password, let broken = schema.password.violations(password).first {
            return "The temporary password breaks the pool's policy: \(broken)."
        }
        return nil
    }

    /// Creates the user (`AdminCreateUser`).
    public static func create(_ backend: any CognitoBackend, pool: String, _ user: NewUser) async throws -> UserRecord {
        var password: String?
        if case .temporary(let text) = user.password { password = text }
        let out = try await backend.adminCreateUser(.init(
            userPoolId: pool, username: user.username,
            userAttributes: user.attributes.isEmpty ? nil : user.attributes.map { .init(name: $0.name, value: $0.value) },
            temporaryPassword: password,
            messageAction: user.messageAction.flatMap(CognitoIdentityProvider.MessageActionType.init(rawValue:)),
            desiredDeliveryMediums: user.deliveryMediums.isEmpty ? nil
                : user.deliveryMediums.compactMap(CognitoIdentityProvider.DeliveryMediumType.init(rawValue:))))
        guard let created = out.user else { return UserRecord(username: user.username) }
        return UserRecord(created)
    }

    /// Resets the password (`AdminResetUserPassword`): the user becomes `RESET_REQUIRED` and is
    /// sent a code to choose a new one.
    public static func resetPassword(_ backend: any CognitoBackend, pool: String, username: String) async throws {
        _ = try await backend.adminResetUserPassword(.init(userPoolId: pool, username: username))
    }

    /// Sets the password (`AdminSetUserPassword`), checked against the pool's rules first.
    /// - Throws: `UpdateError` naming the broken rule; nothing is sent then.
    public static func setPassword(_ backend: any CognitoBackend, pool: String, username: String, password: String,
                                   permanent: Bool, rules: PasswordRules) async throws {
        if let broken = rules.violations(password).first {
            throw UpdateError("The password breaks the pool's policy: \(broken).")
        }
        _ = try await backend.adminSetUserPassword(.init(userPoolId: pool, username: username, password: password, permanent: permanent))
    }

    /// Confirms an `UNCONFIRMED` user's sign-up (`AdminConfirmSignUp`).
    public static func confirmSignUp(_ backend: any CognitoBackend, pool: String, username: String) async throws {
        _ = try await backend.adminConfirmSignUp(.init(userPoolId: pool, username: username))
    }
}
