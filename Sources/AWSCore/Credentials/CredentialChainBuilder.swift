import Foundation

/// Builds the default credential chain in the AWS CLI's order (botocore's
/// `create_credential_resolver`):
/// 1. environment variables (skipped when `--profile` is given);
/// 2. `role_arn` with `source_profile` or `credential_source` (AssumeRole);
/// 3. web identity: environment (unless `--profile`), then the profile;
/// 4. IAM Identity Center (`sso_session` or legacy `sso_start_url` profiles);
/// 5. static keys in the credentials file;
/// 6. `credential_process`;
/// 7. static keys in the config file;
/// 8. container credentials;
/// 9. EC2 instance metadata.
public enum CredentialChainBuilder {
    /// The chain for the resolved profile, wrapped in a cache that refreshes before expiry.
    /// - Parameters:
    ///   - config: the resolved configuration (profile, files, SSO endpoint).
    ///   - overrides: the command-line flags; `--profile` turns off the environment providers.
    ///   - transport: for IAM Identity Center, container and instance metadata requests.
    ///   - sts: for AssumeRole and AssumeRoleWithWebIdentity.
    public static func build(config: ResolvedConfig, overrides: ConfigOverrides, context: RuntimeContext,
                             transport: any HTTPTransport, sts: any STSCalling) -> any CredentialProvider {
        CachingCredentialProvider(chain(config: config, overrides: overrides, context: context,
                                        transport: transport, sts: sts),
                                  now: context.now)
    }

    /// The chain without the cache.
    public static func chain(config: ResolvedConfig, overrides: ConfigOverrides, context: RuntimeContext,
                             transport: any HTTPTransport, sts: any STSCalling) -> CredentialChain {
        let sources = CredentialSources(files: config.files, profile: config.profile, context: context,
                                        transport: transport, sts: sts, ssoEndpoint: config.endpointURL(for: .sso))
        // botocore drops the environment provider only for a profile given explicitly by the
        // caller (`--profile`), not for one taken from AWS_PROFILE.
        let useEnvironment = (overrides.profile ?? "").isEmpty
        var links: [CredentialChain.Link] = []
        if useEnvironment {
            links.append(.init(CredentialSources.environmentName, EnvironmentCredentialProvider(context: context)))
        }
        links.append(.init(CredentialSources.filesName,
                           AssumeRoleCredentialProvider(profileName: config.profileName, sources: sources)))
        links += sources.profileLinks(config.profileName, useEnvironment: useEnvironment)
        links.append(.init("container credentials", sources.container()))
        links.append(.init("instance metadata", sources.instanceMetadata()))
        return CredentialChain(profileName: config.profileName, links: links)
    }
}

/// What the providers need to build one another: a role's source profile runs the profile
/// providers again, and `credential_source` names three of the chain's providers.
struct CredentialSources: Sendable {
    var files: AWSConfigFiles
    /// The selected profile's settings, for the instance metadata settings.
    var profile: [String: String]
    var context: RuntimeContext
    var transport: any HTTPTransport
    var sts: any STSCalling
    var ssoEndpoint: String?

    static let environmentName = "environment variables"
    static let filesName = "the shared credentials and config files"

    /// The providers that read one profile (botocore's `ProfileProviderBuilder`): web identity,
    /// IAM Identity Center, credentials-file keys, `credential_process`, config-file keys.
    func profileLinks(_ name: String, useEnvironment: Bool) -> [CredentialChain.Link] {
        let merged = files.profile(name) ?? [:]
        return [
            .init("a web identity token", WebIdentityCredentialProvider(
                profileName: name, profile: merged, useEnvironment: useEnvironment, context: context, sts: sts)),
            .init("IAM Identity Center", SSOCredentialProvider(
                profileName: name, files: files, context: context, transport: transport, endpointURL: ssoEndpoint)),
            .init(Self.filesName, ProfileKeysCredentialProvider(profileName: name, files: files, file: .credentials)),
            .init(Self.filesName, ProcessCredentialProvider(profileName: name, profile: merged, context: context)),
            .init(Self.filesName, ProfileKeysCredentialProvider(profileName: name, files: files, file: .config)),
        ]
    }

    /// The provider a `credential_source` names, or nil for an unknown name.
    func namedSource(_ name: String) -> (any CredentialProvider)? {
        switch name {
        case "Environment": return EnvironmentCredentialProvider(context: context)
        case "Ec2InstanceMetadata": return instanceMetadata()
        case "EcsContainer": return container()
        default: return nil
        }
    }

    func container() -> ContainerCredentialProvider {
        ContainerCredentialProvider(context: context, transport: transport)
    }

    /// Honours `metadata_service_timeout` (`AWS_METADATA_SERVICE_TIMEOUT`), in seconds.
    func instanceMetadata() -> InstanceMetadataCredentialProvider {
        let text = context.env("AWS_METADATA_SERVICE_TIMEOUT") ?? profile["metadata_service_timeout"]
        let seconds = text.flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 1
        return InstanceMetadataCredentialProvider(context: context, transport: transport, profile: profile,
                                                  timeout: .milliseconds(Int(seconds * 1000)))
    }
}
