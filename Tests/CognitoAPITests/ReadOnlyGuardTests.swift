import AWSCore
import CognitoAPI
import Foundation
import Testing

/// The read-only guard, driven by the generated `mutates` flags, without any network: the
/// transport records what would have been sent.
@Suite("Read-only clients", .timeLimit(.minutes(5)))
struct ReadOnlyGuardTests {
    @Test("a read-only client refuses exactly the mutating operations, before anything is sent",
          arguments: CognitoService.allCases)
    func refusesExactlyTheMutatingOnes(service: CognitoService) async throws {
        for operation in service.operations {
            let transport = RecordingTransport()
            let client = Offline.awsClient(service.descriptor, transport: transport, readOnly: true)
            var refused = false
            do {
                _ = try await OperationCatalog.call(operation, json: Data("{}".utf8), using: client)
            } catch AWSClientError.readOnly(let name) {
                refused = true
                #expect(name == operation.name)
            } catch {
                // A read with required members fails validation instead; that is not a refusal.
            }
            #expect(refused == operation.mutates, "\(operation.name)")
            if operation.mutates {
                #expect(transport.requests.isEmpty, "\(operation.name) reached the transport")
            }
        }
    }

    @Test("the same client sends read operations that need no input")
    func sendsReads() async throws {
        let transport = RecordingTransport()
        let client = Offline.awsClient(.cognitoIdentityProvider, transport: transport, readOnly: true)
        let operation = try OperationCatalog.operation(named: "GetUserPoolMfaConfig", in: "cognito-idp")
        _ = try await OperationCatalog.call(operation, json: Data(#"{"UserPoolId":"us-east-1_abc"}"#.utf8), using: client)
        #expect(transport.targets == ["AWSCognitoIdentityProviderService.GetUserPoolMfaConfig"])
    }

    @Test("a typed mutating call on a read-only client is refused and sends nothing")
    func typedRefusal() async throws {
        let transport = RecordingTransport()
        let idp = CognitoIdentityProviderClient(Offline.awsClient(.cognitoIdentityProvider, transport: transport, readOnly: true))
        await #expect(throws: AWSClientError.readOnly(operation: "AdminDeleteUser")) {
            try await idp.adminDeleteUser(.init(userPoolId: "us-east-1_abc", username: "alice"))
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("a typed read on a read-only client goes through")
    func typedRead() async throws {
        let transport = RecordingTransport(json: #"{"Users":[]}"#)
        let idp = CognitoIdentityProviderClient(Offline.awsClient(.cognitoIdentityProvider, transport: transport, readOnly: true))
        let page = try await idp.listUsers(.init(userPoolId: "us-east-1_abc"))
        #expect(page.users == [])
        #expect(transport.targets == ["AWSCognitoIdentityProviderService.ListUsers"])
    }

    @Test("GetId is refused on a read-only client because it creates an identity")
    func getIdMutates() async throws {
        let transport = RecordingTransport()
        let identity = CognitoIdentityClient(Offline.awsClient(.cognitoIdentity, transport: transport, readOnly: true))
        await #expect(throws: AWSClientError.readOnly(operation: "GetId")) {
            _ = try await identity.getId(.init(identityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000"))
        }
        #expect(transport.requests.isEmpty)
    }
}
