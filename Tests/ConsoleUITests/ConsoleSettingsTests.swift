import Testing
@testable import ConsoleUI

@Suite struct ConsoleSettingsTests {
    let sample = """
        theme: light
        profiles:
          prod:
            theme: high-contrast
            read_only: true
          dev:
            read_only: false
        """

    @Test func perProfileSettingsOverrideTheGlobalOnes() throws {
        let settings = try ConsoleSettings.parse(yaml: sample, source: "config.yaml")
        #expect(settings.theme(forProfile: "prod") == "high-contrast")
        #expect(settings.theme(forProfile: "dev") == "light")
        #expect(settings.readOnly(forProfile: "prod"))
        #expect(!settings.readOnly(forProfile: "dev"))
        #expect(!settings.readOnly(forProfile: "other"))
    }

    @Test func aGlobalReadOnlyAppliesToProfilesThatDoNotSay() throws {
        let settings = try ConsoleSettings.parse(yaml: "read_only: true\nprofiles: { dev: { read_only: false } }", source: "c")
        #expect(settings.readOnly(forProfile: "prod"))
        #expect(!settings.readOnly(forProfile: "dev"))
    }

    @Test func anEmptyFileMeansNoSettings() throws {
        #expect(try ConsoleSettings.parse(yaml: "", source: "c") == ConsoleSettings())
    }

    @Test func aMissingFileMeansNoSettings() throws {
        let settings = try ConsoleSettings.load(environment: ["HOME": "/home/op"], readFile: { _ in nil })
        #expect(settings == ConsoleSettings())
    }

    @Test func theFileIsReadFromTheXDGConfigFolder() throws {
        var asked: [String] = []
        _ = try ConsoleSettings.load(environment: ["HOME": "/home/op", "XDG_CONFIG_HOME": "/cfg"]) { path in
            asked.append(path)
            return "theme: light"
        }
        #expect(asked == ["/cfg/cognito-tui/config.yaml"])
        #expect(ConsoleSettings.path(environment: ["HOME": "/home/op"]) == "/home/op/.config/cognito-tui/config.yaml")
    }

    @Test func brokenYAMLNamesTheFileAndLine() {
        #expect(throws: SettingsError.self) {
            try ConsoleSettings.parse(yaml: "profiles:\n  prod: [theme\n", source: "/cfg/config.yaml")
        }
    }

    @Test func anUnknownSettingIsReportedWithItsLine() {
        #expect(throws: SettingsError(file: "c.yaml", line: 3, problem:
            "unknown setting “readonly” for profile “prod” (expected theme, read_only)")) {
            try ConsoleSettings.parse(yaml: "profiles:\n  prod:\n    readonly: true\n", source: "c.yaml")
        }
    }

    @Test func readOnlyMustBeABoolean() {
        #expect(throws: SettingsError(file: "c.yaml", line: 1, problem: "“read_only” must be true or false")) {
            try ConsoleSettings.parse(yaml: "read_only: sometimes\n", source: "c.yaml")
        }
    }

    @Test func theErrorIsOneSentence() {
        let error = SettingsError(file: "/cfg/config.yaml", line: 2, problem: "“theme” must be a name")
        #expect(error.description == "The settings file /cfg/config.yaml, line 2, is broken: “theme” must be a name.")
    }
}
