import CognitoAPI
import Foundation

/// A user as the administrator sees one, whichever call read it (`ListUsers`, `AdminGetUser`,
/// `ListUsersInGroup`): username, status, enabled, dates and attributes.
public struct UserRecord: Sendable, Equatable {
    public var username: String
    public var status: String?
    public var enabled: Bool?
    public var created: Date?
    public var modified: Date?
    /// Attributes in the order the service returned them.
    public var attributes: [(name: String, value: String?)]

    public init(username: String, status: String? = nil, enabled: Bool? = nil, created: Date? = nil,
                modified: Date? = nil, attributes: [(name: String, value: String?)] = []) {
        self.username = username
        self.status = status
        self.enabled = enabled
        self.created = created
        self.modified = modified
        self.attributes = attributes
    }

    public init(_ user: CognitoIdentityProvider.UserType) {
        self.init(username: user.username ?? "", status: user.userStatus?.rawValue, enabled: user.enabled,
                  created: user.userCreateDate, modified: user.userLastModifiedDate,
                  attributes: (user.attributes ?? []).map { ($0.name, $0.value) })
    }

    public init(_ user: CognitoIdentityProvider.AdminGetUserResponse) {
        self.init(username: user.username, status: user.userStatus?.rawValue, enabled: user.enabled,
                  created: user.userCreateDate, modified: user.userLastModifiedDate,
                  attributes: (user.userAttributes ?? []).map { ($0.name, $0.value) })
    }

    /// The value of an attribute, or nil when the user has none.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// `name`, else `given_name family_name`.
    public var fullName: String {
        attribute("name") ?? [attribute("given_name"), attribute("family_name")].compactMap { $0 }.joined(separator: " ")
    }

    public static func == (a: UserRecord, b: UserRecord) -> Bool {
        a.username == b.username && a.status == b.status && a.enabled == b.enabled && a.created == b.created
            && a.modified == b.modified && a.attributes.count == b.attributes.count
            && zip(a.attributes, b.attributes).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
