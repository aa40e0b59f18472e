import AWSCore
import CognitoAdmin
import ConsoleModel
import ConsoleTestSupport
import Foundation
import Testing

/// The profile's credentials in the console: how long they have left in the header, and a
/// switch (`p`) to an IAM Identity Center profile whose cached token is missing or expired.
@MainActor
@Suite("Credentials in the console", .timeLimit(.minutes(5)))
struct CredentialsTests {
    /// A clock the test moves.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var time = Date(timeIntervalSince1970: 1_800_000_000)
        var now: Date { lock.withLock { time } }
        func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }
    }

    @Test("the header counts down the time the credentials have left, warning in the last ten minutes")
    func remainingTime() async {
        let clock = Clock()
        let backend = FakeBackend.withUsers(1)
        backend.credentialsExpire = clock.now + 3 * 3600 + 5 * 60 + 30
        let model = ConsoleViewModel(backend: backend, now: { clock.now }, makeBackend: { _, _ in backend })
        await model.settle()
        #expect(model.screen.header.credentialsLeft == "creds 3h05m")
        #expect(!model.screen.header.credentialsEnding)
        clock.advance(3 * 3600)
        #expect(model.screen.header.credentialsLeft == "creds 5m")
        #expect(model.screen.header.credentialsEnding)
        clock.advance(5 * 60)
        #expect(model.screen.header.credentialsLeft == "creds <1m")
        clock.advance(60)
        #expect(model.screen.header.credentialsLeft == "creds expired")
    }

    @Test("credentials that do not expire show nothing")
    func noExpiry() async {
        let model = ConsoleViewModel(backend: FakeBackend.withUsers(1), makeBackend: { _, _ in throw AWSClientError.configuration("no") })
        await model.settle()
        #expect(model.screen.header.credentialsLeft == nil)
    }

    static let ssoConfig = """
        [profile default]
        region = us-east-1

        [profile sso-dev]
        sso_session = corp
        sso_account_id = 111122223333
        sso_role_name = CognitoAdmin
        region = eu-west-1

        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = eu-west-1
        """

    /// Switching with `p` to sso-dev, whose token cache holds `token` (nil: no file), through
    /// real sessions over files in memory; the portal is never reached.
    func switchToSSO(token: String?) async throws -> ConsoleViewModel {
        // The cache file is named by the SHA-1 of the session name, "corp".
        var files = ["/home/op/.aws/config": Self.ssoConfig]
        if let token { files["/home/op/.aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json"] = token }
        let context = RuntimeContext(environment: ["HOME": "/home/op", "AWS_EC2_METADATA_DISABLED": "true"],
                                     files: MemoryFiles(files), now: { Date(timeIntervalSince1970: 1_800_000_000) })
        let start = FakeBackend.withUsers(1)
        let model = ConsoleViewModel(backend: start, profiles: ["default", "sso-dev"], makeBackend: { profile, region in
            let session = try AWSSession(overrides: ConfigOverrides(profile: profile, region: region,
                                                                    endpointURL: "http://127.0.0.1:9"), context: context)
            return try ClientBackend(session: session)
        })
        await model.settle()
        model.handle(.key(.character("p")))
        model.handle(.key(.down))
        model.handle(.key(.enter))
        await model.settle()
        return model
    }

    @Test("p to an SSO profile whose cached token has expired names the aws sso login to run and stays put")
    func expiredToken() async throws {
        let model = try await switchToSSO(token: #"{"accessToken": "old", "expiresAt": "2026-01-01T00:00:00Z"}"#)
        #expect(model.screen.message == StatusMessage(.error,
            "The IAM Identity Center (SSO) session of profile sso-dev has expired or was never started: run `aws sso login --profile sso-dev`, then press r."))
        #expect(model.screen.header.profile == "test")
    }

    @Test("p to an SSO profile that never logged in says the same")
    func missingToken() async throws {
        let model = try await switchToSSO(token: nil)
        #expect(model.screen.message?.text.contains("run `aws sso login --profile sso-dev`") == true)
        #expect(model.screen.header.profile == "test")
    }
}
