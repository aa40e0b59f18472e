import CognitoAPI
import ConsoleModel
import Testing

@Suite("The : palette: commands, aliases, completion", .timeLimit(.minutes(5)))
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
        let command = try CommandPalette.parse(#"users custom:team = "ops" and email $= "@corp.example""#)
        #expect(command == .users(UserCondition(clauses: [.init(attribute: "custom:team", op: .equals, value: "ops"),
                                                          .init(attribute: "email", op: .endsWith, value: "@corp.example")])))
        #expect(throws: CommandPalette.ParseError.self) { try CommandPalette.parse(#"users email == "ann""#) }
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
