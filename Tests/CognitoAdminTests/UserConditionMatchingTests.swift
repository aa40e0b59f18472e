import AWSCore
import CognitoAdmin
import Foundation
import Testing

/// Matching users from literals: the fields every user has, dates as days and instants, numbers,
/// and attributes a user lacks.
@Suite("User conditions: matching users", .timeLimit(.minutes(5)))
struct UserConditionMatchingTests {
    static let ann = UserRecord(
        username: "ann", status: "CONFIRMED", enabled: true,
        created: ISO8601.parse("2024-05-01T10:00:00Z"), modified: ISO8601.parse("2024-06-15T08:30:00Z"),
        attributes: [("email", "Ann@Example.com"), ("custom:seats", "12"), ("updated_at", "1717000000"),
                     ("birthdate", "1990-02-01")])

    func matches(_ text: String, _ user: UserRecord = ann) throws -> Bool {
        try UserCondition.parse(text).matches(user)
    }

    @Test("string operators compare exactly, with case")
    func strings() throws {
        #expect(try matches(#"email = "Ann@Example.com""#))
        #expect(try !matches(#"email = "ann@example.com""#))
        #expect(try matches(#"email != "ann@example.com""#))
        #expect(try matches(#"email ^= "Ann@""#))
        #expect(try matches(#"email $= "Example.com""#))
        #expect(try matches(#"email *= "@Ex""#))
        #expect(try matches(#"email ~ "^[A-Z]\\w+@""#))
        #expect(try matches(#"email ~ "(?i)^ann@example""#))
        #expect(try !matches(#"email ~ "^ann""#))
    }

    @Test("an attribute the user lacks matches only !=")
    func missing() throws {
        #expect(try !matches(#"phone_number ^= """#))
        #expect(try !matches(#"phone_number = "x""#))
        #expect(try matches(#"phone_number != "x""#))
        #expect(try !matches(#"custom:tier < "5""#))
    }

    @Test("status compares names whatever their case; enabled reads yes and no")
    func ownFields() throws {
        #expect(try matches(#"status = "confirmed""#))
        #expect(try matches(#"cognito:user_status ^= "CONF""#))
        #expect(try !matches(#"status != "CONFIRMED""#))
        #expect(try matches(#"enabled = "YES""#))
        #expect(try matches(#"enabled != "false""#))
        #expect(try matches(#"username = "ann""#))
    }

    @Test("a day covers all of it: before means before it starts, after means from the next day")
    func days() throws {
        #expect(try matches(#"created = "2024-05-01""#))
        #expect(try !matches(#"created < "2024-05-01""#))
        #expect(try !matches(#"created > "2024-05-01""#))
        #expect(try matches(#"created > "2024-04-30""#))
        #expect(try matches(#"created < "2024-05-02""#))
        #expect(try matches(#"created != "2024-05-02""#))
    }

    @Test("a full time compares instants")
    func instants() throws {
        #expect(try matches(#"created > "2024-05-01T09:59:59Z""#))
        #expect(try !matches(#"created > "2024-05-01T10:00:00Z""#))
        #expect(try matches(#"created = "2024-05-01T12:00:00+02:00""#))
        #expect(try matches(#"modified > "2024-06-01" and modified < "2024-07-01""#))
    }

    @Test("numbers compare as numbers; a number attribute compared with a date is seconds since 1970")
    func numbers() throws {
        #expect(try matches(#"custom:seats > "9""#), "12 > 9 as numbers, not as text")
        #expect(try !matches(#"custom:seats < "9""#))
        #expect(try matches(#"updated_at > "2024-05-28""#))
        #expect(try !matches(#"updated_at > "2024-05-29""#))
        #expect(try matches(#"birthdate < "1990-02-02" and birthdate > "1990-01-31""#))
    }

    @Test("every clause must hold")
    func conjunction() throws {
        #expect(try matches(#"username = "ann" and enabled = "true""#))
        #expect(try !matches(#"username = "ann" and enabled = "false""#))
    }
}
