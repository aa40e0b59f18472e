import CognitoAPI

extension GroupAdmin {
    /// Creates a group (`CreateGroup`).
    public static func create(_ backend: any CognitoBackend, pool: String, name: String, description: String?,
                              precedence: Int?, roleArn: String?) async throws {
        _ = try await backend.createGroup(.init(groupName: name, userPoolId: pool, description: description,
                                                roleArn: roleArn, precedence: precedence))
    }

    /// Adds the user to the group (`AdminAddUserToGroup`).
    public static func add(_ backend: any CognitoBackend, pool: String, username: String, to group: String) async throws {
        try await backend.adminAddUserToGroup(.init(userPoolId: pool, username: username, groupName: group))
    }

    /// Removes the user from the group (`AdminRemoveUserFromGroup`).
    public static func remove(_ backend: any CognitoBackend, pool: String, username: String, from group: String) async throws {
        try await backend.adminRemoveUserFromGroup(.init(userPoolId: pool, username: username, groupName: group))
    }
}
