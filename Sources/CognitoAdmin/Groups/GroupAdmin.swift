import CognitoAPI

/// Groups of a user pool: reading, changing and deleting one.
public enum GroupAdmin {
    /// Deletes the group (`DeleteGroup`); its members stay in the pool.
    public static func delete(_ backend: any CognitoBackend, pool: String, name: String) async throws {
        try await backend.deleteGroup(.init(groupName: name, userPoolId: pool))
    }
}

extension GroupAdmin {
    /// `UpdateGroup` as read-modify-write over `GetGroup`: description, role and precedence are
    /// sent as they are unless edited, since the call resets what it is not given.
    public static let updater = Updater(mapped: "UpdateGroup") { ["UserPoolId": $0[0], "GroupName": $0[1]] }
}
