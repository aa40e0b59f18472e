import CognitoAPI

extension ListSource {
    /// How many items to ask for per page; the largest each operation allows, up to 60.
    static let pageSize = 60

    /// Fetches one page and formats its rows; runs off the main actor, so formatting a large
    /// page never holds up typing.
    ///
    /// - Parameters:
    ///   - backend: where to call.
    ///   - token: the token of the page to fetch; nil for the first.
    /// - Throws: whatever the backend throws.
    public func fetchPage(_ backend: any CognitoBackend, token: String?) async throws -> ListPage {
        let size = Self.pageSize
        switch self {
        case .userPools:
            let out = try await backend.listUserPools(.init(nextToken: token, maxResults: size))
            return ListPage(items: (out.userPools ?? []).map(Self.userPoolItem), nextToken: out.nextToken)
        case .users(let pool, let search):
            let out = try await backend.listUsers(.init(userPoolId: pool, limit: size, paginationToken: token,
                                                        filter: search?.filterExpression))
            return ListPage(items: (out.users ?? []).map(Self.userItem), nextToken: out.paginationToken)
        case .groupMembers(let pool, let group):
            let out = try await backend.listUsersInGroup(.init(userPoolId: pool, groupName: group, limit: size, nextToken: token))
            return ListPage(items: (out.users ?? []).map(Self.userItem), nextToken: out.nextToken)
        case .groups(let pool):
            let out = try await backend.listGroups(.init(userPoolId: pool, limit: size, nextToken: token))
            return ListPage(items: (out.groups ?? []).map(Self.groupItem), nextToken: out.nextToken)
        case .userGroups(let pool, let username):
            let out = try await backend.adminListGroupsForUser(.init(username: username, userPoolId: pool, limit: size, nextToken: token))
            return ListPage(items: (out.groups ?? []).map(Self.groupItem), nextToken: out.nextToken)
        case .clients(let pool):
            let out = try await backend.listUserPoolClients(.init(userPoolId: pool, maxResults: size, nextToken: token))
            let items = (out.userPoolClients ?? []).map { client in
                ListItem(id: client.clientId ?? "", name: client.clientName,
                         cells: [ValueText.text(client.clientName), ValueText.text(client.clientId)])
            }
            return ListPage(items: items, nextToken: out.nextToken)
        case .providers(let pool):
            let out = try await backend.listIdentityProviders(.init(userPoolId: pool, maxResults: size, nextToken: token))
            let items = out.providers.map { provider in
                ListItem(id: provider.providerName ?? "",
                         cells: [ValueText.text(provider.providerName), ValueText.text(provider.providerType?.rawValue),
                                 ValueText.date(provider.creationDate)])
            }
            return ListPage(items: items, nextToken: out.nextToken)
        case .devices(let pool, let username):
            let out = try await backend.adminListDevices(.init(userPoolId: pool, username: username, limit: size, paginationToken: token))
            let items = (out.devices ?? []).map { device in
                let name = device.deviceAttributes?.first { $0.name == "device_name" }?.value
                return ListItem(id: device.deviceKey ?? "",
                                cells: [ValueText.text(device.deviceKey), ValueText.text(name),
                                        ValueText.date(device.deviceLastAuthenticatedDate)])
            }
            return ListPage(items: items, nextToken: out.paginationToken)
        case .identityPools:
            let out = try await backend.listIdentityPools(.init(maxResults: size, nextToken: token))
            let items = (out.identityPools ?? []).map { pool in
                ListItem(id: pool.identityPoolId ?? "", name: pool.identityPoolName,
                         cells: [ValueText.text(pool.identityPoolName), ValueText.text(pool.identityPoolId)])
            }
            return ListPage(items: items, nextToken: out.nextToken)
        case .identities(let pool, let hideDisabled):
            let out = try await backend.listIdentities(.init(identityPoolId: pool, maxResults: size, nextToken: token,
                                                             hideDisabled: hideDisabled))
            let items = (out.identities ?? []).map { identity in
                ListItem(id: identity.identityId ?? "",
                         cells: [ValueText.text(identity.identityId), ValueText.list(identity.logins),
                                 ValueText.date(identity.creationDate), ValueText.date(identity.lastModifiedDate)])
            }
            return ListPage(items: items, nextToken: out.nextToken)
        case .callLog:
            return ListPage(items: [], nextToken: nil)
        }
    }

    static func userPoolItem(_ pool: CognitoIdentityProvider.UserPoolDescriptionType) -> ListItem {
        ListItem(id: pool.id ?? "", name: pool.name,
                 cells: [ValueText.text(pool.name), ValueText.text(pool.id), ValueText.date(pool.creationDate)])
    }

    /// A user row: disabled users are dimmed.
    public static func userItem(_ user: CognitoIdentityProvider.UserType) -> ListItem {
        var email: String?, name: String?, given: String?, family: String?
        for attribute in user.attributes ?? [] {
            switch attribute.name {
            case "email": email = attribute.value
            case "name": name = attribute.value
            case "given_name": given = attribute.value
            case "family_name": family = attribute.value
            default: break
            }
        }
        let fullName = name ?? [given, family].compactMap { $0 }.joined(separator: " ")
        return ListItem(id: user.username ?? "",
                        cells: [ValueText.text(user.username), ValueText.text(fullName), ValueText.text(email),
                                ValueText.text(user.userStatus?.rawValue), ValueText.yesNo(user.enabled),
                                ValueText.date(user.userCreateDate)],
                        dimmed: user.enabled == false)
    }

    static func groupItem(_ group: CognitoIdentityProvider.GroupType) -> ListItem {
        ListItem(id: group.groupName ?? "",
                 cells: [ValueText.text(group.groupName), ValueText.number(group.precedence),
                         ValueText.text(group.description), ValueText.text(group.roleArn)])
    }
}
