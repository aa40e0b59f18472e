import AWSCore
import CognitoAPI
import Foundation
import Testing

/// Looking operations up by the names people type, and describing their input.
@Suite("Operation catalog", .timeLimit(.minutes(5)))
struct OperationCatalogTests {
    @Test("names match ignoring case and in the CLI's kebab-case", arguments: ["ListUsers", "listusers", "list-users", "LIST_USERS"])
    func lookup(name: String) throws {
        let operation = try OperationCatalog.operation(named: name, in: "cognito-idp")
        #expect(operation.name == "ListUsers")
        #expect(operation.cliName == "list-users")
    }

    @Test("acronyms in names become one kebab word")
    func acronyms() throws {
        let operation = try OperationCatalog.operation(named: "admin-set-user-mfa-preference", in: "cognito-idp")
        #expect(operation.name == "AdminSetUserMFAPreference")
        #expect(try OperationCatalog.operation(named: "get-csv-header", in: "cognito-idp").name == "GetCSVHeader")
        #expect(try OperationCatalog.operation(named: "get-open-id-token", in: "cognito-identity").name == "GetOpenIdToken")
    }

    @Test("every operation is found by its own CLI name", arguments: CognitoService.allCases)
    func cliNamesRoundTrip(service: CognitoService) throws {
        for operation in service.operations {
            #expect(try OperationCatalog.operation(named: operation.cliName, in: service.rawValue) == operation)
        }
    }

    @Test("an unknown operation suggests the nearest name")
    func unknownOperation() {
        #expect(throws: CatalogError.unknownOperation("list-user", service: "cognito-idp", suggestion: "ListUsers")) {
            try OperationCatalog.operation(named: "list-user", in: "cognito-idp")
        }
        let description = CatalogError.unknownOperation("list-user", service: "cognito-idp", suggestion: "ListUsers").description
        #expect(description == #"cognito-idp has no operation "list-user"; did you mean ListUsers?"#)
    }

    @Test("an unknown service names the known ones")
    func unknownService() {
        #expect(throws: CatalogError.unknownService("cognito", known: ["cognito-identity", "cognito-idp"])) {
            try OperationCatalog.operations(of: "cognito")
        }
    }

    @Test("a service's operations are listed by name")
    func listing() throws {
        let names = try OperationCatalog.operations(of: "cognito-identity").map(\.name)
        #expect(names.count == 23)
        #expect(names == names.sorted())
        #expect(names.first == "CreateIdentityPool")
    }

    @Test("describeInput shows types, limits and required members as JSON")
    func describeListUsers() throws {
        let text = OperationCatalog.describeInput(of: try OperationCatalog.operation(named: "ListUsers", in: "cognito-idp"))
        #expect(text.contains(#""Limit": "integer (0..60)""#))
        #expect(text.contains(#""UserPoolId": "string (1..55 chars, pattern [\\w-]+_[0-9a-zA-Z]+), required""#))
        #expect(text.contains(#""Filter": "string (..256 chars)""#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["UserPoolId", "AttributesToGet", "Limit", "PaginationToken", "Filter"])
    }

    @Test("describeInput expands nested structures, lists, maps and enums")
    func describeNested() throws {
        let text = OperationCatalog.describeInput(of: try OperationCatalog.operation(named: "set-identity-pool-roles", in: "cognito-identity"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let roles = try #require(object["Roles"] as? [String: Any])
        #expect(roles["…"] as? String == "..2 entries, required")
        #expect(roles.keys.contains("<key: string (1..128 chars, pattern (un)?authenticated)>"))
        let mappings = try #require(object["RoleMappings"] as? [String: Any])
        let mapping = try #require(mappings.first { $0.key.hasPrefix("<key") }?.value as? [String: Any])
        #expect(mapping["Type"] as? String == "one of Token | Rules, required")
        let rules = try #require((mapping["RulesConfiguration"] as? [String: Any])?["Rules"] as? [Any])
        #expect(rules.last as? String == "… 1..400 items, required")
    }

    @Test("every operation's input skeleton is valid JSON", arguments: CognitoService.allCases)
    func everySkeletonIsJSON(service: CognitoService) throws {
        for operation in service.operations {
            let text = OperationCatalog.describeInput(of: operation)
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any], "\(operation.name)")
        }
    }

    @Test("a raw call on a client of the other service is refused")
    func wrongService() async throws {
        let transport = RecordingTransport()
        let client = Offline.awsClient(.cognitoIdentity, transport: transport)
        let operation = try OperationCatalog.operation(named: "ListUserPools", in: "cognito-idp")
        await #expect(throws: AWSClientError.self) {
            _ = try await OperationCatalog.call(operation, json: Data(#"{"MaxResults":1}"#.utf8), using: client)
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("a raw call sends the JSON as given, unsigned when the model says so")
    func rawCall() async throws {
        let transport = RecordingTransport(json: #"{"IdentityId":"us-east-1:1"}"#)
        let client = Offline.awsClient(.cognitoIdentity, transport: transport)
        let operation = try OperationCatalog.operation(named: "get-id", in: "cognito-identity")
        let body = Data(#"{"IdentityPoolId":"us-east-1:00000000-0000-0000-0000-000000000000"}"#.utf8)
        let reply = try await OperationCatalog.call(operation, json: body, using: client)
        #expect(String(decoding: reply.body, as: UTF8.self).contains("us-east-1:1"))
        let sent = try #require(transport.requests.first)
        #expect(sent.body == body)
        #expect(sent.headers["Authorization"] == nil)
        #expect(sent.headers["X-Amz-Target"] == "AWSCognitoIdentityService.GetId")
    }
}
