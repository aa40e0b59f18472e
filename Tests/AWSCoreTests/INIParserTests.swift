import Testing
@testable import AWSCore

@Suite("INI parsing, as botocore reads the shared files", .timeLimit(.minutes(5)))
struct INIParserTests {
    func parse(_ text: String) throws -> INIDocument {
        try INIParser.parse(text, file: "~/.aws/config")
    }

    func parseError(_ text: String) -> INIParseError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error as? INIParseError
        }
    }

    @Test func sectionsKeepFileOrderAndTheirKeys() throws {
        let document = try parse("""
            [default]
            region = us-east-1
            [profile dev]
            region = eu-west-1
            output = json
            """)
        #expect(document.sections.map(\.name) == ["default", "profile dev"])
        #expect(document.sections[1].entries.map(\.key) == ["region", "output"])
        #expect(document.section(named: "profile dev")?["output"] == "json")
    }

    @Test func keysAndValuesAreTrimmedAndKeysKeepTheirCase() throws {
        let document = try parse("[default]\n   Region   =   us-east-1   \n")
        #expect(document.sections[0].entries[0].key == "Region")
        #expect(document.sections[0].entries[0].value == "us-east-1")
    }

    @Test func lookupIgnoresCase() throws {
        #expect(try parse("[default]\nREGION = x\n").sections[0]["region"] == "x")
    }

    @Test func valueKeepsEverythingAfterTheFirstEquals() throws {
        let document = try parse("[default]\nrole_arn=arn:aws:iam::1:role/a=b\n")
        #expect(document.sections[0]["role_arn"] == "arn:aws:iam::1:role/a=b")
    }

    @Test func colonAlsoSeparatesKeyAndValue() throws {
        #expect(try parse("[default]\nregion: us-west-2\n").sections[0]["region"] == "us-west-2")
    }

    @Test func equalsBeforeColonWins() throws {
        let document = try parse("[default]\nsso_start_url = https://example.awsapps.com/start\n")
        #expect(document.sections[0]["sso_start_url"] == "https://example.awsapps.com/start")
    }

    @Test func emptyValueIsAllowed() throws {
        #expect(try parse("[default]\nregion =\n").sections[0]["region"] == "")
    }

    @Test(arguments: ["# hash", "; semicolon", "   # indented hash", "\t; indented semicolon"])
    func fullLineCommentsAreSkipped(comment: String) throws {
        let document = try parse("\(comment)\n[default]\n\(comment)\nregion = x\n")
        #expect(document.sections[0].entries.count == 1)
    }

    @Test func textAfterAValueIsPartOfItAsInTheCLI() throws {
        // RawConfigParser has no inline comments, so the AWS CLI keeps the text too.
        let document = try parse("[default]\nregion = us-east-1 # production\n")
        #expect(document.sections[0]["region"] == "us-east-1 # production")
    }

    @Test func commentAfterASectionHeaderIsIgnored() throws {
        #expect(try parse("[profile dev] # the dev account\nregion = x\n").sections[0].name == "profile dev")
    }

    @Test func sectionNameIsTrimmed() throws {
        #expect(try parse("[  profile dev  ]\n").sections[0].name == "profile dev")
    }

    @Test func blankLinesAndWindowsLineEndsAreFine() throws {
        let document = try parse("\r\n[default]\r\n\r\nregion = x\r\n\r\n")
        #expect(document.sections[0]["region"] == "x")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(try parse("\u{FEFF}[default]\nregion = x\n").sections[0].name == "default")
    }

    @Test func indentedBlockUnderAnEmptyValueIsASubsection() throws {
        let document = try parse("""
            [profile dev]
            s3 =
              addressing_style = path
              # a comment inside

              Signature_Version = s3v4
            region = x
            """)
        let entries = document.sections[0].entries
        #expect(entries[0].key == "s3")
        #expect(entries[0].subsection == ["addressing_style": "path", "Signature_Version": "s3v4"])
        #expect(entries[1].key == "region" && entries[1].value == "x")
    }

    @Test func subsectionIsNotAPlainValue() throws {
        #expect(try parse("[default]\ns3 =\n  a = b\n").sections[0]["s3"] == nil)
    }

    @Test func subsectionValuesMayHoldEquals() throws {
        let entry = try parse("[services x]\nsts =\n  endpoint_url = http://h:1/?a=b\n").sections[0].entries[0]
        #expect(entry.subsection?["endpoint_url"] == "http://h:1/?a=b")
    }

    @Test func indentedLinesUnderAValueContinueIt() throws {
        let document = try parse("[default]\ncredential_process = /bin/creds\n  --verbose\n  --json\n")
        #expect(document.sections[0]["credential_process"] == "/bin/creds\n--verbose\n--json")
    }

    @Test func indentedKeysRightAfterAHeaderAreOrdinaryKeys() throws {
        let document = try parse("[default]\n  region = x\n  output = json\n")
        #expect(document.sections[0].entries.map(\.key) == ["region", "output"])
    }

    @Test func entriesRememberTheirLine() throws {
        #expect(try parse("[default]\n\nregion = x\n").sections[0].entries[0].line == 3)
    }

    @Test func emptyTextHasNoSections() throws {
        #expect(try parse("").sections.isEmpty)
        #expect(try parse("# only a comment\n\n").sections.isEmpty)
    }

    // MARK: Errors

    @Test func lineWithoutEqualsNamesFileAndLine() {
        let error = parseError("[default]\nregion = x\njunk\n")
        #expect(error == INIParseError(file: "~/.aws/config", line: 3,
                                       problem: "expected `key = value` or `[section]`, got a line with no `=`"))
        #expect(error?.description == "~/.aws/config line 3: expected `key = value` or `[section]`, got a line with no `=`.")
    }

    @Test func errorNeverQuotesTheLine() {
        let error = parseError("[default]\nwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n")
        #expect(error?.description.contains("wJalr") == false)
    }

    @Test func settingBeforeAnySection() {
        #expect(parseError("region = x\n[default]\n")?.problem == "expected a `[section]` before the first setting")
    }

    @Test func keyMissingBeforeEquals() {
        #expect(parseError("[default]\n= x\n")?.line == 2)
    }

    @Test func unclosedSectionHeader() {
        #expect(parseError("[default\n")?.problem == "`[default` has no closing `]`")
    }

    @Test func emptySectionName() {
        #expect(parseError("[ ]\n")?.problem == "a section needs a name between `[` and `]`")
    }

    @Test func textAfterASectionHeader() {
        #expect(parseError("[default] extra\n")?.problem == "unexpected text after `[default]`")
    }

    @Test func sectionGivenTwice() {
        let error = parseError("[default]\na = 1\n[default]\n")
        #expect(error?.line == 3)
        #expect(error?.problem == "the section `[default]` appears twice (first on line 1)")
    }

    @Test func keyGivenTwiceInASectionWhateverItsCase() {
        let error = parseError("[default]\nregion = a\nRegion = b\n")
        #expect(error?.line == 3)
        #expect(error?.problem == "`Region` is set twice in `[default]` (first on line 2)")
    }

    @Test func sameKeyInTwoSectionsIsFine() throws {
        #expect(try parse("[a]\nk = 1\n[b]\nk = 2\n").sections.count == 2)
    }

    @Test func subsectionLineWithoutEquals() {
        let error = parseError("[default]\ns3 =\n  addressing_style\n")
        #expect(error?.line == 3)
        #expect(error?.problem == "the indented block under `s3` expects `key = value` lines")
    }
}
