import AWSCore
@testable import CognitoAPI
import Foundation
import Testing

/// A type that holds the two clients and declares nothing else: it compiles only if the
/// forwarding extension implements every requirement of `CognitoOperations`.
private struct Clients: CognitoClientForwarding {
    let identityProvider: CognitoIdentityProviderClient
    let identity: CognitoIdentityClient
}

@Suite("CognitoOperations forwards every operation to its client", .timeLimit(.minutes(5)))
struct OperationsForwardingTests {
    /// The smallest JSON the input shape decodes from: required members only, each a value of
    /// the right JSON type (not necessarily one the model's patterns accept).
    static func skeleton(_ shapeName: String, in schema: ServiceSchema) -> JSONValue {
        let shape = schema.shape(shapeName)
        switch shape.kind {
        case .structure:
            var members: [String: JSONValue] = [:]
            for member in shape.members where shape.required.contains(member.name) {
                members[member.name] = skeleton(member.shape, in: schema)
            }
            return .object(members)
        case .list: return .array([])
        case .map, .document: return .object([:])
        case .string: return .string("x")
        case .blob: return .string("eA==")
        case .integer, .long, .double, .float: return .integer(1)
        case .timestamp: return .integer(0)
        case .boolean: return .bool(true)
        }
    }

    /// Which operation a call reached: the target of the request it sent, or the operation the
    /// client named when it refused the input before sending (the service is then unknown; the
    /// compiler has already tied each method to its own client's type).
    struct Reached: Equatable, CustomStringConvertible {
        var service: CognitoService?
        var name: String
        var description: String { "\(service?.rawValue ?? "?") \(name)" }
    }

    @Test("calling each of the 145 operations through the protocol reaches that operation and no other")
    func everyOperationForwards() async throws {
        let identity = RecordingTransport()
        let identityProvider = RecordingTransport()
        let clients = Clients(
            identityProvider: CognitoIdentityProviderClient(Offline.awsClient(.cognitoIdentityProvider, transport: identityProvider)),
            identity: CognitoIdentityClient(Offline.awsClient(.cognitoIdentity, transport: identity)))
        let operations = CognitoService.allCases.flatMap(\.operations)
        #expect(operations.count == 145)

        var reached: [Reached] = []
        for operation in operations {
            let sent = (identity.requests.count, identityProvider.requests.count)
            let json = Self.skeleton(operation.input, in: operation.service.schema)
            var outcome: Reached?
            do {
                _ = try await clients.call(operation, json: json)
            } catch let error as InputValidationError {
                outcome = Reached(name: error.operation)
            } catch AWSClientError.malformedResponse(let name, _, _, _) {
                outcome = Reached(name: name)
            } catch {
                Issue.record("\(operation): \(error)")
            }
            for (service, transport, before) in [(CognitoService.cognitoIdentity, identity, sent.0),
                                                 (.cognitoIdentityProvider, identityProvider, sent.1)]
            where transport.requests.count > before {
                let target = transport.targets.last ?? ""
                outcome = Reached(service: service, name: String(target.split(separator: ".").last ?? ""))
            }
            if let outcome {
                reached.append(outcome)
                #expect(outcome.name == operation.name, "\(operation) reached \(outcome)")
                if let service = outcome.service {
                    #expect(service == operation.service, "\(operation) reached \(outcome)")
                }
            }
        }
        #expect(reached.count == operations.count)
        // Each request went to the client of its own service, with the model's target.
        let targets = Set(identity.targets + identityProvider.targets)
        #expect(targets.isSubset(of: Set(operations.map(\.target))))
        #expect(identity.targets.allSatisfy { $0.hasPrefix("AWSCognitoIdentityService.") })
        #expect(identityProvider.targets.allSatisfy { $0.hasPrefix("AWSCognitoIdentityProviderService.") })
    }

    @Test("JSON that does not decode as the input is refused before any call")
    func undecodableInput() async throws {
        let transport = RecordingTransport()
        let clients = Clients(
            identityProvider: CognitoIdentityProviderClient(Offline.awsClient(.cognitoIdentityProvider, transport: transport)),
            identity: CognitoIdentityClient(Offline.awsClient(.cognitoIdentity, transport: transport)))
        await #expect(throws: AWSClientError.self) {
            try await clients.call(CognitoIdentityProvider.Operations.listUsers, json: .object(["UserPoolId": .integer(5)]))
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("the output comes back as JSON with the model's member names")
    func outputAsJSON() async throws {
        let transport = RecordingTransport(json: #"{"Group":{"GroupName":"admins","UserPoolId":"us-east-1_abc","Precedence":2}}"#)
        let clients = Clients(
            identityProvider: CognitoIdentityProviderClient(Offline.awsClient(.cognitoIdentityProvider, transport: transport)),
            identity: CognitoIdentityClient(Offline.awsClient(.cognitoIdentity, transport: transport)))
        let output = try await clients.call(CognitoIdentityProvider.Operations.getGroup,
                                            json: .object(["GroupName": .string("admins"), "UserPoolId": .string("us-east-1_abc")]))
        #expect(output == .object(["Group": .object(["GroupName": .string("admins"), "UserPoolId": .string("us-east-1_abc"),
                                                     "Precedence": .integer(2)])]))
        #expect(transport.targets == ["AWSCognitoIdentityProviderService.GetGroup"])
    }
}
