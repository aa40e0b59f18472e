import AWSCore
import Testing
@testable import CognitoAdmin

@Suite(.timeLimit(.minutes(5))) struct SettingsTests {
    let sample = """
        theme: light
        quotas:
          UserList: 60
          UserUpdate: 20
        profiles:
          prod:
            theme: high-contrast
            read_only: true
            protected: true
            quotas:
              UserUpdate: 5
          dev:
            read_only: false
        """

    @Test func perProfileSettingsOverrideTheGlobalOnes() throws {
        let settings = try Settings.parse(yaml: sample, source: "config.yaml")
        #expect(settings.theme(forProfile: "prod") == "high-contrast")
        #expect(settings.theme(forProfile: "dev") == "light")
        #expect(settings.readOnly(forProfile: "prod"))
        #expect(!settings.readOnly(forProfile: "dev"))
        #expect(!settings.readOnly(forProfile: "other"))
    }

    @Test func aGlobalReadOnlyAppliesToProfilesThatDoNotSay() throws {
        let settings = try Settings.parse(yaml: "read_only: true\nprofiles: { dev: { read_only: false } }", source: "c")
        #expect(settings.readOnly(forProfile: "prod"))
        #expect(!settings.readOnly(forProfile: "dev"))
    }

    @Test func protectedIsPerProfileWithAGlobalDefault() throws {
        let settings = try Settings.parse(yaml: sample, source: "c")
        #expect(settings.isProtected(profile: "prod"))
        #expect(!settings.isProtected(profile: "dev"))
        let everywhere = try Settings.parse(yaml: "protected: true\nprofiles: { sandbox: { protected: false } }", source: "c")
        #expect(everywhere.isProtected(profile: "prod"))
        #expect(!everywhere.isProtected(profile: "sandbox"))
    }

    @Test func aProfilesQuotasMergeWithTheGlobalOnesByCategory() throws {
        let settings = try Settings.parse(yaml: sample, source: "c")
        #expect(settings.quotas(forProfile: "prod") == ["UserList": 60, "UserUpdate": 5])
        #expect(settings.quotas(forProfile: "dev") == ["UserList": 60, "UserUpdate": 20])
    }

    @Test func quotasTakeFractionsAndIdentityPoolCategories() throws {
        let settings = try Settings.parse(yaml: "quotas: { ListIdentities: 2.5 }", source: "c")
        #expect(settings.quotas(forProfile: "any") == ["ListIdentities": 2.5])
    }

    @Test func theQuotasAreAcceptedByTheSessionsRateLimiter() throws {
        let settings = try Settings.parse(yaml: sample, source: "c")
        let limiter = RateLimiter(context: RuntimeContext(environment: [:]))
        try limiter.setRates(settings.quotas(forProfile: "prod"))
        #expect(limiter.configuredRate(category: "UserUpdate") == 5)
        #expect(limiter.configuredRate(category: "UserList") == 60)
    }

    @Test func anUnknownQuotaCategoryNamesTheFileAndLine() throws {
        let yaml = "profiles:\n  prod:\n    quotas:\n      UserLists: 60\n"
        let error = try #require(throws: SettingsError.self) { try Settings.parse(yaml: yaml, source: "/cfg/config.yaml") }
        #expect(error.file == "/cfg/config.yaml")
        #expect(error.line == 4)
        #expect(error.problem.hasPrefix("“UserLists” is not a Cognito quota category (they are "))
        #expect(error.problem.contains("UserList, ") && error.problem.contains("ListIdentities"))
        #expect(error.description.split(separator: "\n").count == 1)
    }

    @Test("a rate that is not a positive number is refused with its line",
          arguments: ["0", "-3", "fast", "true", "\"60\"", "[1]"])
    func badQuotaRate(_ rate: String) throws {
        let error = try #require(throws: SettingsError.self) {
            try Settings.parse(yaml: "theme: light\nquotas:\n  UserList: \(rate)\n", source: "c.yaml")
        }
        #expect(error.line == 3)
        #expect(error.problem.hasPrefix("the rate of “UserList” must be a number of requests per second above zero"))
    }

    @Test func quotasMustBeAMapping() {
        #expect(throws: SettingsError(file: "c", line: 1, problem:
            "“quotas” must map quota categories to requests per second, like UserList: 60")) {
            try Settings.parse(yaml: "quotas: 60\n", source: "c")
        }
    }

    @Test func protectedMustBeABoolean() {
        #expect(throws: SettingsError(file: "c.yaml", line: 3, problem: "“protected” must be true or false")) {
            try Settings.parse(yaml: "profiles:\n  prod:\n    protected: maybe\n", source: "c.yaml")
        }
    }

    @Test func viewsChooseTheColumnsOfAList() throws {
        let settings = try Settings.parse(yaml: "views:\n  users: [username, custom:tenant, enabled]\n", source: "c")
        #expect(settings.views == ["users": ["username", "custom:tenant", "enabled"]])
    }

    @Test("a bad view is refused with its line", arguments: [
        ("views: [users]\n", 1, "“views” must map a list to its columns"),
        ("views:\n  groups: [name]\n", 2, "“groups” is not a list whose columns can be chosen (they are users)"),
        ("views:\n  users: email\n", 2, "the columns of “users” must be a list of fields"),
        ("views:\n  users: []\n", 2, "the columns of “users” must be a list of fields"),
        ("views:\n  users: [email, \"given name\"]\n", 2, "a column of “users” must be a field name"),
    ])
    func badView(_ yaml: String, _ line: Int, _ problem: String) throws {
        let error = try #require(throws: SettingsError.self) { try Settings.parse(yaml: yaml, source: "c") }
        #expect(error.line == line)
        #expect(error.problem.hasPrefix(problem), "\(error.problem)")
    }

    @Test func anEmptyFileMeansNoSettings() throws {
        #expect(try Settings.parse(yaml: "", source: "c") == Settings())
    }

    @Test func aMissingFileMeansNoSettings() throws {
        let settings = try Settings.load(environment: ["HOME": "/home/op"], readFile: { _ in nil })
        #expect(settings == Settings())
    }

    @Test func theFileIsReadFromTheXDGConfigFolder() throws {
        var asked: [String] = []
        _ = try Settings.load(environment: ["HOME": "/home/op", "XDG_CONFIG_HOME": "/cfg"]) { path in
            asked.append(path)
            return "theme: light"
        }
        #expect(asked == ["/cfg/cognito-tui/config.yaml"])
        #expect(Settings.path(environment: ["HOME": "/home/op"]) == "/home/op/.config/cognito-tui/config.yaml")
    }

    @Test func anUnreadableFileIsOneSentenceNamingIt() {
        struct Denied: Error {}
        #expect(throws: SettingsError(file: "/cfg/cognito-tui/config.yaml", line: nil, problem: "it could not be read")) {
            try Settings.load(environment: ["XDG_CONFIG_HOME": "/cfg"]) { _ in throw Denied() }
        }
    }

    @Test func brokenYAMLNamesTheFileAndLine() throws {
        let error = try #require(throws: SettingsError.self) {
            try Settings.parse(yaml: "profiles:\n  prod: [theme\n", source: "/cfg/config.yaml")
        }
        #expect(error.file == "/cfg/config.yaml")
        #expect(error.line != nil)
    }

    @Test func anUnknownSettingIsReportedWithItsLine() {
        #expect(throws: SettingsError(file: "c.yaml", line: 3, problem:
            "unknown setting “readonly” for profile “prod” (expected theme, read_only, protected, quotas)")) {
            try Settings.parse(yaml: "profiles:\n  prod:\n    readonly: true\n", source: "c.yaml")
        }
    }

    @Test func readOnlyMustBeABoolean() {
        #expect(throws: SettingsError(file: "c.yaml", line: 1, problem: "“read_only” must be true or false")) {
            try Settings.parse(yaml: "read_only: sometimes\n", source: "c.yaml")
        }
    }

    @Test func theErrorIsOneSentence() {
        let error = SettingsError(file: "/cfg/config.yaml", line: 2, problem: "“theme” must be a name")
        #expect(error.description == "The settings file /cfg/config.yaml, line 2, is broken: “theme” must be a name.")
    }
}
