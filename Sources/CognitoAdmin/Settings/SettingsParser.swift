import AWSCore
import Yams

/// Reads `config.yaml` into `Settings`: Yams does the YAML, this checks the meaning and names
/// the line of anything wrong. Pure; file access lives in `Settings.load`.
struct SettingsParser {
    /// Names the file in errors.
    let source: String
    /// The categories `quotas:` may name and their default rates.
    let quotaTable: QuotaTable

    /// The keys allowed both at the top and inside a profile.
    static let profileKeys = ["theme", "read_only", "protected", "quotas"]

    func parse(yaml: String) throws(SettingsError) -> Settings {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw SettingsError(file: source, yamlError: error)
        } catch {
            throw fail("it is not valid YAML", nil)
        }
        guard let root else { return Settings() }  // an empty file
        guard let top = root.mapping else { throw fail("expected a mapping of settings", root) }
        var settings = Settings()
        for (key, value) in top {
            if key.string == "profiles" {
                settings.profiles = try profiles(value)
            } else if key.string == "views" {
                settings.views = try views(value)
            } else if key.string == "plugins" {
                settings.plugins = try plugins(value)
            } else {
                try read(key, value, into: &settings.defaults, known: Self.profileKeys + ["profiles", "views", "plugins"], owner: nil)
            }
        }
        return settings
    }

    private func profiles(_ node: Node) throws(SettingsError) -> [String: ProfileSettings] {
        guard let entries = node.mapping else { throw fail("“profiles” must map profile names to settings", node) }
        var out: [String: ProfileSettings] = [:]
        for (nameNode, profileNode) in entries {
            let name = nameNode.string ?? ""
            guard let keys = profileNode.mapping else {
                throw fail("the settings of profile “\(name)” must be a mapping", profileNode)
            }
            var profile = ProfileSettings()
            for (key, value) in keys {
                try read(key, value, into: &profile, known: Self.profileKeys, owner: name)
            }
            out[name] = profile
        }
        return out
    }

    /// Reads one key of the top level or of a profile (`owner`).
    private func read(_ key: Node, _ value: Node, into settings: inout ProfileSettings, known: [String],
                      owner: String?) throws(SettingsError) {
        switch key.string {
        case "theme": settings.theme = try name(value, "theme")
        case "read_only": settings.readOnly = try flag(value, "read_only")
        case "protected": settings.protected = try flag(value, "protected")
        case "quotas": settings.quotas = try quotas(value)
        default:
            let place = owner.map { " for profile “\($0)”" } ?? ""
            throw fail("unknown setting “\(key.string ?? "?")”\(place) (expected \(known.joined(separator: ", ")))", key)
        }
    }

    /// `views:` maps a list (`users`) to the fields its columns show, in order.
    private func views(_ node: Node) throws(SettingsError) -> [String: [String]] {
        guard let entries = node.mapping else {
            throw fail("“views” must map a list to its columns, like users: [username, email, custom:tenant]", node)
        }
        var out: [String: [String]] = [:]
        for (key, value) in entries {
            let name = key.string ?? ""
            guard Settings.viewNames.contains(name) else {
                throw fail("“\(name)” is not a list whose columns can be chosen (they are \(Settings.viewNames.joined(separator: ", ")))", key)
            }
            guard let items = value.sequence, !items.isEmpty else {
                throw fail("the columns of “\(name)” must be a list of fields, like [username, email, status]", value)
            }
            var fields: [String] = []
            for item in items {
                guard let field = item.scalar?.string, !field.isEmpty, !field.contains(where: \.isWhitespace) else {
                    throw fail("a column of “\(name)” must be a field name, like email or custom:tenant", item)
                }
                fields.append(field)
            }
            out[name] = fields
        }
        return out
    }

    /// `quotas:` maps quota categories of the table to positive request rates.
    private func quotas(_ node: Node) throws(SettingsError) -> [String: Double] {
        guard let entries = node.mapping else {
            throw fail("“quotas” must map quota categories to requests per second, like UserList: 60", node)
        }
        var out: [String: Double] = [:]
        for (key, value) in entries {
            let category = key.string ?? ""
            guard quotaTable.rates[category] != nil else {
                throw fail("“\(category)” is not a Cognito quota category (they are \(quotaTable.categoryNames.joined(separator: ", ")))", key)
            }
            guard let rate = number(value), rate.isFinite, rate > 0 else {
                throw fail("the rate of “\(category)” must be a number of requests per second above zero, got “\(value.string ?? "?")”", value)
            }
            out[category] = rate
        }
        return out
    }

    /// A plain YAML number: `60`, `2.5`; nil for anything else (strings, booleans, quoted numbers).
    private func number(_ node: Node) -> Double? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        if let integer = node.int { return Double(integer) }
        return node.float
    }

    private func name(_ node: Node, _ key: String) throws(SettingsError) -> String {
        guard let scalar = node.scalar, !scalar.string.isEmpty else { throw fail("“\(key)” must be a name", node) }
        return scalar.string
    }

    private func flag(_ node: Node, _ key: String) throws(SettingsError) -> Bool {
        guard let value = node.bool else { throw fail("“\(key)” must be true or false", node) }
        return value
    }

    func fail(_ problem: String, _ node: Node?) -> SettingsError {
        SettingsError(file: source, line: node?.mark?.line, problem: problem)
    }
}
