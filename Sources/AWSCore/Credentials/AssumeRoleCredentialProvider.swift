import Foundation

/// Credentials from `AssumeRole` for a profile with `role_arn`, signed with the credentials of its
/// `source_profile` (followed recursively) or of its `credential_source` (`Environment`,
/// `Ec2InstanceMetadata`, `EcsContainer`) ("Assume role credential provider", AWS SDKs and Tools
/// Reference Guide). Applies when the profile has `role_arn` and no `web_identity_token_file`.
public struct AssumeRoleCredentialProvider: CredentialProvider {
    public var profileName: String
    var sources: CredentialSources

    init(profileName: String, sources: CredentialSources) {
        self.profileName = profileName
        self.sources = sources
    }

    public func credentials() async throws -> Credentials {
        guard let profile = sources.files.profile(profileName), Self.assumesRole(profile) else {
            throw CredentialSourceNotConfigured()
        }
        return try await assume(profileName, profile: profile, visited: [profileName])
    }

    /// A profile that this provider handles: `role_arn` without a web identity token file.
    static func assumesRole(_ profile: [String: String]) -> Bool {
        profile["role_arn"] != nil && profile["web_identity_token_file"] == nil
    }

    private func assume(_ name: String, profile: [String: String], visited: [String]) async throws -> Credentials {
        let roleArn = profile["role_arn"] ?? ""
        let source: Credentials
        switch (profile["source_profile"], profile["credential_source"]) {
        case (.some, .some):
            throw AWSClientError.configuration(
                "The profile `\(name)` sets both source_profile and credential_source; keep one.")
        case (nil, nil):
            throw AWSClientError.configuration(
                "The profile `\(name)` sets role_arn but neither source_profile nor credential_source.")
        case (nil, let named?):
            source = try await credentials(fromSource: named, profileName: name)
        case (let sourceName?, nil):
            source = try await credentials(fromProfile: sourceName, of: name, visited: visited)
        }
        var request = AssumeRoleRequest(
            roleArn: roleArn,
            roleSessionName: profile["role_session_name"] ?? RoleSessionName.default(context: sources.context),
            externalId: profile["external_id"])
        if let text = profile["duration_seconds"] {
            guard let seconds = Int(text), seconds > 0 else {
                throw AWSClientError.configuration(
                    "The duration_seconds setting of profile `\(name)` must be a whole number of seconds, but it is `\(text)`.")
            }
            request.durationSeconds = seconds
        }
        if let serial = profile["mfa_serial"] {
            request.serialNumber = serial
            request.tokenCode = try mfaCode(serial: serial, profileName: name)
        }
        var credentials = try await sources.sts.assumeRole(request, credentials: source)
        credentials.source = "assume-role"
        return credentials
    }

    /// `credential_source`: one of the three named providers.
    private func credentials(fromSource named: String, profileName: String) async throws -> Credentials {
        guard let provider = sources.namedSource(named) else {
            throw AWSClientError.configuration(
                "The credential_source `\(named)` of profile `\(profileName)` is not one of Environment, "
                + "Ec2InstanceMetadata or EcsContainer.")
        }
        do {
            return try await provider.credentials()
        } catch let skipped as CredentialSourceNotConfigured {
            var message = "The profile `\(profileName)` takes its credentials from credential_source `\(named)`, "
                + "but none were found there"
            if let note = skipped.note { message += " (\(note))" }
            throw AWSClientError.credentials(message + ".")
        }
    }

    /// `source_profile`: its static keys or other sources, or another role to assume first.
    private func credentials(fromProfile sourceName: String, of name: String, visited: [String]) async throws -> Credentials {
        guard let source = sources.files.profile(sourceName) else {
            throw AWSClientError.configuration(
                "The source_profile `\(sourceName)` of profile `\(name)` is not in "
                + "\(sources.files.configDisplay) or \(sources.files.credentialsDisplay).")
        }
        let hasStaticKeys = source["aws_access_key_id"] != nil || source["aws_secret_access_key"] != nil
        if visited.contains(sourceName) {
            // A profile may name itself as its source when it holds the keys to assume its role with.
            guard sourceName == name, hasStaticKeys else {
                let path = (visited + [sourceName]).map { "`\($0)`" }.joined(separator: " → ")
                throw AWSClientError.configuration("The source_profile settings form a loop: \(path).")
            }
        }
        if hasStaticKeys || !Self.assumesRole(source) {
            let chain = CredentialChain(profileName: sourceName,
                                        links: sources.profileLinks(sourceName, useEnvironment: false))
            do {
                return try await chain.credentials()
            } catch AWSClientError.noCredentials {
                throw AWSClientError.credentials(
                    "The source_profile `\(sourceName)` of profile `\(name)` has no credentials.")
            }
        }
        return try await assume(sourceName, profile: source, visited: visited + [sourceName])
    }

    private func mfaCode(serial: String, profileName: String) throws -> String {
        let code = sources.context.prompt?("Enter MFA code for \(serial): ")?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let code, !code.isEmpty else {
            throw AWSClientError.credentials(
                "The profile `\(profileName)` needs an MFA code (mfa_serial) but there is no terminal to ask for it.")
        }
        return code
    }
}
