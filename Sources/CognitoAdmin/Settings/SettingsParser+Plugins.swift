import Yams

/// `plugins:` of config.yaml (see `PluginSetting`).
extension SettingsParser {
    static let pluginKeys = ["key", "scopes", "description", "command", "args", "confirm", "dangerous"]

    func plugins(_ node: Node) throws(SettingsError) -> [PluginSetting] {
        guard let entries = node.mapping else {
            throw fail("“plugins” must map plugin names to their key, scopes and command", node)
        }
        var out: [PluginSetting] = []
        for (nameNode, body) in entries {
            let name = nameNode.string ?? ""
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw fail("a plugin's name must be letters, digits, - or _, got “\(name)”", nameNode)
            }
            guard let keys = body.mapping else { throw fail("plugin “\(name)” must be a mapping of key, scopes, command, …", body) }
            var key: String?, command: String?, description: String?
            var scopes: [String]?, arguments: [String] = []
            var confirm = false, dangerous = false
            for (field, value) in keys {
                switch field.string {
                case "key": key = try text(value, "key of plugin “\(name)”")
                case "command": command = try text(value, "command of plugin “\(name)”")
                case "description": description = try text(value, "description of plugin “\(name)”")
                case "scopes": scopes = try words(value, "scopes of plugin “\(name)”", nonEmpty: true)
                case "args": arguments = try words(value, "args of plugin “\(name)”", nonEmpty: false)
                case "confirm": confirm = try boolean(value, "confirm of plugin “\(name)”")
                case "dangerous": dangerous = try boolean(value, "dangerous of plugin “\(name)”")
                default:
                    throw fail("unknown setting “\(field.string ?? "?")” of plugin “\(name)” (expected \(Self.pluginKeys.joined(separator: ", ")))", field)
                }
            }
            guard let key else { throw fail("plugin “\(name)” needs a key", nameNode) }
            guard let command else { throw fail("plugin “\(name)” needs a command", nameNode) }
            guard let scopes else { throw fail("plugin “\(name)” needs scopes, like [users] or [all]", nameNode) }
            out.append(PluginSetting(name: name, key: key, scopes: scopes, description: description ?? command, command: command,
                                     arguments: arguments, confirm: confirm, dangerous: dangerous, line: nameNode.mark?.line))
        }
        return out
    }

    private func text(_ node: Node, _ what: String) throws(SettingsError) -> String {
        guard let scalar = node.scalar, !scalar.string.isEmpty else { throw fail("the \(what) must be text", node) }
        return scalar.string
    }

    private func boolean(_ node: Node, _ what: String) throws(SettingsError) -> Bool {
        guard let value = node.bool else { throw fail("the \(what) must be true or false", node) }
        return value
    }

    private func words(_ node: Node, _ what: String, nonEmpty: Bool) throws(SettingsError) -> [String] {
        guard let items = node.sequence, !(nonEmpty && items.isEmpty) else { throw fail("the \(what) must be a list, like [a, b]", node) }
        var out: [String] = []
        for item in items {
            guard let scalar = item.scalar else { throw fail("the \(what) must be a list of text", item) }
            out.append(scalar.string)
        }
        return out
    }
}
