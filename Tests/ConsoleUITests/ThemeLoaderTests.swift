import Foundation
import Testing
@testable import ConsoleUI

@Suite(.timeLimit(.minutes(5))) struct ThemeLoaderTests {
    /// A loader over an in-memory file system.
    func loader(_ files: [String: String], environment: [String: String] = ["HOME": "/home/op"],
                executable: String? = "/src/cognito-tui/.build/debug/cognito-tui") -> ThemeLoader {
        ThemeLoader(environment: environment, executablePath: executable, readFile: { files[$0] })
    }

    let red = "name: red\nroles:\n  header: { fg: white, bg: red }\n"

    @Test func theUsersConfigFolderComesFirst() throws {
        let files = ["/home/op/.config/cognito-tui/themes/light.yaml": red,
                     "/src/cognito-tui/themes/light.yaml": "roles: {}\n"]
        #expect(try loader(files).load(named: "light").name == "red")
    }

    @Test func xdgConfigHomeReplacesDotConfig() throws {
        let env = ["HOME": "/home/op", "XDG_CONFIG_HOME": "/cfg"]
        #expect(try loader(["/cfg/cognito-tui/themes/mine.yaml": red], environment: env).load(named: "mine").name == "red")
    }

    @Test func theThemesVariableIsSearchedNext() throws {
        let env = ["HOME": "/home/op", "COGNITO_TUI_THEMES": "/fixtures"]
        #expect(try loader(["/fixtures/mine.yaml": red], environment: env).load(named: "mine").name == "red")
    }

    @Test func theProjectThemesFolderIsFoundFromTheExecutable() throws {
        #expect(try loader(["/src/cognito-tui/themes/mine.yaml": red]).load(named: "mine").name == "red")
    }

    @Test func builtinsApplyWhenNoFileIsFound() throws {
        #expect(try loader([:]).load(named: "high-contrast") == BuiltinThemes.theme(named: "high-contrast"))
    }

    @Test func anUnknownNameSaysWhereItLooked() {
        #expect {
            try loader([:]).load(named: "neon")
        } throws: { error in
            let text = (error as? ThemeError)?.description ?? ""
            return text == "There is no theme named “neon”: put neon.yaml in ~/.config/cognito-tui/themes, or choose one of default, light, high-contrast, monochrome."
        }
    }

    @Test func aBrokenFileAtStartupFallsBackToTheDefaultWithASentence() {
        let files = ["/home/op/.config/cognito-tui/themes/bad.yaml": "roles:\n  row: { fg: chartreuse }\n"]
        let (theme, warning) = loader(files).startupTheme(named: "bad")
        #expect(theme == .default)
        #expect(warning == "The theme file /home/op/.config/cognito-tui/themes/bad.yaml, line 2, is broken: bad colour “chartreuse” (use a name such as red or bright-blue, a number 0–255, or #rrggbb); the default theme applies.")
    }

    @Test func noColorForcesMonochrome() {
        let (theme, warning) = loader([:], environment: ["NO_COLOR": "1"]).startupTheme(named: "light")
        #expect(theme == .monochrome)
        #expect(warning == nil)
    }

    @Test func anEmptyNoColorIsIgnored() {
        #expect(!loader([:], environment: ["NO_COLOR": ""]).noColor)
        #expect(loader([:], environment: [:]).startupTheme(named: nil).theme == .default)
    }

    @Test func aPathIsLoadedDirectly() throws {
        #expect(loader([:]).searchPaths(for: "./my.yaml") == ["./my.yaml"])
        #expect(try loader(["./my.yaml": red]).load(named: "./my.yaml").name == "red")
    }

    @Test func anUnreadableFileIsReported() {
        let failing = ThemeLoader(environment: ["HOME": "/h"], executablePath: nil,
                                  readFile: { _ in throw CocoaError(.fileReadNoPermission) })
        #expect(throws: ThemeError(.unreadable(file: "/h/.config/cognito-tui/themes/x.yaml"))) {
            try failing.load(named: "x")
        }
    }
}
