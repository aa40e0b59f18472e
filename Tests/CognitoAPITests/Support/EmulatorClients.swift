import AWSCore
import CognitoAPI
import Foundation
import TestSupport

/// Typed clients pointed at the shared emulator (moto in server mode plus the project's
/// extension), and unique names so tests running in parallel never share a resource.
enum Emulator {
    static let keys = TestEmulator.keys
    static let region = "us-east-1"

    static func awsClient(_ service: ServiceDescriptor, credentials: Credentials? = keys) throws -> AWSClient {
        AWSClient(service: service, region: region, endpoint: Endpoint(url: try TestEmulator.url())!,
                  credentials: FixedCredentials(credentials), transport: CurlTransport(),
                  context: RuntimeContext(environment: [:]))
    }

    static func identityProvider() throws -> CognitoIdentityProviderClient {
        CognitoIdentityProviderClient(try awsClient(.cognitoIdentityProvider))
    }

    static func identity(credentials: Credentials? = keys) throws -> CognitoIdentityClient {
        CognitoIdentityClient(try awsClient(.cognitoIdentity, credentials: credentials))
    }

    /// `prefix-1a2b3c4d`: unique per call, valid in every Cognito name pattern.
    static func unique(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Like `unique` but with `_` (identity pool names allow only `\w` and spaces).
    static func uniqueWord(_ prefix: String) -> String {
        "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// A new user pool, deleted by the caller if it wants.
    static func userPool(_ idp: CognitoIdentityProviderClient, prefix: String = "pool") async throws -> String {
        let created = try await idp.createUserPool(.init(poolName: unique(prefix)))
        return try unwrap(created.userPool?.id, "CreateUserPool returned no Id")
    }

    static func unwrap<T>(_ value: T?, _ message: String) throws -> T {
        guard let value else { throw EmulatorTestFailure(message) }
        return value
    }
}

struct EmulatorTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
