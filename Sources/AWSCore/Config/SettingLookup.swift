/// A setting's value and where it was found, so that a bad value can be reported in one sentence
/// that names both.
struct Setting: Sendable, Equatable {
    var value: String
    /// Where it came from, as a phrase: `--region`, `AWS_REGION`, or
    /// "`region` in profile `dev` of ~/.aws/config".
    var origin: Origin

    enum Origin: Sendable, Equatable {
        case flag(String)
        case environment(String)
        case file(String)

        var phrase: String {
            switch self {
            case .flag(let text), .environment(let text), .file(let text): return text
            }
        }
    }

    /// "The `name` setting must be `rule`, but `origin` is `value`."
    func invalid(_ name: String, _ rule: String) -> AWSClientError {
        .configuration("The \(name) setting must be \(rule), but \(origin.phrase) is `\(value)`.")
    }
}

/// Looks a setting up in the environment, then in the selected profile.
struct SettingLookup: Sendable {
    var context: RuntimeContext
    var files: AWSConfigFiles
    var profileName: String
    /// The profile's merged settings.
    var profile: [String: String]

    /// The first non-empty environment variable of `env`, else the profile's `key`.
    func find(env: [String], key: String?) -> Setting? {
        for name in env {
            if let value = context.env(name) { return Setting(value: value, origin: .environment(name)) }
        }
        guard let key, let value = profile[key] else { return nil }
        return Setting(value: value, origin: .file(describe(key)))
    }

    /// "`key` in profile `name` of <file>".
    func describe(_ key: String) -> String {
        "`\(key)` in profile `\(profileName)` of \(files.origin(of: key, inProfile: profileName))"
    }

    /// The `endpoint_url` of the service's sub-section in the `[services NAME]` section the
    /// profile names with `services = NAME`.
    /// - Throws: when the profile names a services section that does not exist.
    func servicesSetting(_ service: AWSServiceID) throws -> Setting? {
        guard let sectionName = profile["services"] else { return nil }
        guard let section = files.services[sectionName] else {
            throw AWSClientError.configuration(
                "The profile `\(profileName)` uses `services = \(sectionName)`, but \(files.configDisplay) "
                + "has no `[services \(sectionName)]` section.")
        }
        guard let value = section[service.configKey]?["endpoint_url"] else { return nil }
        return Setting(value: value, origin: .file(
            "`endpoint_url` under `\(service.configKey)` in `[services \(sectionName)]` of \(files.configDisplay)"))
    }
}
