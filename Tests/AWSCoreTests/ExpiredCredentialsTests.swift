import Foundation
import Testing
import TestSupport
@testable import AWSCore

/// A service that says the session token has expired: the client asks its credential provider
/// for new credentials and signs again, once.
@Suite("Expired credentials: refreshed and signed again once", .timeLimit(.minutes(5)))
struct ExpiredCredentialsTests {
    /// A profile whose `credential_process` prints a new session token each time it runs
    /// (`token-1`, `token-2`, …), valid for a day, so the session's cache keeps each one.
    final class Profile {
        let folder: URL
        var configPath: String { folder.appendingPathComponent("config").path }
        var runs: Int { (try? String(contentsOf: folder.appendingPathComponent("runs"), encoding: .utf8))?.count ?? 0 }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("expired-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let script = folder.appendingPathComponent("credentials.sh").path
            try """
                printf x >> "\(folder.path)/runs"
                n=$(wc -c < "\(folder.path)/runs")
                printf '{"Version": 1, "AccessKeyId": "AKIDEXAMPLE", "SecretAccessKey": "secret", "SessionToken": "token-%s", "Expiration": "2099-01-01T00:00:00Z"}' $n
                """.write(toFile: script, atomically: true, encoding: .utf8)
            try "[profile rotating]\nregion = us-east-1\ncredential_process = /bin/sh \(script)\n"
                .write(toFile: configPath, atomically: true, encoding: .utf8)
        }

        func session(endpoint: String) throws -> AWSSession {
            let context = RuntimeContext(environment: ["AWS_CONFIG_FILE": configPath, "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
                                                       "HOME": folder.path, "AWS_EC2_METADATA_DISABLED": "true"])
            return try AWSSession(overrides: ConfigOverrides(profile: "rotating", endpointURL: endpoint), context: context)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    @Test("ExpiredTokenException: the chain is asked again and the call goes out with the new token")
    func jsonExpiredToken() async throws {
        let server = try StrictServer(expiredTokens: ["token-1"])
        let profile = try Profile()
        let session = try profile.session(endpoint: server.url)
        let client = try session.client(.cognitoIdentityProvider)
        _ = try await client.callJSON("ListUserPools", input: Data("{}".utf8), mutates: false)
        #expect(try server.requests().map(\.token) == ["token-1", "token-2"])
        #expect(try server.requests().map(\.status) == [400, 200])
        // The refreshed credentials are kept: the next call is not refreshed again.
        _ = try await client.callJSON("AdminDisableUser", input: Data("{}".utf8), mutates: true)
        #expect(try server.requests().map(\.token) == ["token-1", "token-2", "token-2"])
        #expect(profile.runs == 2)
    }

    @Test("STS's ExpiredToken is refreshed the same way")
    func stsExpiredToken() async throws {
        let reply = "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account>"
            + "</GetCallerIdentityResult></GetCallerIdentityResponse>"
        let server = try StrictServer(expiredTokens: ["token-1"], reply: reply)
        let profile = try Profile()
        let session = try profile.session(endpoint: server.url)
        let identity = try await session.sts().getCallerIdentity(credentials: session.credentials)
        #expect(identity["Account"] == "123456789012")
        #expect(try server.requests().map(\.token) == ["token-1", "token-2"])
    }

    @Test("credentials that are still expired after the refresh: the error is returned, after one refresh only")
    func refreshedOnce() async throws {
        let server = try StrictServer(expiredTokens: ["token-1", "token-2", "token-3"])
        let profile = try Profile()
        let client = try profile.session(endpoint: server.url).client(.cognitoIdentityProvider)
        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await client.callJSON("ListUserPools", input: Data("{}".utf8), mutates: false)
        }
        #expect(error?.code == "ExpiredTokenException")
        #expect(try server.requests().map(\.token) == ["token-1", "token-2"])
    }
}
