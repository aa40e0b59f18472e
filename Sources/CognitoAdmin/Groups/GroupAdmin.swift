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
    public static let updater = Updater(
        "UpdateGroup", reads: "GetGroup", identifiers: ["GroupName", "UserPoolId"],
        read: { backend, path in
            let group = try await backend.getGroup(.init(groupName: path[1], userPoolId: path[0])).group
            var input: [String: JSONValue] = ["GroupName": .string(path[1]), "UserPoolId": .string(path[0])]
            if let text = group?.description { input["Description"] = .string(text) }
            if let role = group?.roleArn { input["RoleArn"] = .string(role) }
            if let precedence = group?.precedence { input["Precedence"] = .integer(Int64(precedence)) }
            return .object(input)
        },
        write: { backend, input in
            _ = try await backend.updateGroup(try CognitoJSON.decode(CognitoIdentityProvider.UpdateGroupRequest.self, from: input))
        })
}
