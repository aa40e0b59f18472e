import AWSCore
import CognitoAdmin
import CognitoAPI
import Foundation
import TestSupport

/// A `ClientBackend` over the real clients, pointed at the shared emulator.
public enum EmulatorBackend {
    /// - Parameter now: the clock of token checks and credentials.
    public static func make(readOnly: Bool = false, now: @escaping @Sendable () -> Date = { Date() }) throws -> ClientBackend {
        let keys = TestEmulator.keys
        func client(_ service: ServiceDescriptor) throws -> AWSClient {
            AWSClient(service: service, region: "us-east-1", endpoint: Endpoint(url: try TestEmulator.url())!,
                      credentials: FixedCredentials(keys), transport: CurlTransport(), readOnly: readOnly,
                      context: RuntimeContext(environment: [:]))
        }
        var backend = ClientBackend(identityProvider: CognitoIdentityProviderClient(try client(.cognitoIdentityProvider)),
                                    identity: CognitoIdentityClient(try client(.cognitoIdentity)), profile: "emulator")
        // The keys and credentials come from the emulator, as a profile's endpoint would send them.
        let endpoint = Endpoint(url: try TestEmulator.url())!
        backend.tokenServices = TokenServices(
            keys: JWKSCache(source: JWKSEndpoint(endpoint: endpoint, transport: CurlTransport())),
            credentials: { region in
                CognitoClientConfiguration(region: region, endpoint: endpoint, transport: CurlTransport(),
                                           context: RuntimeContext(environment: [:], now: now))
            },
            now: now)
        return backend
    }

    /// `prefix-1a2b3c4d`: unique per call, valid in every Cognito name pattern.
    public static func unique(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
