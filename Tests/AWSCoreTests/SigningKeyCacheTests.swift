import Foundation
import Testing
@testable import AWSCore

@Suite("Signing keys are cached by their owner, not globally", .timeLimit(.minutes(5)))
struct SigningKeyCacheTests {
    static let date = Date(timeIntervalSince1970: 1_893_456_000)
    static let keys = Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "first-secret")

    func request() -> HTTPRequest {
        JSONProtocol.request(endpoint: Endpoint(scheme: "https", host: "cognito-idp.us-east-1.amazonaws.com"),
                             targetPrefix: "AWSCognitoIdentityProviderService", operation: "ListUserPools",
                             body: Data(#"{"MaxResults":10}"#.utf8))
    }

    @Test("a cached key signs exactly as a freshly derived one")
    func cachedSignatureMatches() {
        let cache = SigningKeyCache()
        let cached = SigV4Signer(credentials: Self.keys, region: "us-east-1", service: "cognito-idp", keyCache: cache)
        let fresh = SigV4Signer(credentials: Self.keys, region: "us-east-1", service: "cognito-idp")
        let first = cached.signHeaders(request(), date: Self.date).signature
        let second = cached.signHeaders(request(), date: Self.date).signature
        #expect(first == fresh.signHeaders(request(), date: Self.date).signature)
        #expect(second == first)
        #expect(cache.count == 1)
    }

    @Test("a key is kept per secret, day, region and service")
    func keyedByScope() {
        let cache = SigningKeyCache()
        func sign(_ secret: String, _ date: Date, _ region: String, _ service: String) -> String {
            let credentials = Credentials(accessKeyId: "AKID", secretAccessKey: secret)
            let cached = SigV4Signer(credentials: credentials, region: region, service: service, keyCache: cache)
            let fresh = SigV4Signer(credentials: credentials, region: region, service: service)
            let signature = cached.signHeaders(request(), date: date).signature
            #expect(signature == fresh.signHeaders(request(), date: date).signature)
            return signature
        }
        _ = sign("a", Self.date, "us-east-1", "cognito-idp")
        _ = sign("a", Self.date + 60, "us-east-1", "cognito-idp")
        #expect(cache.count == 1, "the same day made a second key")
        _ = sign("b", Self.date, "us-east-1", "cognito-idp")
        _ = sign("a", Self.date + 86_400, "us-east-1", "cognito-idp")
        _ = sign("a", Self.date, "eu-west-1", "cognito-idp")
        _ = sign("a", Self.date, "us-east-1", "cognito-identity")
        #expect(cache.count == 5)
    }

    @Test("two clients made alone do not share keys; their calls fill their own caches")
    func clientsMadeAloneHaveTheirOwn() async throws {
        let context = RuntimeContext(environment: [:], now: { Self.date }, sleep: { _ in })
        func client(_ transport: ScriptedTransport) -> AWSClient {
            AWSClient(service: .cognitoIdentityProvider, region: "us-east-1",
                      credentials: FixedCredentials(Self.keys), transport: transport, context: context)
        }
        let first = client(ScriptedTransport([.ok(), .ok()]))
        let second = client(ScriptedTransport([]))
        _ = try await first.callJSON("ListUserPools", input: Data(), mutates: false)
        _ = try await first.callJSON("ListUserPools", input: Data(), mutates: false)
        #expect(first.signingKeys !== second.signingKeys)
        #expect(first.signingKeys.count == 1)
        #expect(second.signingKeys.count == 0)
    }
}
