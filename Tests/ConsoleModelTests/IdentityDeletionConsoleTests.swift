import AWSCore
import CognitoAPI
import ConsoleModel
import Foundation
import Testing
import TestSupport

/// Deleting marked identities in the console: one job, 60 ids to a `DeleteIdentities` call.
@MainActor
@Suite("Deleting marked identities against the emulator", .timeLimit(.minutes(5)))
struct IdentityDeletionConsoleTests {
    /// Counts the calls sent, by operation.
    final class Counter: CallObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var sent: [String: Int] = [:]
        func willSend(operation: String, attempt: Int, request: HTTPRequest) {
            lock.withLock { sent[operation, default: 0] += 1 }
        }
        func didFinish(_ record: CallRecord) {}
        func count(_ operation: String) -> Int { lock.withLock { sent[operation] ?? 0 } }
    }

    @Test("ctrl-a and del on 65 identities: the plan says two calls, \"delete 65\" sends two, and the pool is empty")
    func deleteMarked() async throws {
        let counter = Counter()
        let keys = TestEmulator.keys
        func client(_ service: ServiceDescriptor) throws -> AWSClient {
            AWSClient(service: service, region: "us-east-1", endpoint: Endpoint(url: try TestEmulator.url())!,
                      credentials: FixedCredentials(keys), transport: CurlTransport(), context: RuntimeContext(environment: [:]),
                      observer: counter)
        }
        let backend = ClientBackend(identityProvider: CognitoIdentityProviderClient(try client(.cognitoIdentityProvider)),
                                    identity: CognitoIdentityClient(try client(.cognitoIdentity)), profile: "emulator")
        let pool = try await backend.identity.createIdentityPool(.init(
            identityPoolName: EmulatorConsoleTests.unique("deleting"), allowUnauthenticatedIdentities: true))
        for _ in 0..<65 { _ = try await backend.identity.getId(.init(identityPoolId: pool.identityPoolId)) }

        let model = EmulatorConsoleTests.model(backend, start: .identityPool(id: pool.identityPoolId, name: pool.identityPoolName))
        await model.settle()
        model.handle(.key(.tab))
        await model.settle()
        model.handle(.key(.character("L")))
        await model.settle()
        model.handle(.key(.control("a")))
        #expect(model.state.currentList?.marked.count == 65)
        model.handle(.key(.delete))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no plan: \(model.screen.body)"); return }
        #expect(confirm.text.contains("2 DeleteIdentities calls of up to 60"), "\(confirm.text)")
        #expect(confirm.typeToConfirm == "delete 65")
        for char in "delete 65" { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        await model.settle()

        #expect(counter.count("DeleteIdentities") == 2)
        #expect(model.screen.message?.text.hasPrefix("Delete 65 identities: 65 succeeded, 0 failed.") == true,
                "\(String(describing: model.screen.message))")
        let left = try await backend.identity.listIdentities(.init(identityPoolId: pool.identityPoolId, maxResults: 60))
        #expect(left.identities?.isEmpty ?? true)
    }
}
