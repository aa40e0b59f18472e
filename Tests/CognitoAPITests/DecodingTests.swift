import AWSCore
import CognitoAPI
import Foundation
import Testing

/// How replies decode and inputs encode, with canned replies and no network.
@Suite("Decoding and encoding", .timeLimit(.minutes(5)))
struct DecodingTests {
    func idp(_ reply: String) -> (CognitoIdentityProviderClient, RecordingTransport) {
        let transport = RecordingTransport(json: reply)
        return (CognitoIdentityProviderClient(Offline.awsClient(.cognitoIdentityProvider, transport: transport)), transport)
    }

    @Test("members the model does not know are ignored")
    func unknownMembers() async throws {
        let (client, _) = idp(#"{"Users":[{"Username":"alice","FutureField":{"x":1}}],"AlsoNew":true}"#)
        let page = try await client.listUsers(.init(userPoolId: "us-east-1_abc"))
        #expect(page.users?.first?.username == "alice")
    }

    @Test("an enum value the model does not list decodes as itself")
    func unknownEnumValue() async throws {
        let (client, _) = idp(#"{"Users":[{"Username":"a","UserStatus":"SOMETHING_NEW"},{"Username":"b","UserStatus":"CONFIRMED"}]}"#)
        let users = try await client.listUsers(.init(userPoolId: "us-east-1_abc")).users ?? []
        #expect(users[0].userStatus == CognitoIdentityProvider.UserStatusType(rawValue: "SOMETHING_NEW"))
        #expect(users[0].userStatus?.isKnown == false)
        #expect(users[1].userStatus == .confirmed)
    }

    @Test("timestamps are epoch seconds, fractions kept")
    func timestamps() async throws {
        let (client, _) = idp(#"{"Users":[{"Username":"a","UserCreateDate":1700000000.25}]}"#)
        let user = try #require(try await client.listUsers(.init(userPoolId: "us-east-1_abc")).users?.first)
        #expect(user.userCreateDate == Date(timeIntervalSince1970: 1_700_000_000.25))
    }

    @Test("blobs travel as base64")
    func blobs() async throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47])
        let (client, transport) = idp(#"{"UICustomization":{"ImageUrl":"x"}}"#)
        _ = try await client.setUICustomization(.init(userPoolId: "us-east-1_abc", imageFile: png))
        let sent = try #require(try JSONSerialization.jsonObject(with: transport.requests[0].body) as? [String: Any])
        #expect(sent["ImageFile"] as? String == png.base64EncodedString())
    }

    @Test("optional members that are nil are left out of the request")
    func nilMembersOmitted() async throws {
        let (client, transport) = idp(#"{}"#)
        _ = try await client.listUsers(.init(userPoolId: "us-east-1_abc", limit: 5))
        #expect(String(decoding: transport.requests[0].body, as: UTF8.self) == #"{"Limit":5,"UserPoolId":"us-east-1_abc"}"#)
    }

    @Test("document members hold any JSON and round-trip")
    func documents() async throws {
        let settings: JSONValue = .object(["components": .object(["form": .array([.integer(1), .number(2.5), .bool(true), .null])])])
        let reply = #"{"ManagedLoginBranding":{"ManagedLoginBrandingId":"id","Settings":{"components":{"form":[1,2.5,true,null]}}}}"#
        let (client, transport) = idp(reply)
        let created = try await client.createManagedLoginBranding(
            .init(userPoolId: "us-east-1_abc", clientId: "client1", settings: settings))
        #expect(created.managedLoginBranding?.settings == settings)
        let sent = try #require(try JSONSerialization.jsonObject(with: transport.requests[0].body) as? [String: Any])
        #expect((sent["Settings"] as? [String: Any])?["components"] != nil)
    }

    @Test("a reply missing a required member is a malformed response naming the member")
    func missingRequiredOutput() async throws {
        let transport = RecordingTransport(json: #"{"IdentityPoolName":"p","AllowUnauthenticatedIdentities":false}"#)
        let identity = CognitoIdentityClient(Offline.awsClient(.cognitoIdentity, transport: transport))
        await #expect {
            _ = try await identity.describeIdentityPool(.init(identityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000"))
        } throws: { error in
            guard case .malformedResponse(let operation, _, let detail, _) = error as? AWSClientError else { return false }
            return operation == "DescribeIdentityPool" && detail.contains("IdentityPoolId")
        }
    }

    @Test("an operation without output returns nothing and needs no reply body")
    func voidOperation() async throws {
        let transport = RecordingTransport(replies: [HTTPResponse(status: 200, body: Data())])
        let idp = CognitoIdentityProviderClient(Offline.awsClient(.cognitoIdentityProvider, transport: transport))
        try await idp.adminDeleteUser(.init(userPoolId: "us-east-1_abc", username: "alice"))
        #expect(transport.targets == ["AWSCognitoIdentityProviderService.AdminDeleteUser"])
    }

    @Test("enums compare with string literals and list their known values")
    func enumConveniences() {
        let status: CognitoIdentityProvider.UserStatusType = "CONFIRMED"
        #expect(status == .confirmed)
        #expect(CognitoIdentityProvider.UserStatusType.knownValues.contains(.forceChangePassword))
        #expect(CognitoIdentity.RoleMappingType.token.rawValue == "Token")
    }
}
