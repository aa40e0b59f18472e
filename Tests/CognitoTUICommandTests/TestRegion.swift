import Foundation
import Synchronization

/// The regions the end-to-end scenarios keep their data in.
///
/// The shared emulator keeps pools per region behind one endpoint, and the scenarios run side by
/// side, so a scenario that seeds pools and then reads a list must be alone in its region: two
/// scenarios that picked the same region by hand once saw each other's pools and failed. Every
/// scenario takes its region from `claim()`, which never hands the same one out twice in a run.
enum TestRegion {
    /// Regions no scenario claims: `us-east-1` holds the subcommand tests' pools, and the
    /// all-regions tests put a pool in each of the others but count no rows.
    static let shared = ["us-east-1", "eu-west-1", "us-west-2", "eu-central-1"]

    /// The regions the emulator knows for both Cognito services, less the shared ones.
    static let claimable = [
        "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
        "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1",
        "ca-west-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-2",
        "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1",
        "us-east-2", "us-west-1",
    ]

    private static let next = Mutex(0)

    /// A region of the scenario's own, for this run. Fails once every region is taken, naming the
    /// scenario, rather than handing one out twice.
    static func claim(_ scenario: String = #function) throws -> String {
        let index = next.withLock { value in
            defer { value += 1 }
            return value
        }
        guard index < claimable.count else {
            throw Exhausted(scenario: scenario, count: claimable.count)
        }
        return claimable[index]
    }

    /// A region for a scenario that seeds nothing and counts no rows.
    static let unseeded = "eu-west-1"

    struct Exhausted: Error, CustomStringConvertible {
        let scenario: String
        let count: Int
        var description: String {
            "\(scenario) needs a region of its own, and all \(count) are taken: " +
                "let a scenario that seeds nothing use TestRegion.unseeded"
        }
    }
}
