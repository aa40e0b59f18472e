import ConsoleModel
import Foundation
import Testing
@testable import ConsoleUI

@Suite(.timeLimit(.minutes(5))) struct ThemeParserTests {
    @Test(arguments: BuiltinThemes.names)
    func everyBuiltinThemeLoadsAndCoversEveryRole(_ name: String) throws {
        let text = try #require(BuiltinThemes.source(named: name))
        let theme = try ThemeParser.parse(yaml: text, source: name)  // no base: every role required
        #expect(theme.name == name)
        #expect(StyleRole.allCases.allSatisfy { theme.styles[$0] != nil })
    }

    @Test(arguments: BuiltinThemes.names)
    func themeFilesInTheProjectMatchTheCompiledInCopies(_ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes/\(name).yaml")
        let file = try String(contentsOf: url, encoding: .utf8)
        #expect(file == BuiltinThemes.source(named: name))
    }

    @Test func monochromeUsesNoColour() {
        #expect(Theme.monochrome.isMonochrome)
        #expect(!Theme.default.isMonochrome)
    }

    @Test func coloursAreNamesNumbersOrHex() {
        #expect(ThemeParser.color("red") == .indexed(1))
        #expect(ThemeParser.color("bright-blue") == .indexed(12))
        #expect(ThemeParser.color("grey") == .indexed(8))
        #expect(ThemeParser.color("default") == .terminalDefault)
        #expect(ThemeParser.color("208") == .indexed(208))
        #expect(ThemeParser.color("#FF8000") == .rgb(255, 128, 0))
        #expect(ThemeParser.color("256") == nil)
        #expect(ThemeParser.color("#12345") == nil)
        #expect(ThemeParser.color("reddish") == nil)
    }

    @Test func aUserThemeMayLeaveRolesToTheDefault() throws {
        let theme = try ThemeParser.parse(yaml: "name: red-header\nroles:\n  header: { fg: white, bg: red, attributes: [bold] }\n",
                                          source: "red.yaml", base: .default)
        #expect(theme[.header] == RoleStyle(foreground: .indexed(7), background: .indexed(1), attributes: .bold))
        #expect(theme[.rowSelected] == Theme.default[.rowSelected])
    }

    @Test func brokenYAMLNamesTheFileAndLine() {
        let yaml = "name: x\nroles:\n  header: { fg: white\n  row: {}\n"
        #expect(throws: ThemeError.self) { try ThemeParser.parse(yaml: yaml, source: "/t/x.yaml", base: .default) }
        let error = parseError(yaml)
        #expect(error?.description.hasPrefix("The theme file x.yaml, line ") == true, "\(String(describing: error))")
        #expect(error?.description.contains("not valid YAML") == true)
    }

    @Test func anUnknownRoleIsReportedWithItsLine() {
        let error = parseError("name: x\nroles:\n  row: { fg: red }\n  headr: { fg: red }\n")
        #expect(error?.description == "The theme file x.yaml, line 4, is broken: unknown role “headr”.")
    }

    @Test func aBadColourIsReportedWithItsLine() {
        let error = parseError("roles:\n  row:\n    fg: reddish\n")
        #expect(error?.kind == .invalid(file: "x.yaml", line: 3, problem:
            "bad colour “reddish” (use a name such as red or bright-blue, a number 0–255, or #rrggbb)"))
    }

    @Test func aBadAttributeIsReported() {
        let error = parseError("roles:\n  row: { attributes: [blink] }\n")
        #expect(error?.description.contains("unknown attribute “blink”") == true)
    }

    @Test func aMissingRoleIsAnErrorForACompleteTheme() {
        #expect(throws: ThemeError.self) { try ThemeParser.parse(yaml: "roles:\n  row: {}\n", source: "x.yaml") }
    }

    @Test func theFallbackSentenceSaysWhatHappensInstead() {
        let error = ThemeError(.invalid(file: "a.yaml", line: 2, problem: "unknown role “x”"))
        #expect(error.sentence(fallback: "the default theme applies")
            == "The theme file a.yaml, line 2, is broken: unknown role “x”; the default theme applies.")
    }

    private func parseError(_ yaml: String) -> ThemeError? {
        do {
            _ = try ThemeParser.parse(yaml: yaml, source: "x.yaml", base: .default)
            return nil
        } catch {
            return error
        }
    }
}
