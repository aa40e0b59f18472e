import ConsoleModel
import Testing

@Suite("The : palette: commands, aliases, completion")
struct CommandPaletteTests {
    @Test("aliases name the same command as the full name", arguments: [
        ("userpools", PaletteCommand.userPools), ("up", .userPools), ("idpools", .identityPools), ("ip", .identityPools),
        ("identities", .identities), ("ids", .identities), ("users", .users(nil)), ("groups", .groups),
        ("clients", .clients), ("q", .quit), ("quit", .quit), ("UP", .userPools),
    ])
    func aliases(text: String, command: PaletteCommand) throws {
        #expect(try CommandPalette.parse(text) == command)
    }

    @Test("profile, region and theme take one name, or none to open the picker")
    func arguments() throws {
        #expect(try CommandPalette.parse("profile prod") == .profile("prod"))
        #expect(try CommandPalette.parse("  region eu-west-1 ") == .region("eu-west-1"))
        #expect(try CommandPalette.parse("theme light") == .theme("light"))
        #expect(try CommandPalette.parse("theme") == .theme(""))
        #expect(throws: CommandPalette.ParseError.self) { try CommandPalette.parse("region a b") }
    }

    @Test(":theme without a name opens the theme picker, and picking applies it")
    func themePicker() {
        var driver = ReducerDriver()
        driver.key(.character(":"))
        driver.type("theme")
        driver.key(.enter)
        guard case .picker(let picker)? = driver.state.overlay else { Issue.record("no picker: \(String(describing: driver.state.overlay))"); return }
        #expect(picker.items == ["dark", "light"])
        driver.key(.down)
        driver.key(.enter)
        #expect(driver.effects == [.frontEnd(.applyTheme("light"))])
    }

    @Test(":users with a search expression carries the parsed search")
    func usersSearch() throws {
        let command = try CommandPalette.parse(#"users email ^= "ann""#)
        #expect(command == .users(UserSearch(attribute: "email", match: .prefix, value: "ann")))
    }

    @Test("an unknown command is one sentence that suggests the nearest")
    func unknown() {
        #expect(throws: CommandPalette.ParseError(description: "Unknown command :user; did you mean :userpools?")) {
            try CommandPalette.parse("user")
        }
        #expect(throws: CommandPalette.ParseError.self) { try CommandPalette.parse("groups extra") }
    }

    @Test("completion offers commands by prefix, aliases included")
    func completesCommands() {
        let done = { (text: String) in CommandPalette.completions(text, profiles: [], regions: [], themes: []) }
        #expect(done("us") == ["userpools", "users"])
        #expect(done("users") == ["users"])
        #expect(done("ids") == ["identities"])
        #expect(done("u").starts(with: ["userpools", "users"]))
        #expect(done("ip") == ["idpools"])
        #expect(done("zz") == [])
    }

    @Test("completion offers profile, region and theme names after the command")
    func completesArguments() {
        let profiles = ["default", "dev", "prod"]
        #expect(CommandPalette.completions("profile d", profiles: profiles, regions: [], themes: []) == ["profile default", "profile dev"])
        #expect(CommandPalette.completions("region eu-c", profiles: [], regions: CognitoRegions.all, themes: [])
                == ["region eu-central-1", "region eu-central-2"])
        #expect(CommandPalette.completions("theme ", profiles: [], regions: [], themes: ["dark", "light"]) == ["theme dark", "theme light"])
        #expect(CommandPalette.completions("users ema", profiles: [], regions: [], themes: []) == ["users email"])
        #expect(CommandPalette.completions("users email ^", profiles: [], regions: [], themes: []) == [])
    }
}

@Suite("Server-side user search expressions")
struct UserSearchTests {
    @Test("exact and prefix matches parse, quoted or bare")
    func parses() throws {
        #expect(try UserSearch.parse(#"email ^= "ann""#) == UserSearch(attribute: "email", match: .prefix, value: "ann"))
        #expect(try UserSearch.parse("username = bob") == UserSearch(attribute: "username", match: .exact, value: "bob"))
        #expect(try UserSearch.parse(#"status="Enabled""#) == UserSearch(attribute: "status", match: .exact, value: "Enabled"))
        #expect(try UserSearch.parse(#"cognito:user_status = "FORCE_CHANGE_PASSWORD""#).attribute == "cognito:user_status")
        #expect(try UserSearch.parse(#"name ^= "Anne Marie""#).value == "Anne Marie")
    }

    @Test("the attribute is matched case-insensitively and written as Cognito spells it")
    func attributeCase() throws {
        #expect(try UserSearch.parse("EMAIL ^= a").attribute == "email")
    }

    @Test("only the attributes ListUsers can filter on are accepted")
    func unsearchable() {
        #expect(throws: UserSearch.ParseError.self) { try UserSearch.parse("custom:team = x") }
        #expect(throws: UserSearch.ParseError.self) { try UserSearch.parse("address = x") }
    }

    @Test("a missing operator, an empty value or an open quote is an error", arguments: [
        "email ann", "email =", #"email ^= """#, #"email = "ann"#, #"email = "a" and"#, "",
    ])
    func malformed(text: String) {
        #expect(throws: UserSearch.ParseError.self) { try UserSearch.parse(text) }
    }

    @Test("the ListUsers filter escapes quotes and backslashes in the value")
    func filterExpression() throws {
        #expect(UserSearch(attribute: "email", match: .prefix, value: "ann").filterExpression == #"email ^= "ann""#)
        #expect(UserSearch(attribute: "name", match: .exact, value: #"a"b\c"#).filterExpression == #"name = "a\"b\\c""#)
        let roundTrip = UserSearch(attribute: "name", match: .exact, value: #"a"b\c"#)
        #expect(try UserSearch.parse(roundTrip.filterExpression) == roundTrip)
    }
}
