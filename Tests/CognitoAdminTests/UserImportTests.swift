import Testing
@testable import CognitoAdmin

/// `users import`: reading this tool's CSV export, Cognito's import CSV and JSON lines.
@Suite(.timeLimit(.minutes(5)))
struct UserImportTests {
    @Test func theExportsCSVGivesAttributesAndEnabledAndLeavesOutReadOnlyColumns() throws {
        let csv = """
            Username,Enabled,UserStatus,UserCreateDate,email,given_name,sub\r
            ann,false,CONFIRMED,2026-01-01T00:00:00Z,ann@example.com,Ann,0000-1111\r
            bob,,,,bob@example.com,,\r

            """
        let users = try UserImport(parsing: csv, format: .csv).users
        #expect(users == [
            ImportedUser(username: "ann", attributes: [.init("email", "ann@example.com"), .init("given_name", "Ann")],
                         enabled: false, line: 2),
            ImportedUser(username: "bob", attributes: [.init("email", "bob@example.com")], enabled: nil, line: 3),
        ])
    }

    @Test func cognitosImportCSVIsReadByCognitoUsername() throws {
        let csv = "name,email,email_verified,cognito:mfa_enabled,cognito:username\nAnn,ann@x.org,true,false,ann\n"
        let users = try UserImport(parsing: csv, format: .csv).users
        #expect(users.map(\.username) == ["ann"])
        #expect(users[0].attributes == [.init("name", "Ann"), .init("email", "ann@x.org"), .init("email_verified", "true")])
    }

    @Test func theImportCSVIsReadByItsOwnRulesNotQuotedCommasAndDates() throws {
        let csv = #"name,birthdate,email,email_verified,phone_number,phone_number_verified,cognito:mfa_enabled,cognito:username"#
            + "\n" + #"Young\, Cy "the 2nd",02/01/1985,cy@x.org,true,,false,false,cy"# + "\n"
        let users = try UserImport(parsing: csv, format: .csv).users
        #expect(users == [ImportedUser(username: "cy", attributes: [.init("name", #"Young, Cy "the 2nd""#), .init("birthdate", "1985-02-01"),
                                                                    .init("email", "cy@x.org"), .init("email_verified", "true")], line: 2)])
        // What the export writes reads back as it was.
        let written = ImportCSVRows.escaped("a,b\\c,") + "," + ImportCSVRows.birthdate("2001-12-31")
        #expect(try CSVTable(importJobText: "x,birthdate\n" + written).rows[0].fields == ["a,b\\c,", "12/31/2001"])
        #expect(ImportCSVRows.isoBirthdate(ImportCSVRows.birthdate("2001-12-31")) == "2001-12-31")
    }

    @Test func theExportsGroupsAreReadAndAGroupThePoolLacksIsNamed() throws {
        let csv = "Username,email,Groups\nann,a@x.org,\"[\"\"staff\"\",\"\"ops\"\"]\"\nbob,b@x.org,\n"
        let fromCSV = try UserImport(parsing: csv, format: .csv)
        #expect(fromCSV.users.map(\.groups) == [["staff", "ops"], []])
        #expect(fromCSV.users[0].attributes == [.init("email", "a@x.org")])
        let fromLines = try UserImport(parsing: #"{"Username":"ann","Groups":["staff"]}"# + "\n" + #"{"Username":"bob","Groups":null}"#,
                                       format: .jsonLines)
        #expect(fromLines.users.map(\.groups) == [["staff"], []])
        #expect(fromCSV.groups == ["staff", "ops"])
        #expect(fromCSV.problem(groups: ["staff"]) == "Line 2 (ann): the pool has no group ops")
        #expect(fromCSV.problem(groups: ["staff", "ops"]) == nil)
        #expect(fromCSV.operations(existing: .skip).contains("AdminAddUserToGroup"))
        #expect(throws: UserImport.Problem(line: 2, reason: "Groups must be a JSON list of group names, as the export writes it")) {
            try UserImport(parsing: "Username,Groups\nann,staff\n", format: .csv)
        }
    }

    @Test func anMFASettingIsRefusedSinceAnImportDoesNotSetOne() {
        #expect(throws: UserImport.Problem.self) {
            try UserImport(parsing: "email,cognito:mfa_enabled,cognito:username\na@x.org,true,ann\n", format: .csv)
        }
    }

    @Test func jsonLinesTakeAttributesAsAListAnObjectOrKeys() throws {
        let text = """
            {"Username":"ann","Attributes":[{"Name":"email","Value":"ann@x.org"},{"Name":"sub","Value":"s"}],"Enabled":false}
            {"Username":"bob","Attributes":{"email":"bob@x.org"}}
            {"Username":"cy","email":"cy@x.org","UserStatus":"CONFIRMED","Enabled":"true"}
            """
        let users = try UserImport(parsing: text, format: .jsonLines).users
        #expect(users == [
            ImportedUser(username: "ann", attributes: [.init("email", "ann@x.org")], enabled: false, line: 1),
            ImportedUser(username: "bob", attributes: [.init("email", "bob@x.org")], line: 2),
            ImportedUser(username: "cy", attributes: [.init("email", "cy@x.org")], enabled: true, line: 3),
        ])
    }

    @Test func badRecordsNameTheirLine() {
        #expect(throws: UserImport.Problem(line: 2, reason: "Enabled must be true or false, not maybe")) {
            try UserImport(parsing: "Username,Enabled\nann,maybe\n", format: .csv)
        }
        #expect(throws: UserImport.Problem(line: 1, reason: "the header has no Username (or cognito:username) column")) {
            try UserImport(parsing: "email\nann@x.org\n", format: .csv)
        }
        #expect(throws: UserImport.Problem(line: 2, reason: "not a JSON object")) {
            try UserImport(parsing: "{\"Username\":\"ann\"}\n[1]\n", format: .jsonLines)
        }
        #expect(throws: UserImport.Problem(line: 3, reason: "ann is listed twice (also on line 2)")) {
            try UserImport(parsing: "Username\nann\nann\n", format: .csv)
        }
    }

    @Test func theFormatComesFromTheExtension() {
        #expect(UserImport.Format(path: "a/users.CSV") == .csv)
        #expect(UserImport.Format(path: "users.jsonl") == .jsonLines)
        #expect(UserImport.Format(path: "users.txt") == nil)
    }
}
