import AWSCore
@testable import CognitoAPI
import Foundation
import Testing

/// Validation of input against the model before anything is sent: typed calls and raw JSON.
@Suite("Input validation", .timeLimit(.minutes(5)))
struct ValidationTests {
    static let listUsers = try! OperationCatalog.operation(named: "ListUsers", in: "cognito-idp")

    func problem(_ json: String, _ operation: String, service: String = "cognito-idp") throws -> InputValidationError? {
        let metadata = try OperationCatalog.operation(named: operation, in: service)
        do {
            try OperationCatalog.validate(json: Data(json.utf8), for: metadata)
            return nil
        } catch let error as InputValidationError {
            return error
        }
    }

    @Test("a number out of range names the operation, member and range")
    func range() throws {
        let error = try #require(try problem(#"{"UserPoolId":"us-east-1_abc","Limit":500}"#, "ListUsers"))
        #expect(error.description == "ListUsers: Limit must be between 0 and 60, got 500")
        #expect(error.path == "Limit")
        #expect(error.rule == .range(min: 0, max: 60, actual: 500))
    }

    @Test("a missing required member is reported")
    func required() throws {
        let error = try #require(try problem(#"{"Limit":5}"#, "ListUsers"))
        #expect(error.description == "ListUsers: UserPoolId is required")
        #expect(error.rule == .required)
    }

    @Test("null counts as absent")
    func nullIsAbsent() throws {
        #expect(try problem(#"{"UserPoolId":"us-east-1_abc","Filter":null}"#, "ListUsers") == nil)
        #expect(try problem(#"{"UserPoolId":null}"#, "ListUsers")?.rule == .required)
    }

    @Test("string length counts characters and names both bounds")
    func length() throws {
        let long = String(repeating: "a", count: 60) + "_b"
        let error = try #require(try problem(#"{"UserPoolId":"\#(long)"}"#, "ListUsers"))
        #expect(error.description == "ListUsers: UserPoolId must be between 1 and 55 characters long, got 62")
    }

    @Test("a string that breaks the model's pattern is rejected, matched against the whole value")
    func pattern() throws {
        let error = try #require(try problem(#"{"UserPoolId":"not a pool id"}"#, "ListUsers"))
        #expect(error.description == #"ListUsers: UserPoolId must match the pattern [\w-]+_[0-9a-zA-Z]+, got "not a pool id""#)
        // A valid id followed by junk only matches part of the value, which is not enough.
        #expect(try problem(#"{"UserPoolId":"us-east-1_abc!"}"#, "ListUsers")?.rule == .pattern(#"[\w-]+_[0-9a-zA-Z]+"#))
    }

    @Test("\\w means ASCII word characters, as in Java")
    func javaWordClass() throws {
        #expect(try problem(#"{"UserPoolId":"us-east-1_abc"}"#, "ListUsers") == nil)
        #expect(try problem(#"{"UserPoolId":"ü-east-1_abc"}"#, "ListUsers")?.rule == .pattern(#"[\w-]+_[0-9a-zA-Z]+"#))
    }

    @Test("a sensitive value is not repeated in the message")
    func sensitive() throws {
        let json = #"{"UserPoolId":"us-east-1_abc","Username":"alice","Password":"has space","Permanent":true}"#
        let error = try #require(try problem(json, "AdminSetUserPassword"))
        #expect(error.path == "Password")
        #expect(!error.description.contains("has space"))
        #expect(error.description.contains("sensitive"))
    }

    @Test("nested members are checked, and the path says where")
    func nested() throws {
        let json = #"{"UserPoolId":"us-east-1_abc","Username":"bob","UserAttributes":[{"Name":"email","Value":"a@b.c"},{"Value":"x"}]}"#
        let error = try #require(try problem(json, "AdminCreateUser"))
        #expect(error.description == "AdminCreateUser: UserAttributes[1].Name is required")
    }

    @Test("deeply nested ranges are checked")
    func deepRange() throws {
        let json = #"{"PoolName":"p","Policies":{"PasswordPolicy":{"MinimumLength":3}}}"#
        let error = try #require(try problem(json, "CreateUserPool"))
        #expect(error.description == "CreateUserPool: Policies.PasswordPolicy.MinimumLength must be between 6 and 99, got 3")
    }

    @Test("list sizes are checked")
    func listSize() throws {
        let ids = (0..<61).map { "\"us-east-1:0000000\($0)\"" }.joined(separator: ",")
        let error = try #require(try problem(#"{"IdentityIdsToDelete":[\#(ids)]}"#, "DeleteIdentities", service: "cognito-identity"))
        #expect(error.description == "DeleteIdentities: IdentityIdsToDelete must have between 1 and 60 items, got 61")
        let empty = try #require(try problem(#"{"IdentityIdsToDelete":[]}"#, "DeleteIdentities", service: "cognito-identity"))
        #expect(empty.rule == .count(min: 1, max: 60, actual: 0))
    }

    @Test("map sizes and map keys are checked")
    func mapRules() throws {
        let pool = #""IdentityPoolId":"us-east-1:00000000-0000-0000-0000-000000000000""#
        let badKey = try #require(try problem(#"{\#(pool),"Roles":{"admin":"arn:aws:iam::123456789012:role/x"}}"#,
                                              "SetIdentityPoolRoles", service: "cognito-identity"))
        #expect(badKey.description.hasPrefix(#"SetIdentityPoolRoles: Roles key "admin" must match the pattern (un)?authenticated"#))
        let roles = #""authenticated":"arn:aws:iam::123456789012:role/a","unauthenticated":"arn:aws:iam::123456789012:role/b""#
        #expect(try problem(#"{\#(pool),"Roles":{\#(roles)}}"#, "SetIdentityPoolRoles", service: "cognito-identity") == nil)
    }

    @Test("an unknown member is rejected with the nearest known name")
    func unknownMember() throws {
        let error = try #require(try problem(#"{"UserPoolID":"us-east-1_abc"}"#, "ListUsers"))
        #expect(error.description == "ListUsers: unknown member UserPoolID; did you mean UserPoolId?")
        #expect(error.rule == .unknownMember(suggestion: "UserPoolId"))
        let typo = try #require(try problem(#"{"UserPoolId":"us-east-1_abc","Limt":5}"#, "ListUsers"))
        #expect(typo.rule == .unknownMember(suggestion: "Limit"))
    }

    @Test("an unknown member with no near name lists the members")
    func unknownWithoutSuggestion() throws {
        let error = try #require(try problem(#"{"UserPoolId":"us-east-1_abc","Zzzzzzzz":1}"#, "ListUsers"))
        #expect(error.description == "ListUsers: unknown member Zzzzzzzz; the members are AttributesToGet, Filter, Limit, PaginationToken, UserPoolId")
    }

    @Test("wrong JSON types are named")
    func types() throws {
        #expect(try problem(#"{"UserPoolId":"us-east-1_abc","Limit":"5"}"#, "ListUsers")?.description
            == "ListUsers: Limit must be an integer, got a string")
        #expect(try problem(#"{"UserPoolId":"us-east-1_abc","Limit":2.5}"#, "ListUsers")?.rule == .type(expected: "an integer"))
        #expect(try problem(#"{"UserPoolId":5}"#, "ListUsers")?.description == "ListUsers: UserPoolId must be a string, got a number")
        #expect(try problem(#"{"UserPoolId":"us-east-1_abc","AttributesToGet":"email"}"#, "ListUsers")?.rule == .type(expected: "an array"))
        #expect(try problem(#"{"UserPoolId":"us-east-1_abc","Username":"u","Permanent":"yes","Password":"p"}"#,
                            "AdminSetUserPassword")?.rule == .type(expected: "a boolean"))
    }

    @Test("the input must be a JSON object")
    func notAnObject() throws {
        #expect(try problem("[1]", "ListUsers")?.description == "ListUsers: the input must be a JSON object, got an array")
        #expect(try problem("{", "ListUsers")?.description == "ListUsers: the input is not valid JSON")
    }

    @Test("a decoded JSON object validates like JSON text")
    func dictionaryInput() throws {
        #expect(throws: InputValidationError.self) {
            try OperationCatalog.validate(json: ["UserPoolId": "us-east-1_abc", "Limit": 500], for: Self.listUsers)
        }
        try OperationCatalog.validate(json: ["UserPoolId": "us-east-1_abc", "Limit": 5], for: Self.listUsers)
    }

    @Test("enum members accept values the model does not list (the enums are open)")
    func openEnumsInInput() throws {
        let json = #"{"UserPoolId":"us-east-1_abc","ClientId":"abc","AuthFlow":"SOME_FUTURE_FLOW"}"#
        #expect(try problem(json, "AdminInitiateAuth") == nil)
    }

    @Test("a typed call with invalid input throws InputValidationError and sends nothing")
    func typedCallSendsNothing() async throws {
        let transport = RecordingTransport()
        let idp = CognitoIdentityProviderClient(Offline.awsClient(.cognitoIdentityProvider, transport: transport))
        await #expect {
            _ = try await idp.listUsers(.init(userPoolId: "us-east-1_abc", limit: 500))
        } throws: { error in
            (error as? InputValidationError)?.description == "ListUsers: Limit must be between 0 and 60, got 500"
        }
        await #expect(throws: InputValidationError.self) {
            _ = try await idp.listUsers(.init(userPoolId: ""))
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("every pattern in both models compiles after translation from Java, so none is skipped")
    func everyPatternCompiles() {
        for service in CognitoService.allCases {
            let patterns = Set(service.schema.shapes.values.compactMap(\.pattern))
            #expect(!patterns.isEmpty)
            for pattern in patterns.sorted() {
                #expect(JavaPattern.isSupported(pattern), "\(service.rawValue): \(pattern)")
            }
        }
    }

    @Test("Java's literal hyphen after a range stays literal")
    func hyphenAfterRange() {
        #expect(JavaPattern.matches("[A-Za-z0-9-_=.]+", "a-b_c=d.e") == true)
        #expect(JavaPattern.matches("[A-Za-z0-9-_=.]+", "a b") == false)
        #expect(JavaPattern.matches(#"[\x21\x23-\x2E]+"#, "#$%") == true)
        #expect(JavaPattern.matches(#"[\x21\x23-\x2E]+"#, "\"") == false)
    }
}
