import Testing
@testable import CognitoAdmin

/// `--from FILE`: the usernames of a plain list, this tool's CSV export or JSON lines.
@Suite(.timeLimit(.minutes(5)))
struct UsernameListTests {
    @Test func aPlainListHasOneUsernameALineAndSkipsBlanksAndComments() throws {
        #expect(try UsernameList.parse("ann\n  bob  \n\n# leavers\ncarol\r\n") == ["ann", "bob", "carol"])
    }

    @Test func theExportsCSVIsReadByItsUsernameColumnWhereverItIs() throws {
        let csv = "Enabled,Username,email\r\ntrue,ann,\"ann@example.com\"\r\nfalse,\"b,ob\",bob@example.com\r\n"
        #expect(try UsernameList.parse(csv) == ["ann", "b,ob"])
    }

    @Test func cognitosImportCSVIsReadByItsUsernameColumn() throws {
        #expect(try UsernameList.parse("email,cognito:mfa_enabled,cognito:username\na@x.org,false,ann\n") == ["ann"])
    }

    @Test func jsonLinesAreReadByTheirUsernameMember() throws {
        #expect(try UsernameList.parse(#"{"Username":"ann","Enabled":true}"# + "\n\n" + #"{"Username":"bob"}"#) == ["ann", "bob"])
    }

    @Test func aCSVWithoutAUsernameColumnIsRefused() {
        #expect(throws: UsernameList.Problem(line: 1, reason: "a CSV file needs a Username column")) {
            try UsernameList.parse("email,name\na@x.org,Ann\n")
        }
    }

    @Test func aJSONLineWithoutAUsernameNamesItsLine() {
        #expect(throws: UsernameList.Problem(line: 2, reason: "the object has no Username")) {
            try UsernameList.parse(#"{"Username":"ann"}"# + "\n" + #"{"email":"b@x.org"}"#)
        }
    }

    @Test func aUsernameListedTwiceNamesBothLines() {
        #expect(throws: UsernameList.Problem(line: 3, reason: "ann is listed twice (also on line 1)")) {
            try UsernameList.parse("ann\nbob\nann\n")
        }
    }
}
