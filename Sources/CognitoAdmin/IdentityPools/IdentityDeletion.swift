import AWSCore
import CognitoAPI

/// Deleting identities as a job: the ids go 60 to a `DeleteIdentities` call, an id the service
/// did not process fails with its error code (sent again when the code says it may succeed), and a
/// call whose reply was lost is settled by reading each identity back, so that no identity is
/// left behind and none is asked for twice.
public enum IdentityDeletion {
    /// The plan: one item per identity, in the order given; the item ids are the identity ids.
    /// - Throws: `JobPlanError.duplicateItemID` when an id is listed twice.
    public static func plan(_ ids: [String]) throws -> JobPlan {
        try JobPlan(title: "Delete identities", items: ids.map {
            JobItem(id: $0, label: $0, call: JobCall(operation: "DeleteIdentities", resource: $0))
        })
    }

    public static func job(_ backend: any CognitoBackend, ids: [String]) throws -> Job {
        Job(plan: try plan(ids),
            batching: JobBatching(size: IdentityPoolReads.deleteBatchSize) { items in
                try await delete(backend, ids: items.map(\.id))
            },
            verify: { item in try await readBack(backend, identity: item.id) })
    }

    /// One `DeleteIdentities` call (at most 60 ids): the failures of the ids it did not delete,
    /// by identity id.
    public static func delete(_ backend: any CognitoBackend, ids: [String]) async throws -> [String: JobFailure] {
        let out = try await backend.deleteIdentities(.init(identityIdsToDelete: ids))
        var failures: [String: JobFailure] = [:]
        for item in out.unprocessedIdentityIds ?? [] {
            guard let id = item.identityId else { continue }
            failures[id] = failure(item.errorCode)
        }
        return failures
    }

    /// An unprocessed id's failure: the service's internal error leaves it as it was, so it may go
    /// again; access denied will not change by resending.
    static func failure(_ code: CognitoIdentity.ErrorCode?) -> JobFailure {
        let name = code?.rawValue ?? "Unprocessed"
        if code == .internalServerError {
            return JobFailure(code: name, message: "The service could not delete this identity this time.", kind: .notApplied)
        }
        return JobFailure(code: name, message: "The service did not delete this identity (\(code?.rawValue ?? "no reason given")).",
                          kind: .rejected)
    }

    /// Whether the identity is gone: `DescribeIdentity` answers not found once it is.
    public static func readBack(_ backend: any CognitoBackend, identity: String) async throws -> JobVerification {
        do {
            _ = try await backend.describeIdentity(.init(identityId: identity))
            return .notApplied
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return .applied
        }
    }
}
