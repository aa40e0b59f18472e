import CognitoAPI

/// Reading identity pools and identities, and deleting identities in the batches
/// `DeleteIdentities` takes.
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

    /// Deletes identities, 60 per `DeleteIdentities` call, in order; returns those the service
    /// did not delete, with its error code.
    /// - Parameter progress: told after each batch how many ids were sent so far.
    public static func deleteIdentities(_ backend: any CognitoBackend, _ ids: [String],
                                        progress: @Sendable (Int) -> Void = { _ in }) async throws -> [CognitoIdentity.UnprocessedIdentityId] {
        var unprocessed: [CognitoIdentity.UnprocessedIdentityId] = []
        var sent = 0
        while sent < ids.count {
            let batch = Array(ids[sent..<min(sent + deleteBatchSize, ids.count)])
            unprocessed += try await backend.deleteIdentities(.init(identityIdsToDelete: batch)).unprocessedIdentityIds ?? []
            sent += batch.count
            progress(sent)
        }
        return unprocessed
    }
}
