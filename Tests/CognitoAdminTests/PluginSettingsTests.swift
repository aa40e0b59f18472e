import Testing
@testable import CognitoAdmin

/// `plugins:` in config.yaml.
@Suite("Plugins in the settings file", .timeLimit(.minutes(5)))
struct PluginSettingsTests {
    @Test("a plugin's key, scopes, description, command, args, confirm and dangerous are read in order")
    func readsPlugins() throws {
        let settings = try Settings.parse(yaml: """
            plugins:
              trail:
                key: b
                scopes: [users, groups]
                description: the user's trail
                command: /usr/local/bin/trail
                args: [--user, $USERNAME]
                confirm: true
              wipe:
                key: ctrl-w
                scopes: [all]
                command: wipe
                dangerous: true
            """, source: "c.yaml")
        #expect(settings.plugins == [
            PluginSetting(name: "trail", key: "b", scopes: ["users", "groups"], description: "the user's trail",
                          command: "/usr/local/bin/trail", arguments: ["--user", "$USERNAME"], confirm: true, line: 2),
            PluginSetting(name: "wipe", key: "ctrl-w", scopes: ["all"], description: "wipe", command: "wipe",
                          dangerous: true, line: 9),
        ])
    }

    @Test("an unknown member, a missing command and a bad flag are each one sentence with the line")
    func refusesBrokenPlugins() {
        #expect(throws: SettingsError(file: "c.yaml", line: 4, problem:
            "unknown setting “shortcut” of plugin “trail” (expected key, scopes, description, command, args, confirm, dangerous)")) {
            try Settings.parse(yaml: "plugins:\n  trail:\n    key: b\n    shortcut: b\n", source: "c.yaml")
        }
        #expect(throws: SettingsError(file: "c.yaml", line: 2, problem: "plugin “trail” needs a command")) {
            try Settings.parse(yaml: "plugins:\n  trail:\n    key: b\n    scopes: [users]\n", source: "c.yaml")
        }
        #expect(throws: SettingsError(file: "c.yaml", line: 3, problem: "the confirm of plugin “trail” must be true or false")) {
            try Settings.parse(yaml: "plugins:\n  trail:\n    confirm: maybe\n", source: "c.yaml")
        }
    }
}
