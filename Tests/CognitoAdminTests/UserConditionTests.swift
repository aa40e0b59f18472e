import CognitoAdmin
import Foundation
import Testing

/// The condition language read from literals: what parses, what each bad input says and where,
/// which clause goes to the service, and how users are matched.
@Suite("User conditions: parsing, errors, the server's clause, matching", .timeLimit(.minutes(5)))
struct UserConditionTests {
    typealias Clause = UserCondition.Clause

    @Test("clauses joined by and, in any case, with escaped quotes and backslashes")
    func parsesClauses() throws {
        let condition = try UserCondition.parse(#"email $= "@example.com" AND custom:note *= "say \"hi\" \\o/" and enabled = "yes""#)
        #expect(condition.clauses == [
            Clause(attribute: "email", op: .endsWith, value: "@example.com"),
            Clause(attribute: "custom:note", op: .contains, value: #"say "hi" \o/"#),
            Clause(attribute: "enabled", op: .equals, value: "yes"),
        ])
    }

    @Test("no blanks are needed around an operator")
    func compact() throws {
        #expect(try UserCondition.parse(#"name^="Ann"and created<"2024-05-01""#).clauses == [
            Clause(attribute: "name", op: .startsWith, value: "Ann"),
            Clause(attribute: "created", op: .less, value: "2024-05-01"),
        ])
    }

    @Test("every operator parses and the text it prints parses back to the same condition")
    func roundTrip() throws {
        for op in UserCondition.Op.allCases {
            let value = op == .less || op == .greater ? "42" : op == .matches ? #"^a "b" \d+$"# : #"a "b" \c"#
            let condition = UserCondition(clauses: [Clause(attribute: "custom:x", op: op, value: value),
                                                   Clause(attribute: "sub", op: .startsWith, value: "0")])
            #expect(try UserCondition.parse(condition.description) == condition)
        }
    }

    static let badInputs: [(text: String, message: String, offset: Int)] = [
        ("", #"the condition is empty; write ATTR OP "VALUE", e.g. email ^= "ann""#, 0),
        ("   ", #"the condition is empty; write ATTR OP "VALUE", e.g. email ^= "ann""#, 0),
        (#"email = "ann"#, #"the value starting "ann has no closing quote"#, 8),
        (#"email ^="#, #"email ^= has no value; put one in double quotes, e.g. email ^= "…""#, 6),
        (#"email ^= and name = "x""#, #"email ^= has no value; put one in double quotes, e.g. email ^= "…""#, 6),
        (#"email = ann"#, #"the value ann must be in double quotes: email = "ann""#, 8),
        (#"email == "ann""#, #"unknown operator "=="; use =, !=, ^=, $=, *=, ~, < or >"#, 6),
        (#"email is "ann""#, #"unknown operator "is"; use =, !=, ^=, $=, *=, ~, < or >"#, 6),
        (#"email "ann""#, #"an operator is missing between email and "ann"; use =, !=, ^=, $=, *=, ~, < or >"#, 6),
        ("email", #"email needs an operator and a value, e.g. email = "…""#, 0),
        (#"= "ann""#, #"expected an attribute name before "=""#, 0),
        (#"email = "a" and"#, #""and" at the end needs a clause after it"#, 12),
        (#"and email = "a""#, #""and" at the start needs a clause before it"#, 0),
        (#"email = "a" and and name = "b""#, #""and" is repeated; one joins two clauses"#, 16),
        (#"email = "a" or name = "b""#, #"expected "and" before "or"; clauses are joined by and"#, 12),
        (#"email = "a" name = "b""#, #"expected "and" before "name"; clauses are joined by and"#, 12),
        (#"email = "a\b""#, #"unknown escape \b in a value; inside quotes write \" for a quote and \\ for a backslash"#, 10),
        (#"custom:age < "ten""#, #"< compares numbers and dates (2024-05-01 or 2024-05-01T12:00:00Z), not "ten""#, 13),
        (#"email > """#, #"> compares numbers and dates (2024-05-01 or 2024-05-01T12:00:00Z), not """#, 8),
        (#"name ~ "(ann""#, #""(ann" is not a valid regular expression"#, 7),
        (#"enabled = "maybe""#, #"enabled is true, false, yes or no, not "maybe""#, 10),
        (#"enabled ^= "t""#, "enabled takes = or !=, not ^=", 8),
        (#"created > "yesterday""#, #"created compares with a date such as 2024-05-01 or 2024-05-01T12:00:00Z, not "yesterday""#, 10),
        (#"modified *= "2024""#, "modified takes =, !=, < or > and a date, not *=", 9),
        (#"created < "2024-13-01""#, #"created compares with a date such as 2024-05-01 or 2024-05-01T12:00:00Z, not "2024-13-01""#, 10),
        (#"status = "SLEEPING""#,
         #"status is one of UNCONFIRMED, CONFIRMED, ARCHIVED, COMPROMISED, UNKNOWN, RESET_REQUIRED, FORCE_CHANGE_PASSWORD, EXTERNAL_PROVIDER, not "SLEEPING""#, 9),
        (#"status > "A""#, "status is a name and takes =, !=, ^=, $=, *= or ~, not >", 7),
    ]

    @Test("a bad condition is one sentence naming the wrong word, at its offset", arguments: badInputs)
    func badInput(_ input: (text: String, message: String, offset: Int)) {
        #expect(throws: ConditionError(input.message, at: input.offset)) {
            try UserCondition.parse(input.text)
        }
    }

    @Test("offsets count characters, not bytes")
    func offsetsInCharacters() {
        #expect(throws: ConditionError(#"unknown operator "=="; use =, !=, ^=, $=, *=, ~, < or >"#, at: 21)) {
            try UserCondition.parse(#"name = "Zoë 👩‍💻" and x == "y""#)
        }
    }

    // MARK: The clause the service answers

    @Test("a full scan has no server filter")
    func noServerClause() throws {
        let condition = try UserCondition.parse(#"custom:tier = "gold" and email *= "example""#)
        #expect(condition.serverFilter == nil)
        #expect(!condition.isServerSide)
    }

    @Test("the most selective searchable clause is sent: an email prefix before a status")
    func picksSelective() throws {
        let condition = try UserCondition.parse(#"status = "confirmed" and custom:a = "b" and email ^= "ann""#)
        #expect(condition.serverFilter == #"email ^= "ann""#)
        #expect(!condition.isServerSide)
    }

    @Test("status and enabled are written in the service's terms")
    func serviceTerms() throws {
        #expect(try UserCondition.parse(#"status = "confirmed""#).serverFilter == #"cognito:user_status = "CONFIRMED""#)
        #expect(try UserCondition.parse(#"enabled = "no""#).serverFilter == #"status = "Disabled""#)
        #expect(try UserCondition.parse(#"enabled != "no""#).serverFilter == #"status = "Enabled""#)
        #expect(try UserCondition.parse(#"cognito:user_status ^= "FORCE""#).serverFilter == #"cognito:user_status ^= "FORCE""#)
    }

    @Test("quotes in a sent value are escaped; a value with a backslash is checked locally only")
    func serverEscapes() throws {
        #expect(try UserCondition.parse(#"family_name = "O\"Brien""#).serverFilter == #"family_name = "O\"Brien""#)
        #expect(try UserCondition.parse(#"family_name = "a\\b""#).serverFilter == nil)
    }

    @Test("one clause the service compares as we do needs no local check")
    func serverSide() throws {
        #expect(try UserCondition.parse(#"username ^= "ann""#).isServerSide)
        #expect(try UserCondition.parse(#"phone_number ^= "+4420""#).isServerSide)
        // The service ignores case on email: "ANN@x" would come back too and be dropped here.
        #expect(try !UserCondition.parse(#"email = "ann@x""#).isServerSide)
        #expect(try !UserCondition.parse(#"username ^= "ann" and name = "A""#).isServerSide)
    }

    @Test("a filter longer than the service's 256 characters is not sent")
    func tooLong() throws {
        let long = String(repeating: "a", count: 250)
        #expect(try UserCondition.parse("email ^= \"\(long)\"").serverFilter == nil)
    }
}
