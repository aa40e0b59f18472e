import Foundation
import Testing
@testable import AWSCore

@Suite("Environment variables, profile keys and credential_process", .timeLimit(.minutes(5)))
struct CredentialLocalSourcesTests {
    // MARK: Environment

    @Test func environmentKeysAreUsed() async throws {
        let context = makeContext(environment: ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret",
                                                "AWS_SESSION_TOKEN": "env-token"])
        let credentials = try await EnvironmentCredentialProvider(context: context).credentials()
        #expect(credentials == Credentials(accessKeyId: "AKIAENV", secretAccessKey: "env-secret",
                                           sessionToken: "env-token", source: "environment"))
    }

    @Test func environmentWithoutAnAccessKeyIsNotConfigured() async {
        await #expect(throws: CredentialSourceNotConfigured()) {
            try await EnvironmentCredentialProvider(context: makeContext(
                environment: ["AWS_SECRET_ACCESS_KEY": "s"])).credentials()
        }
    }

    @Test func environmentAccessKeyWithoutSecretIsAnError() async {
        await #expect(throws: AWSClientError.credentials("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not.")) {
            try await EnvironmentCredentialProvider(context: makeContext(
                environment: ["AWS_ACCESS_KEY_ID": "AKIA"])).credentials()
        }
    }

    @Test func environmentExpirationIsHonoured() async throws {
        let context = makeContext(environment: ["AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "s",
                                                "AWS_CREDENTIAL_EXPIRATION": "2030-01-01T01:00:00Z"])
        #expect(try await EnvironmentCredentialProvider(context: context).credentials().expiration == testNow + 3600)
    }

    @Test func environmentExpirationThatIsNotATimeIsAnError() async {
        let context = makeContext(environment: ["AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "s",
                                                "AWS_CREDENTIAL_EXPIRATION": "tomorrow"])
        await #expect(throws: AWSClientError.credentials(
            "AWS_CREDENTIAL_EXPIRATION must be an ISO 8601 time such as 2030-01-01T00:00:00Z, but it is `tomorrow`.")) {
            try await EnvironmentCredentialProvider(context: context).credentials()
        }
    }

    @Test(arguments: [
        ("2030-01-01T01:00:00Z", 3600.0),
        ("2030-01-01T01:00:00.500Z", 3600.5),
        ("2030-01-01T02:00:00+01:00", 3600.0),
        ("2030-01-01T01:00:00UTC", 3600.0),
    ])
    func timestampsInTheFormsCredentialSourcesWrite(text: String, offset: Double) {
        #expect(CredentialSupport.parseTimestamp(text) == testNow + offset)
    }

    // MARK: Profile keys

    func files(config: String? = nil, credentials: String? = nil) throws -> AWSConfigFiles {
        try AWSConfigFiles.load(context: makeContext(config: config, credentials: credentials))
    }

    @Test func credentialsFileKeysAreUsed() async throws {
        let files = try files(credentials: "[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = dev-secret\n"
                                        + "aws_session_token = dev-token\n")
        let credentials = try await ProfileKeysCredentialProvider(profileName: "dev", files: files, file: .credentials)
            .credentials()
        #expect(credentials == Credentials(accessKeyId: "AKIADEV", secretAccessKey: "dev-secret",
                                           sessionToken: "dev-token", source: "shared-credentials-file"))
    }

    @Test func configFileKeysAreReadOnlyFromTheConfigFile() async throws {
        let files = try files(config: "[profile dev]\naws_access_key_id = AKIACFG\naws_secret_access_key = s\n")
        await #expect(throws: CredentialSourceNotConfigured()) {
            try await ProfileKeysCredentialProvider(profileName: "dev", files: files, file: .credentials).credentials()
        }
        let credentials = try await ProfileKeysCredentialProvider(profileName: "dev", files: files, file: .config)
            .credentials()
        #expect(credentials.accessKeyId == "AKIACFG")
        #expect(credentials.source == "config-file")
    }

    @Test func profileWithoutKeysIsNotConfigured() async throws {
        let files = try files(credentials: "[dev]\nregion = x\n")
        await #expect(throws: CredentialSourceNotConfigured()) {
            try await ProfileKeysCredentialProvider(profileName: "dev", files: files, file: .credentials).credentials()
        }
    }

    @Test func accessKeyWithoutSecretIsAnErrorNamingProfileAndFile() async throws {
        let files = try files(credentials: "[dev]\naws_access_key_id = AKIA\n")
        await #expect(throws: AWSClientError.credentials(
            "The profile `dev` in ~/.aws/credentials has aws_access_key_id but no aws_secret_access_key.")) {
            try await ProfileKeysCredentialProvider(profileName: "dev", files: files, file: .credentials).credentials()
        }
    }

    // MARK: credential_process

    func process(_ runner: ScriptedProcessRunner, environment: [String: String] = [:]) -> ProcessCredentialProvider {
        ProcessCredentialProvider(profileName: "tool", profile: ["credential_process": "/usr/bin/get-creds --json"],
                                  context: makeContext(environment: environment, processRunner: runner))
    }

    @Test func processOutputIsRead() async throws {
        let runner = ScriptedProcessRunner(stdout: """
            {"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "proc-secret",
             "SessionToken": "proc-token", "Expiration": "2030-01-01T00:30:00Z"}
            """)
        let credentials = try await process(runner).credentials()
        #expect(credentials == Credentials(accessKeyId: "AKIAPROC", secretAccessKey: "proc-secret",
                                           sessionToken: "proc-token", expiration: testNow + 1800,
                                           source: "credential-process"))
    }

    @Test func processRunsTheCommandWithTheInjectedEnvironment() async throws {
        let runner = ScriptedProcessRunner(stdout: #"{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s"}"#)
        _ = try await process(runner, environment: ["MARKER": "1"]).credentials()
        #expect(runner.commandLines == ["/usr/bin/get-creds --json"])
        #expect(runner.environments.first?["MARKER"] == "1")
    }

    @Test func processWithoutExpirationNeverExpires() async throws {
        let runner = ScriptedProcessRunner(stdout: #"{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s"}"#)
        #expect(try await process(runner).credentials().expiration == nil)
    }

    @Test func profileWithoutCredentialProcessIsNotConfigured() async {
        let provider = ProcessCredentialProvider(profileName: "p", profile: [:], context: makeContext())
        await #expect(throws: CredentialSourceNotConfigured()) { try await provider.credentials() }
    }

    @Test func failingProcessReportsTheFirstLineOfStderrOnly() async {
        let runner = ScriptedProcessRunner(status: 2, stdout: "AKIA-SECRET-ON-STDOUT",
                                           stderr: "\n  token expired, run login  \nsecond line\n")
        await #expect(throws: AWSClientError.credentials(
            "The credential_process of profile `tool` exited with status 2: token expired, run login.")) {
            try await process(runner).credentials()
        }
    }

    @Test func failingProcessWithoutStderr() async {
        await #expect(throws: AWSClientError.credentials("The credential_process of profile `tool` exited with status 1.")) {
            try await process(ScriptedProcessRunner(status: 1)).credentials()
        }
    }

    @Test func processOutputThatIsNotJSONIsNotQuoted() async {
        await #expect(throws: AWSClientError.credentials("The credential_process of profile `tool` did not print a JSON object.")) {
            try await process(ScriptedProcessRunner(stdout: "AKIA secret")).credentials()
        }
    }

    @Test func processVersionMustBeOne() async {
        let runner = ScriptedProcessRunner(stdout: #"{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "s"}"#)
        await #expect(throws: AWSClientError.credentials(
            "The credential_process of profile `tool` printed Version `2`; only Version 1 is understood.")) {
            try await process(runner).credentials()
        }
    }

    @Test func processWithoutVersion() async {
        let runner = ScriptedProcessRunner(stdout: #"{"AccessKeyId": "A", "SecretAccessKey": "s"}"#)
        await #expect(throws: AWSClientError.credentials(
            "The credential_process of profile `tool` printed Version none; only Version 1 is understood.")) {
            try await process(runner).credentials()
        }
    }

    @Test func processWithoutSecretKey() async {
        let runner = ScriptedProcessRunner(stdout: #"{"Version": 1, "AccessKeyId": "A"}"#)
        await #expect(throws: AWSClientError.credentials(
            "The credential_process of profile `tool` printed JSON without SecretAccessKey.")) {
            try await process(runner).credentials()
        }
    }

    @Test func processWithABadExpiration() async {
        let runner = ScriptedProcessRunner(stdout: #"{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s", "Expiration": "soon"}"#)
        await #expect(throws: AWSClientError.credentials(
            "The credential_process of profile `tool` printed an Expiration that is not an ISO 8601 time: `soon`.")) {
            try await process(runner).credentials()
        }
    }
}
