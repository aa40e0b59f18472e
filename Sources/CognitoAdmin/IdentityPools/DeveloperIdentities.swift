import CognitoAPI

/// Developer-authenticated identities of an identity pool: which identity a developer user is
/// (and the other developer users of that identity), merging two developer users' identities, and
/// unlinking a developer user from an identity. The developer provider is the pool's own
/// (`DeveloperProviderName`); a pool without one has no developer identities.
public enum DeveloperIdentities {
    /// An identity and the developer users linked to it.
    public struct Found: Sendable, Equatable {
        public var identityId: String
        public var developerUsers: [String]
    }

    /// The pool's developer provider name.
    /// - Throws: `UpdateError` naming the pool when it has none.
    public static func provider(_ backend: any CognitoBackend, pool: String) async throws -> String {
        let described = try await backend.describeIdentityPool(.init(identityPoolId: pool))
        guard let name = described.developerProviderName, !name.isEmpty else {
            throw UpdateError("Identity pool \(described.identityPoolName) has no developer provider, so no developer identities.")
        }
        return name
    }

    /// The identity of a developer user, or the developer users of an identity (every page).
    public static func lookup(_ backend: any CognitoBackend, pool: String, developerUser: String? = nil,
                              identityId: String? = nil) async throws -> Found {
        var found = Found(identityId: identityId ?? "", developerUsers: [])
        var trail = TokenTrail()
        var token: String?
        repeat {
            let page = try await backend.lookupDeveloperIdentity(.init(identityPoolId: pool, identityId: identityId,
                                                                      developerUserIdentifier: developerUser, maxResults: 60,
                                                                      nextToken: token))
            if let id = page.identityId { found.identityId = id }
            found.developerUsers += page.developerUserIdentifierList ?? []
            token = try trail.next(after: page.nextToken, items: page.developerUserIdentifierList?.count ?? 0)
        } while token != nil
        return found
    }

    /// Merges the source developer user's identity into the destination's; returns the identity
    /// they share now.
    public static func merge(_ backend: any CognitoBackend, pool: String, source: String, destination: String) async throws -> String {
        let provider = try await provider(backend, pool: pool)
        return try await backend.mergeDeveloperIdentities(.init(sourceUserIdentifier: source, destinationUserIdentifier: destination,
                                                                developerProviderName: provider, identityPoolId: pool)).identityId ?? ""
    }

    /// Unlinks a developer user from an identity.
    public static func unlink(_ backend: any CognitoBackend, pool: String, identityId: String, developerUser: String) async throws {
        let provider = try await provider(backend, pool: pool)
        try await backend.unlinkDeveloperIdentity(.init(identityId: identityId, identityPoolId: pool,
                                                        developerProviderName: provider, developerUserIdentifier: developerUser))
    }
}
