import Foundation

/// Where a resource's page is in the AWS Management Console: a path under the Cognito console
/// (`cognito/v2/`) in which `{0}`, `{1}`, … stand for the ids of the resource's path (a user is
/// `[pool id, username]`), each percent-encoded as one path segment.
public struct ConsolePage: Sendable, Equatable {
    public let template: String

    public init(_ template: String) {
        self.template = template
    }

    /// The page of `ref` in `region`'s console, e.g.
    /// `https://eu-west-1.console.aws.amazon.com/cognito/v2/idp/user-pools/eu-west-1_AbC/users?region=eu-west-1`.
    public func url(_ ref: ResourceRef, region: String) -> String {
        var path = template
        for (index, id) in ref.path.enumerated().reversed() {
            path = path.replacingOccurrences(of: "{\(index)}", with: Self.segment(id))
        }
        let region = Self.segment(region)
        return "\(Self.origin(region: region))/cognito/v2/\(path)?region=\(region)"
    }

    /// The console's address for a region: a subdomain per region in the `aws` partition, one
    /// address for each of the China and GovCloud partitions.
    static func origin(region: String) -> String {
        if region.hasPrefix("cn-") { return "https://console.amazonaws.cn" }
        if region.hasPrefix("us-gov-") { return "https://console.amazonaws-us-gov.com" }
        return "https://\(region).console.aws.amazon.com"
    }

    /// `id` as one path segment: every character but the unreserved ones of RFC 3986 §2.3
    /// percent-encoded as UTF-8 (a space is `%20`, `+` is `%2B`, `/` is `%2F`).
    static func segment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: unreserved) ?? id
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
