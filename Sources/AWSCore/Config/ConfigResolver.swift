import Foundation

/// Settings given on the command line; each beats the environment and the files.
public struct ConfigOverrides: Sendable {
    /// `--profile`.
    public var profile: String?
    /// `--region`.
    public var region: String?
    /// `--endpoint-url`. The resolver applies it to every service; a caller that wants the AWS
    /// CLI's rule (the flag reaches only the service called, not the STS or IAM Identity Center
    /// calls behind credentials) passes nil here and applies the flag itself, as `AWSSession` does.
    public var endpointURL: String?

    public init(profile: String? = nil, region: String? = nil, endpointURL: String? = nil) {
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
    }
}

/// Resolves the profile, region, endpoints and retry settings with the AWS CLI's precedence:
/// flags, then environment variables, then the profile in the shared files ("Configuration
/// settings and precedence", AWS CLI User Guide).
public struct ConfigResolver: Sendable {
    public var context: RuntimeContext

    public init(context: RuntimeContext) {
        self.context = context
    }

    /// Reads the shared files through the context and resolves every setting.
    /// - Throws: `AWSClientError.configuration` for a broken file, a named profile that does not
    ///   exist, or a setting with an unusable value.
    public func resolve(_ overrides: ConfigOverrides) throws -> ResolvedConfig {
        try resolve(overrides, files: AWSConfigFiles.load(context: context))
    }

    /// Resolves every setting against files already read.
    public func resolve(_ overrides: ConfigOverrides, files: AWSConfigFiles) throws -> ResolvedConfig {
        let (profileName, namedBy) = selectProfile(overrides)
        // botocore tolerates a missing `default` even when it is named.
        if let namedBy, profileName != "default", !files.hasProfile(profileName) {
            var message = "The profile `\(profileName)` (named by \(namedBy)) is not in "
                + "\(files.configDisplay) or \(files.credentialsDisplay)."
            if files.otherConfigSections.contains(profileName) {
                message += " \(files.configDisplay) has a section `[\(profileName)]`, but profiles there "
                    + "are written `[profile \(profileName)]`."
            }
            throw AWSClientError.configuration(message)
        }
        let lookup = SettingLookup(context: context, files: files, profileName: profileName,
                                   profile: files.profile(profileName) ?? [:])
        var config = ResolvedConfig(profileName: profileName, profileNamedExplicitly: namedBy != nil,
                                    profile: lookup.profile, files: files)
        config.region = try resolveRegion(overrides, lookup)
        config.endpoints = try resolveEndpoints(overrides, lookup)
        if let setting = lookup.find(env: ["AWS_MAX_ATTEMPTS"], key: "max_attempts") {
            guard let attempts = Int(setting.value), attempts >= 1 else {
                throw setting.invalid("max_attempts", "a whole number of at least 1")
            }
            config.maxAttempts = attempts
        }
        if let setting = lookup.find(env: ["AWS_RETRY_MODE"], key: "retry_mode") {
            guard let mode = RetryMode(rawValue: setting.value) else {
                throw setting.invalid("retry_mode", "standard, legacy or adaptive")
            }
            config.retryMode = mode
        }
        if let setting = lookup.find(env: ["AWS_CA_BUNDLE"], key: "ca_bundle") {
            config.caBundle = context.expandingTilde(setting.value)
        }
        return config
    }

    /// The profile and what named it: `--profile`, then `AWS_DEFAULT_PROFILE`, then `AWS_PROFILE`
    /// (botocore searches the two variables in that order), else `default`, named by nothing.
    func selectProfile(_ overrides: ConfigOverrides) -> (String, String?) {
        if let flag = overrides.profile, !flag.isEmpty { return (flag, "--profile") }
        for name in ["AWS_DEFAULT_PROFILE", "AWS_PROFILE"] {
            if let value = context.env(name) { return (value, name) }
        }
        return ("default", nil)
    }

    private func resolveRegion(_ overrides: ConfigOverrides, _ lookup: SettingLookup) throws -> String? {
        let setting = overrides.region.flatMap { $0.isEmpty ? nil : Setting(value: $0, origin: .flag("--region")) }
            ?? lookup.find(env: ["AWS_REGION", "AWS_DEFAULT_REGION"], key: "region")
        guard let setting else { return nil }
        // A region must be a DNS label (botocore's `validate_region_name`).
        let characters = setting.value.unicodeScalars
        let valid = !setting.value.isEmpty && characters.count <= 63
            && characters.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
            && !setting.value.hasPrefix("-") && !setting.value.hasSuffix("-")
            && !characters.allSatisfy { ("0"..."9").contains($0) }
        guard valid else { throw setting.invalid("region", "a region name such as us-east-1") }
        return setting.value
    }

    /// Per service: `--endpoint-url`; else, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` or
    /// `ignore_configured_endpoint_urls` is true, `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`,
    /// the profile's `[services]` sub-section, then the profile's `endpoint_url`
    /// ("Service-specific endpoints", AWS SDKs and Tools Reference Guide).
    private func resolveEndpoints(_ overrides: ConfigOverrides, _ lookup: SettingLookup) throws -> [AWSServiceID: String] {
        var endpoints: [AWSServiceID: String] = [:]
        if let flag = overrides.endpointURL, !flag.isEmpty {
            let setting = Setting(value: flag, origin: .flag("--endpoint-url"))
            try Self.validateEndpoint(setting)
            for service in AWSServiceID.allCases { endpoints[service] = flag }
            return endpoints
        }
        let ignore = lookup.find(env: ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"], key: "ignore_configured_endpoint_urls")
        if ignore?.value.lowercased() == "true" { return endpoints }
        for service in AWSServiceID.allCases {
            var setting = lookup.find(env: [service.endpointEnvironmentVariable, "AWS_ENDPOINT_URL"], key: nil)
            if setting == nil { setting = try lookup.servicesSetting(service) }
            if setting == nil { setting = lookup.find(env: [], key: "endpoint_url") }
            guard let setting else { continue }
            try Self.validateEndpoint(setting)
            endpoints[service] = setting.value
        }
        return endpoints
    }

    private static func validateEndpoint(_ setting: Setting) throws {
        guard Endpoint(url: setting.value) != nil else {
            throw setting.invalid("endpoint_url", "an http or https URL with a host and no path")
        }
    }
}
