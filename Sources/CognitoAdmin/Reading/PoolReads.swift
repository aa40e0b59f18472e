import AWSCore
import CognitoAPI

/// Reading a user pool and what it holds, for the read commands and the checks made before a
/// change: lists go through every page with the generated paginators (stopping as `TokenTrail`
/// says); a single read of something that is not there is nil rather than an error.
public enum PoolReads {
    /// Every user pool of the account and region (`ListUserPools`).
    public static func userPools(_ backend: any CognitoBackend) async throws -> [CognitoIdentityProvider.UserPoolDescriptionType] {
        try await collect(Paging.listUserPools.everyItem(.init(maxResults: 60)) { try await backend.listUserPools($0) })
    }

    /// The pool's settings (`DescribeUserPool`).
    public static func userPool(_ backend: any CognitoBackend, pool: String) async throws -> CognitoIdentityProvider.UserPoolType {
        guard let described = try await backend.describeUserPool(.init(userPoolId: pool)).userPool else {
            throw UpdateError("The user pool \(pool) was not returned.")
        }
        return described
    }

    /// Every user of the pool (`ListUsers`), those matching `filter` when given (the service's
    /// filter syntax, e.g. `email ^= "ann"`).
    public static func users(_ backend: any CognitoBackend, pool: String, filter: String? = nil) async throws -> [CognitoIdentityProvider.UserType] {
        try await collect(Paging.listUsers.everyItem(.init(userPoolId: pool, limit: 60, filter: filter)) { try await backend.listUsers($0) })
    }

    /// The user (`AdminGetUser`), or nil when the pool has no such user.
    public static func user(_ backend: any CognitoBackend, pool: String, username: String) async throws -> CognitoIdentityProvider.AdminGetUserResponse? {
        do {
            return try await backend.adminGetUser(.init(userPoolId: pool, username: username))
        } catch let error as AWSServiceError where error.is(.userNotFoundException) {
            return nil
        }
    }

    /// The groups the user belongs to (`AdminListGroupsForUser`).
    public static func groups(_ backend: any CognitoBackend, pool: String, username: String) async throws -> [CognitoIdentityProvider.GroupType] {
        try await collect(Paging.adminListGroupsForUser.everyItem(.init(username: username, userPoolId: pool, limit: 60)) {
            try await backend.adminListGroupsForUser($0)
        })
    }

    /// Every group of the pool (`ListGroups`).
    public static func groups(_ backend: any CognitoBackend, pool: String) async throws -> [CognitoIdentityProvider.GroupType] {
        try await collect(Paging.listGroups.everyItem(.init(userPoolId: pool, limit: 60)) { try await backend.listGroups($0) })
    }

    /// The group (`GetGroup`), or nil when the pool has no such group.
    public static func group(_ backend: any CognitoBackend, pool: String, name: String) async throws -> CognitoIdentityProvider.GroupType? {
        do {
            return try await backend.getGroup(.init(groupName: name, userPoolId: pool)).group
        } catch let error as AWSServiceError where error.is(.resourceNotFoundException) {
            return nil
        }
    }

    /// The members of the group (`ListUsersInGroup`).
    public static func members(_ backend: any CognitoBackend, pool: String, group: String) async throws -> [CognitoIdentityProvider.UserType] {
        try await collect(Paging.listUsersInGroup.everyItem(.init(userPoolId: pool, groupName: group, limit: 60)) {
            try await backend.listUsersInGroup($0)
        })
    }

    /// The pool's app clients (`ListUserPoolClients`).
    public static func clients(_ backend: any CognitoBackend, pool: String) async throws -> [CognitoIdentityProvider.UserPoolClientDescription] {
        try await collect(Paging.listUserPoolClients.everyItem(.init(userPoolId: pool, maxResults: 60)) {
            try await backend.listUserPoolClients($0)
        })
    }

    /// The app client's settings (`DescribeUserPoolClient`) with its secret masked: a secret is
    /// never shown unasked (DESIGN §6).
    public static func client(_ backend: any CognitoBackend, pool: String, clientID: String) async throws -> CognitoIdentityProvider.UserPoolClientType {
        guard var client = try await backend.describeUserPoolClient(.init(userPoolId: pool, clientId: clientID)).userPoolClient else {
            throw UpdateError("The app client \(clientID) was not returned.")
        }
        if client.clientSecret != nil { client.clientSecret = ProviderDetailsMask.mask }
        return client
    }

    static func collect<S: AsyncSequence>(_ sequence: S) async throws -> [S.Element] {
        var items: [S.Element] = []
        for try await item in sequence { items.append(item) }
        return items
    }
}
