import Foundation

/// Thrown by a provider whose source is not set up at all (no variables, no keys in the profile,
/// metadata service disabled), so that a chain moves on to the next one. A provider that is set up
/// but fails throws its own error instead, and the chain stops there, as the AWS CLI does.
public struct CredentialSourceNotConfigured: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why, when it helps the reader: "disabled by AWS_EC2_METADATA_DISABLED".
    public var note: String?

    public init(note: String? = nil) {
        self.note = note
    }

    public var description: String { note ?? "not configured" }
}

/// Tries credential providers in order; the first that is configured wins, and is used alone from
/// then on ("Credential provider chain", AWS SDKs and Tools Reference Guide; botocore's
/// `CredentialResolver`).
public actor CredentialChain: CredentialProvider {
    /// One provider and how to name it in the "nothing found" message.
    public struct Link: Sendable {
        /// "environment variables", "IAM Identity Center", ...; links with the same description
        /// are listed once.
        public var description: String
        public var provider: any CredentialProvider

        public init(_ description: String, _ provider: any CredentialProvider) {
            self.description = description
            self.provider = provider
        }
    }

    public nonisolated let profileName: String
    public nonisolated let links: [Link]
    /// The link that answered first; later calls go straight to it.
    private var winner: Int?

    public init(profileName: String, links: [Link]) {
        self.profileName = profileName
        self.links = links
    }

    /// Credentials from the first configured provider.
    /// - Throws: that provider's error when it fails, or `AWSClientError.noCredentials` with one
    ///   sentence listing what was tried when none is configured.
    public func credentials() async throws -> Credentials {
        if let winner {
            do {
                return try await links[winner].provider.credentials()
            } catch is CredentialSourceNotConfigured {
                // The source went away (a metadata service stopped answering): search again.
                self.winner = nil
            }
        }
        var tried: [(description: String, note: String?)] = []
        for (index, link) in links.enumerated() {
            do {
                let credentials = try await link.provider.credentials()
                winner = index
                return credentials
            } catch let skipped as CredentialSourceNotConfigured {
                if let at = tried.firstIndex(where: { $0.description == link.description }) {
                    tried[at].note = tried[at].note ?? skipped.note
                } else {
                    tried.append((link.description, skipped.note))
                }
            }
        }
        let items = tried.map { item in item.note.map { "\(item.description) (\($0))" } ?? item.description }
        var message = "No AWS credentials were found for profile `\(profileName)`"
        message += items.isEmpty ? "." : ": tried \(Self.list(items))."
        throw AWSClientError.noCredentials(message)
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
