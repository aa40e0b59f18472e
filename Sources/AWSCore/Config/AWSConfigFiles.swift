import Foundation

/// The shared `config` and `credentials` files, read as the AWS CLI reads them ("Configuration and
/// credential file settings", AWS CLI User Guide; "Shared config and credentials files", AWS SDKs
/// and Tools Reference Guide).
///
/// In the config file a profile is `[profile NAME]` (or `[default]`), in the credentials file it
/// is `[NAME]`; a profile in both is merged, the credentials file winning key by key. Keys are
/// compared lower-cased, as botocore does; values are kept as written.
public struct AWSConfigFiles: Sendable {
    /// The config file's path, `~` expanded.
    public var configPath: String
    /// The credentials file's path, `~` expanded.
    public var credentialsPath: String
    /// The config file as shown to people (`~/.aws/config`).
    public var configDisplay: String
    /// The credentials file as shown to people (`~/.aws/credentials`).
    public var credentialsDisplay: String
    /// Profiles of the config file by name.
    public var configProfiles: [String: [String: String]] = [:]
    /// Profiles of the credentials file by name.
    public var credentialsProfiles: [String: [String: String]] = [:]
    /// Every profile named in either file, sorted (for pickers).
    public var profileNames: [String] { Set(configProfiles.keys).union(credentialsProfiles.keys).sorted() }
    /// `[sso-session NAME]` sections of the config file.
    public var ssoSessions: [String: [String: String]] = [:]
    /// `[services NAME]` sections: service key (`cognito_identity`) to its settings.
    public var services: [String: [String: [String: String]]] = [:]
    /// Config-file sections that are none of the above (`[plugins]`, or a mistaken `[dev]`).
    public var otherConfigSections: [String] = []

    /// Neither file exists.
    public init(configPath: String = "~/.aws/config", credentialsPath: String = "~/.aws/credentials") {
        self.configPath = configPath
        self.credentialsPath = credentialsPath
        self.configDisplay = configPath
        self.credentialsDisplay = credentialsPath
    }

    /// Parses the two files' text; nil text means the file does not exist.
    public init(configText: String?, credentialsText: String?,
                configPath: String = "~/.aws/config", credentialsPath: String = "~/.aws/credentials",
                configDisplay: String? = nil, credentialsDisplay: String? = nil) throws {
        self.init(configPath: configPath, credentialsPath: credentialsPath)
        self.configDisplay = configDisplay ?? configPath
        self.credentialsDisplay = credentialsDisplay ?? credentialsPath
        if let configText {
            readConfig(try Self.parse(configText, file: self.configDisplay))
        }
        if let credentialsText {
            for section in try Self.parse(credentialsText, file: self.credentialsDisplay).sections {
                credentialsProfiles[section.name] = Self.values(section)
            }
        }
    }

    /// Reads the files named by `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE` (default
    /// `~/.aws/config` and `~/.aws/credentials`) through `context.files`; a missing file is empty.
    public static func load(context: RuntimeContext) throws -> AWSConfigFiles {
        let configPath = context.expandingTilde(context.env("AWS_CONFIG_FILE") ?? "~/.aws/config")
        let credentialsPath = context.expandingTilde(
            context.env("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials")
        let configDisplay = displayPath(configPath, context: context)
        let credentialsDisplay = displayPath(credentialsPath, context: context)
        return try AWSConfigFiles(
            configText: try readText(configPath, display: configDisplay, context: context),
            credentialsText: try readText(credentialsPath, display: credentialsDisplay, context: context),
            configPath: configPath, credentialsPath: credentialsPath,
            configDisplay: configDisplay, credentialsDisplay: credentialsDisplay)
    }

    /// The profile's settings, config file merged with credentials file; nil when in neither.
    public func profile(_ name: String) -> [String: String]? {
        let config = configProfiles[name]
        let credentials = credentialsProfiles[name]
        if config == nil && credentials == nil { return nil }
        return (config ?? [:]).merging(credentials ?? [:]) { _, fromCredentials in fromCredentials }
    }

    /// Whether either file has the profile.
    public func hasProfile(_ name: String) -> Bool {
        configProfiles[name] != nil || credentialsProfiles[name] != nil
    }

    /// Where a profile's setting comes from, for messages: the file shown to people.
    public func origin(of key: String, inProfile name: String) -> String {
        credentialsProfiles[name]?[key] != nil ? credentialsDisplay : configDisplay
    }

    /// `~/...` for paths under the home folder.
    public static func displayPath(_ path: String, context: RuntimeContext) -> String {
        let home = context.homeDirectory
        guard !home.isEmpty, home != "/", path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    // MARK: Reading

    private mutating func readConfig(_ document: INIDocument) {
        for section in document.sections {
            let words = section.name.split(separator: " ", maxSplits: 1).map(String.init)
            let kind = words.first ?? ""
            let name = words.count == 2 ? Self.unquoted(words[1]) : nil
            switch (kind, name) {
            case ("default", nil):
                configProfiles["default"] = Self.values(section)
            case ("profile", let name?):
                configProfiles[name] = Self.values(section)
            case ("sso-session", let name?):
                ssoSessions[name] = Self.values(section)
            case ("services", let name?):
                var byService: [String: [String: String]] = [:]
                for entry in section.entries {
                    guard let subsection = entry.subsection else { continue }
                    byService[entry.key.lowercased()] = Dictionary(
                        subsection.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
                }
                services[name] = byService
            default:
                otherConfigSections.append(section.name)
            }
        }
    }

    /// A section's plain settings, keys lower-cased; indented sub-sections are left out.
    private static func values(_ section: INISection) -> [String: String] {
        var values: [String: String] = [:]
        for entry in section.entries where entry.subsection == nil {
            values[entry.key.lowercased()] = entry.value
        }
        return values
    }

    /// `"my profile"` → `my profile`, as botocore's shell-style split allows.
    private static func unquoted(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for quote in ["\"", "'"] where trimmed.count >= 2 && trimmed.hasPrefix(quote) && trimmed.hasSuffix(quote) {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }

    private static func parse(_ text: String, file: String) throws -> INIDocument {
        do {
            return try INIParser.parse(text, file: file)
        } catch let error as INIParseError {
            throw AWSClientError.configuration(error.description)
        }
    }

    private static func readText(_ path: String, display: String, context: RuntimeContext) throws -> String? {
        let data: Data?
        do {
            data = try context.files.read(path)
        } catch {
            throw AWSClientError.configuration("\(display) could not be read: \(error.localizedDescription)")
        }
        guard let data else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AWSClientError.configuration("\(display) is not UTF-8 text.")
        }
        return text
    }
}
