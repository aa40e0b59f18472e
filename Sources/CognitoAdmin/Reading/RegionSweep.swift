import AWSCore
import CognitoAPI

/// What one region answered when every region was asked: its items, or why it did not answer
/// (a region not enabled for the account refuses the credentials).
public struct RegionAnswer<Item: Sendable>: Sendable {
    public let region: String
    public let result: Result<[Item], any Error>

    public init(region: String, result: Result<[Item], any Error>) {
        self.region = region
        self.result = result
    }

    /// The items, or an empty list when the region failed.
    public var items: [Item] { (try? result.get()) ?? [] }
    /// Why the region did not answer; nil when it did.
    public var failure: (any Error)? {
        if case .failure(let error) = result { return error }
        return nil
    }
}

/// Asking every region where a Cognito service runs (in the partition of the backend's region)
/// at once, a bounded number at a time, each over the same profile, credentials and endpoint
/// setting (`CognitoBackend.inRegion`). One region failing is that region's answer, not a
/// failure of the whole sweep.
public enum RegionSweep {
    /// How many regions are asked at the same time.
    public static let concurrency = 8

    /// The user pools of every region where `cognito-idp` runs (`ListUserPools`, every page).
    public static func userPools(_ backend: any CognitoBackend, regions: [String]? = nil)
        async -> [RegionAnswer<CognitoIdentityProvider.UserPoolDescriptionType>] {
        let regions = regions ?? CognitoRegions.regions(of: .cognitoIdentityProvider, partitionOf: backend.info.region)
        return await run(regions) { region in try await PoolReads.userPools(try backend.inRegion(region)) }
    }

    /// The identity pools of every region where `cognito-identity` runs (`ListIdentityPools`,
    /// every page).
    public static func identityPools(_ backend: any CognitoBackend, regions: [String]? = nil)
        async -> [RegionAnswer<CognitoIdentity.IdentityPoolShortDescription>] {
        let regions = regions ?? CognitoRegions.regions(of: .cognitoIdentity, partitionOf: backend.info.region)
        return await run(regions) { region in try await IdentityPoolReads.identityPools(try backend.inRegion(region)) }
    }

    /// Runs `list` for each region, at most `limit` at a time; the answers come in the order of
    /// `regions`.
    public static func run<Item: Sendable>(_ regions: [String], limit: Int = concurrency,
                                           _ list: @escaping @Sendable (String) async throws -> [Item]) async -> [RegionAnswer<Item>] {
        await withTaskGroup(of: (Int, RegionAnswer<Item>).self) { group in
            var answers = [RegionAnswer<Item>?](repeating: nil, count: regions.count)
            var next = 0
            func start() {
                let index = next, region = regions[index]
                next += 1
                group.addTask {
                    do {
                        return (index, RegionAnswer(region: region, result: .success(try await list(region))))
                    } catch {
                        return (index, RegionAnswer(region: region, result: .failure(error)))
                    }
                }
            }
            while next < regions.count && next < max(1, limit) { start() }
            for await (index, answer) in group {
                answers[index] = answer
                if next < regions.count { start() }
            }
            return answers.compactMap { $0 }
        }
    }
}
