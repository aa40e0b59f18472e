import AWSCore
import CognitoAdmin
import CognitoAPI
import Foundation
import TestSupport

/// A `ClientBackend` over the real clients, pointed at the shared emulator.
public enum EmulatorBackend {
    public static func make(readOnly: Bool = false) throws -> ClientBackend {
        let keys = TestEmulator.keys
        func client(_ service: ServiceDescriptor) throws -> AWSClient {
            AWSClient(service: service, region: "us-east-1", endpoint: Endpoint(url: try TestEmulator.url())!,
                      credentials: FixedCredentials(keys), transport: CurlTransport(), readOnly: readOnly,
                      context: RuntimeContext(environment: [:]))
        }
        return ClientBackend(identityProvider: CognitoIdentityProviderClient(try client(.cognitoIdentityProvider)),
                             identity: CognitoIdentityClient(try client(.cognitoIdentity)), profile: "emulator")
    }

    /// `prefix-1a2b3c4d`: unique per call, valid in every Cognito name pattern.
    public static func unique(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
