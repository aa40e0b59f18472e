import AWSCore
import Foundation

/// Where the Cognito services run: the regions botocore's endpoint data gives each service, by
/// partition (the list itself is generated: `CognitoRegions+Endpoints.swift`). Credentials work
/// within one partition, so a question is asked about the partition of a region the operator
/// already uses.
public enum CognitoRegions {
    /// A partition of AWS (`aws`, `aws-cn`, `aws-us-gov`, …) and where each service has an endpoint.
    public struct Partition: Sendable, Equatable {
        public let name: String
        /// The pattern of region names in the partition, for regions newer than the data.
        public let regionPattern: String
        /// Every region of the partition, whether the services run there or not.
        public let regions: [String]
        /// The regions with an endpoint, by service id (`cognito-idp`, `cognito-identity`).
        public let services: [String: [String]]
    }

    /// The partition `region` belongs to: the one that lists it, else the one whose pattern it
    /// matches, else `aws`.
    public static func partition(of region: String) -> Partition {
        if let listed = partitions.first(where: { $0.regions.contains(region) }) { return listed }
        let range = NSRange(region.startIndex..., in: region)
        for partition in partitions {
            if let pattern = try? NSRegularExpression(pattern: partition.regionPattern),
               pattern.firstMatch(in: region, range: range) != nil {
                return partition
            }
        }
        return partitions.first { $0.name == "aws" } ?? partitions[0]
    }

    /// The regions where `service` has an endpoint, in the partition of `region`, sorted.
    public static func regions(of service: ServiceDescriptor, partitionOf region: String) -> [String] {
        partition(of: region).services[service.id] ?? []
    }

    /// Every region where either service has an endpoint, in every partition, sorted: what the
    /// region picker (`R`) offers.
    public static var all: [String] {
        Set(partitions.flatMap { $0.services.values.joined() }).sorted()
    }
}
