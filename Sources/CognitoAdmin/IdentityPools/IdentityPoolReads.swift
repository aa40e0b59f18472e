import CognitoAPI

/// Reading identity pools and identities.
public enum IdentityPoolReads {
    /// `DeleteIdentities` takes at most 60 identity ids per call (API reference).
    public static let deleteBatchSize = 60

    /// Every identity pool of the account and region (`ListIdentityPools`, every page).
    public static func identityPools(_ backend: any CognitoBackend) async throws -> [CognitoIdentity.IdentityPoolShortDescription] {
        try await PoolReads.collect(Paging.listIdentityPools.everyItem(.init(maxResults: 60)) { try await backend.listIdentityPools($0) })
    }

    /// Every identity of the pool (`ListIdentities`, every page).
    public static func identities(_ backend: any CognitoBackend, identityPool: String) async throws -> [CognitoIdentity.IdentityDescription] {
        try await PoolReads.collect(Paging.listIdentities.everyItem(.init(identityPoolId: identityPool, maxResults: 60)) {
            try await backend.listIdentities($0)
        })
    }
}
