import AWSCore
import Foundation

/// What cognito-tui's settings file says about one AWS profile, or about every profile when the
/// keys are at the top of the file. A nil member means "not said here".
public struct ProfileSettings: Sendable, Equatable {
    /// The console's theme, by name.
    public var theme: String?
    /// Refuse every operation that changes data.
    public var readOnly: Bool?
    /// Every change asks for the resource's name to be typed.
    public var protected: Bool?
    /// Requests per second by Cognito quota category (`UserList: 60`), replacing the defaults
    /// of `QuotaTable.cognito` for the categories named.
    public var quotas: [String: Double]

    public init(theme: String? = nil, readOnly: Bool? = nil, protected: Bool? = nil, quotas: [String: Double] = [:]) {
        self.theme = theme
        self.readOnly = readOnly
        self.protected = protected
        self.quotas = quotas
    }
}

/// cognito-tui's own settings, from `$XDG_CONFIG_HOME/cognito-tui/config.yaml`:
///
/// ```yaml
/// theme: default            # every key at the top applies to profiles that do not say
/// read_only: false
/// quotas:                   # requests per second by Cognito quota category
///   UserList: 60
/// views:                    # the columns of a list, any attribute included
///   users: [username, email, custom:tenant, status, created]
/// plugins:                  # commands of the operator's own on keys (see `PluginSetting`)
///   trail: { key: b, scopes: [users], command: trail, args: [$USERNAME] }
/// profiles:
///   prod:
///     theme: high-contrast
///     protected: true       # every change asks for the resource's name
///     quotas: { UserUpdate: 10 }
/// ```
/// Every key is optional and a missing file means no settings. The console and every
/// subcommand read the same file, so a profile is read-only or protected wherever it is used.
public struct Settings: Sendable, Equatable {
    /// The keys at the top of the file: they apply to every profile that does not say otherwise.
    public var defaults: ProfileSettings
    /// Per-profile settings, by profile name.
    public var profiles: [String: ProfileSettings]
    /// The columns chosen for a list (`views: { users: [username, email, custom:tenant] }`), by
    /// the list's name in `viewNames`.
    public var views: [String: [String]]
    /// The operator's own commands on keys of the console (`plugins:`), in the file's order.
    public var plugins: [PluginSetting]

    /// The lists whose columns `views:` can choose.
    public static let viewNames = ["users"]

    public init(defaults: ProfileSettings = ProfileSettings(), profiles: [String: ProfileSettings] = [:],
                views: [String: [String]] = [:], plugins: [PluginSetting] = []) {
        self.defaults = defaults
        self.profiles = profiles
        self.views = views
        self.plugins = plugins
    }

    /// The settings that apply to `profile`: each of its own keys, else the top-level one.
    /// Quotas merge by category, the profile's rate winning.
    public func resolved(forProfile profile: String) -> ProfileSettings {
        let own = profiles[profile] ?? ProfileSettings()
        return ProfileSettings(theme: own.theme ?? defaults.theme,
                               readOnly: own.readOnly ?? defaults.readOnly ?? false,
                               protected: own.protected ?? defaults.protected ?? false,
                               quotas: defaults.quotas.merging(own.quotas) { _, profiles in profiles })
    }

    /// The theme for `profile`: its own, else the global one, else nil (the default theme).
    public func theme(forProfile profile: String) -> String? {
        resolved(forProfile: profile).theme
    }

    /// Whether `profile` is read-only by configuration.
    public func readOnly(forProfile profile: String) -> Bool {
        resolved(forProfile: profile).readOnly ?? false
    }

    /// Whether every change on `profile` asks for the resource's name to be typed.
    public func isProtected(profile: String) -> Bool {
        resolved(forProfile: profile).protected ?? false
    }

    /// The request rates `profile` sets by quota category, for `AWSSession(rateLimits:)`.
    public func quotas(forProfile profile: String) -> [String: Double] {
        resolved(forProfile: profile).quotas
    }

    /// The settings file's path: `$XDG_CONFIG_HOME/cognito-tui/config.yaml`, or under `~/.config`.
    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/cognito-tui/config.yaml" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/cognito-tui/config.yaml" }
        return nil
    }

    /// Loads the settings file; empty settings when there is none.
    /// - Parameters:
    ///   - environment: for `XDG_CONFIG_HOME` and `HOME`.
    ///   - files: reads the file (nil when it does not exist).
    ///   - quotaTable: the categories `quotas:` may name.
    /// - Throws: `SettingsError` naming the file, the line and the problem.
    public static func load(environment: [String: String], files: any FileAccess = LocalFiles(),
                            quotaTable: QuotaTable = .cognito) throws(SettingsError) -> Settings {
        try load(environment: environment, quotaTable: quotaTable) { path in
            try files.read(path).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Loads the settings file through `readFile`, which returns nil when the file does not exist.
    public static func load(environment: [String: String], quotaTable: QuotaTable = .cognito,
                            readFile: (String) throws -> String?) throws(SettingsError) -> Settings {
        guard let path = path(environment: environment) else { return Settings() }
        let text: String?
        do {
            text = try readFile(path)
        } catch {
            throw SettingsError(file: path, line: nil, problem: "it could not be read")
        }
        guard let text else { return Settings() }
        return try SettingsParser(source: path, quotaTable: quotaTable).parse(yaml: text)
    }

    /// Parses settings from YAML text (pure); `source` names the file in errors.
    public static func parse(yaml: String, source: String, quotaTable: QuotaTable = .cognito) throws(SettingsError) -> Settings {
        try SettingsParser(source: source, quotaTable: quotaTable).parse(yaml: yaml)
    }
}
