import CognitoAPI

/// What a detail tab shows, with the parameters of the calls that fetch it.
public enum DetailSource: Sendable, Equatable {
    case userPool(id: String)
    case domain(poolID: String)
    case user(poolID: String, username: String)
    case group(poolID: String, name: String)
    case identityPool(id: String)
    case identity(id: String)

    /// What `d` describes on this tab.
    public var describeTarget: DescribeTarget {
        switch self {
        case .userPool(let id), .domain(let id): return .userPool(id: id)
        case .user(let pool, let name): return .user(poolID: pool, username: name)
        case .group(let pool, let name): return .group(poolID: pool, name: name)
        case .identityPool(let id): return .identityPool(id: id)
        case .identity(let id): return .identity(id: id)
        }
    }

    /// What `y` copies on this tab.
    public var copyID: String {
        switch self {
        case .userPool(let id), .domain(let id), .identityPool(let id), .identity(let id): return id
        case .user(_, let name), .group(_, let name): return name
        }
    }

    /// Fetches and formats the sections. A failure of a secondary call (roles, principal tags,
    /// the domain) shows inside its own section; only the main call's failure fails the tab.
    ///
    /// - Throws: the main call's error.
    public func fetchSections(_ backend: any CognitoBackend) async throws -> [DetailView.Section] {
        switch self {
        case .userPool(let id):
            let out = try await backend.describeUserPool(.init(userPoolId: id))
            return out.userPool.map(DetailFormat.userPool) ?? []
        case .domain(let id):
            let pool = try await backend.describeUserPool(.init(userPoolId: id)).userPool
            let domains = [pool?.domain, pool?.customDomain].compactMap { $0 }.filter { !$0.isEmpty }
            guard !domains.isEmpty else { return [] }
            var sections: [DetailView.Section] = []
            for name in domains {
                do {
                    let out = try await backend.describeUserPoolDomain(.init(domain: name))
                    sections.append(DetailFormat.domain(name, out.domainDescription))
                } catch {
                    sections.append(DetailView.Section("Domain \(name)", [("error", ErrorText.sentence(error))]))
                }
            }
            return sections
        case .user(let pool, let name):
            return DetailFormat.user(try await backend.adminGetUser(.init(userPoolId: pool, username: name)))
        case .group(let pool, let name):
            let out = try await backend.getGroup(.init(groupName: name, userPoolId: pool))
            return out.group.map(DetailFormat.group) ?? []
        case .identityPool(let id):
            return try await identityPoolSections(backend, id: id)
        case .identity(let id):
            return DetailFormat.identity(try await backend.describeIdentity(.init(identityId: id)))
        }
    }

    private func identityPoolSections(_ backend: any CognitoBackend, id: String) async throws -> [DetailView.Section] {
        let pool = try await backend.describeIdentityPool(.init(identityPoolId: id))
        var sections = DetailFormat.identityPool(pool)
        do {
            let roles = try await backend.getIdentityPoolRoles(.init(identityPoolId: id))
            sections += DetailFormat.roles(roles)
        } catch {
            sections.append(DetailView.Section("Roles", [("error", ErrorText.sentence(error))]))
        }
        for provider in DetailFormat.providerNames(pool) {
            do {
                let map = try await backend.getPrincipalTagAttributeMap(.init(identityPoolId: id, identityProviderName: provider))
                sections.append(DetailFormat.principalTags(provider, map))
            } catch {
                sections.append(DetailView.Section("Principal tags: \(provider)", [("error", ErrorText.sentence(error))]))
            }
        }
        let tags = (pool.identityPoolTags ?? [:]).sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        sections.append(DetailView.Section("Tags", tags.isEmpty ? [("tags", ValueText.none)] : tags))
        return sections
    }
}
