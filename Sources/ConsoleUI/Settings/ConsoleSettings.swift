import Foundation
import Yams

/// The project's own settings, from `$XDG_CONFIG_HOME/cognito-tui/config.yaml`:
///
/// ```yaml
/// theme: default            # the theme when no profile says otherwise
/// read_only: false          # refuse mutations for every profile
/// profiles:
///   prod:
///     theme: high-contrast  # e.g. a loud header on production
///     read_only: true
/// ```
/// Every key is optional; a missing file means no settings.
public struct ConsoleSettings: Sendable, Equatable {
    /// Settings for one AWS profile.
    public struct Profile: Sendable, Equatable {
        public var theme: String?
        public var readOnly: Bool?
        public init(theme: String? = nil, readOnly: Bool? = nil) {
            self.theme = theme
            self.readOnly = readOnly
        }
    }

    /// The theme for profiles that do not name one.
    public var theme: String?
    /// Read-only for profiles that do not say.
    public var readOnly: Bool?
    /// Per-profile settings, by profile name.
    public var profiles: [String: Profile]

    public init(theme: String? = nil, readOnly: Bool? = nil, profiles: [String: Profile] = [:]) {
        self.theme = theme
        self.readOnly = readOnly
        self.profiles = profiles
    }

    /// The theme for `profile`: its own, else the global one, else nil (the default theme).
    public func theme(forProfile profile: String) -> String? {
        profiles[profile]?.theme ?? theme
    }

    /// Whether `profile` is read-only by configuration.
    public func readOnly(forProfile profile: String) -> Bool {
        profiles[profile]?.readOnly ?? readOnly ?? false
    }

    /// The settings file's path: `$XDG_CONFIG_HOME/cognito-tui/config.yaml`, or under `~/.config`.
    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/cognito-tui/config.yaml" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/cognito-tui/config.yaml" }
        return nil
    }

    /// Loads the settings file; empty settings when there is none.
    /// - Parameters:
    ///   - environment: For `XDG_CONFIG_HOME` and `HOME`.
    ///   - readFile: Reads a file; nil when it does not exist.
    /// - Throws: `SettingsError` naming the file, line and problem.
    public static func load(environment: [String: String],
                            readFile: (String) throws -> String? = ThemeLoader.readFromDisk) throws(SettingsError) -> ConsoleSettings {
        guard let path = path(environment: environment) else { return ConsoleSettings() }
        let text: String?
        do {
            text = try readFile(path)
        } catch {
            throw SettingsError(file: path, line: nil, problem: "it could not be read")
        }
        guard let text else { return ConsoleSettings() }
        return try parse(yaml: text, source: path)
    }

    /// Parses settings from YAML text (pure); `source` names the file in errors.
    public static func parse(yaml: String, source: String) throws(SettingsError) -> ConsoleSettings {
        func fail(_ problem: String, _ node: Node?) -> SettingsError {
            SettingsError(file: source, line: node?.mark?.line, problem: problem)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw SettingsError(file: source, yamlError: error)
        } catch {
            throw fail("it is not valid YAML", nil)
        }
        guard let root else { return ConsoleSettings() }  // an empty file
        guard let top = root.mapping else { throw fail("expected a mapping of settings", root) }
        var settings = ConsoleSettings()
        for (key, value) in top {
            switch key.string {
            case "theme": settings.theme = try text(value, "theme", fail)
            case "read_only": settings.readOnly = try flag(value, "read_only", fail)
            case "profiles":
                guard let profiles = value.mapping else { throw fail("“profiles” must map profile names to settings", value) }
                for (nameNode, profileNode) in profiles {
                    let name = nameNode.string ?? ""
                    guard let entries = profileNode.mapping else {
                        throw fail("the settings of profile “\(name)” must be a mapping", profileNode)
                    }
                    var profile = Profile()
                    for (entryKey, entryValue) in entries {
                        switch entryKey.string {
                        case "theme": profile.theme = try text(entryValue, "theme", fail)
                        case "read_only": profile.readOnly = try flag(entryValue, "read_only", fail)
                        default:
                            throw fail("unknown setting “\(entryKey.string ?? "?")” for profile “\(name)” (expected theme, read_only)", entryKey)
                        }
                    }
                    settings.profiles[name] = profile
                }
            default:
                throw fail("unknown setting “\(key.string ?? "?")” (expected theme, read_only, profiles)", key)
            }
        }
        return settings
    }

    private static func text(_ node: Node, _ key: String, _ fail: (String, Node?) -> SettingsError) throws(SettingsError) -> String {
        guard let scalar = node.scalar, !scalar.string.isEmpty else { throw fail("“\(key)” must be a name", node) }
        return scalar.string
    }

    private static func flag(_ node: Node, _ key: String, _ fail: (String, Node?) -> SettingsError) throws(SettingsError) -> Bool {
        guard let value = node.bool else { throw fail("“\(key)” must be true or false", node) }
        return value
    }
}
