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
