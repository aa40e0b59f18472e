import Foundation
import Testing
@testable import AWSCore

@Suite("AssumeRole and AssumeRoleWithWebIdentity from profiles and the environment", .timeLimit(.minutes(5)))
struct CredentialAssumeRoleTests {
    static let base = """
        [profile admin]
        role_arn = arn:aws:iam::111111111111:role/Admin
        source_profile = keys
        """
    static let keys = "[keys]\naws_access_key_id = AKIAKEYS\naws_secret_access_key = keys-secret\n"

    func provider(_ profile: String, config: String, credentials: String = Self.keys,
                  environment: [String: String] = [:], sts: RecordingSTS,
                  prompt: (@Sendable (String) -> String?)? = nil,
                  transport: RecordingTransport = RecordingTransport()) throws -> AssumeRoleCredentialProvider {
        let context = makeContext(environment: environment, config: config, credentials: credentials, prompt: prompt)
        let files = try AWSConfigFiles.load(context: context)
        let sources = CredentialSources(files: files, profile: files.profile(profile) ?? [:], context: context,
                                        transport: transport, sts: sts, ssoEndpoint: nil)
        return AssumeRoleCredentialProvider(profileName: profile, sources: sources)
    }

    func failure(_ provider: AssumeRoleCredentialProvider) async -> String? {
        do {
            _ = try await provider.credentials()
            return nil
        } catch {
            return message(of: error)
        }
    }

    @Test func roleIsAssumedWithTheSourceProfilesKeys() async throws {
        let sts = RecordingSTS()
        let credentials = try await provider("admin", config: Self.base, sts: sts).credentials()
        #expect(credentials.accessKeyId == "ASIA-ROLE-1")
        #expect(credentials.source == "assume-role")
        #expect(sts.assumeRoleCalls.count == 1)
        #expect(sts.assumeRoleCalls[0].signedWith.accessKeyId == "AKIAKEYS")
        #expect(sts.assumeRoleCalls[0].request.roleArn == "arn:aws:iam::111111111111:role/Admin")
    }

    @Test func sessionNameDefaultsToTheToolAndTheTime() async throws {
        let sts = RecordingSTS()
        _ = try await provider("admin", config: Self.base, sts: sts).credentials()
        #expect(sts.assumeRoleCalls[0].request.roleSessionName == "cognito-tui-1893456000")
    }

    @Test func optionalSettingsArePassedOn() async throws {
        let sts = RecordingSTS()
        let config = Self.base + "\nexternal_id = ext-1\nrole_session_name = me\nduration_seconds = 900\n"
        _ = try await provider("admin", config: config, sts: sts).credentials()
        #expect(sts.assumeRoleCalls[0].request == AssumeRoleRequest(
            roleArn: "arn:aws:iam::111111111111:role/Admin", roleSessionName: "me", externalId: "ext-1",
            durationSeconds: 900))
    }

    @Test func badDurationIsAnError() async throws {
        let message = await failure(try provider("admin", config: Self.base + "\nduration_seconds = 1h\n", sts: RecordingSTS()))
        #expect(message == "The duration_seconds setting of profile `admin` must be a whole number of seconds, but it is `1h`.")
    }

    @Test func profileWithoutRoleIsNotConfigured() async throws {
        await #expect(throws: CredentialSourceNotConfigured()) {
            try await provider("keys", config: "", sts: RecordingSTS()).credentials()
        }
    }

    @Test func profileWithAWebIdentityTokenFileIsLeftToTheWebIdentityProvider() async throws {
        let config = "[profile w]\nrole_arn = arn:aws:iam::1:role/W\nweb_identity_token_file = /t\n"
        await #expect(throws: CredentialSourceNotConfigured()) {
            try await provider("w", config: config, sts: RecordingSTS()).credentials()
        }
    }

    @Test func rolesChainThroughSourceProfiles() async throws {
        let sts = RecordingSTS()
        let config = Self.base + "\n[profile deploy]\nrole_arn = arn:aws:iam::222222222222:role/Deploy\nsource_profile = admin\n"
        let credentials = try await provider("deploy", config: config, sts: sts).credentials()
        #expect(sts.assumeRoleCalls.map(\.request.roleArn) == ["arn:aws:iam::111111111111:role/Admin",
                                                               "arn:aws:iam::222222222222:role/Deploy"])
        #expect(sts.assumeRoleCalls[1].signedWith.accessKeyId == "ASIA-ROLE-1")
        #expect(credentials.accessKeyId == "ASIA-ROLE-2")
    }

    @Test func sourceProfileMayBeItselfWhenItHoldsKeys() async throws {
        let sts = RecordingSTS()
        let credentials = "[self]\naws_access_key_id = AKIASELF\naws_secret_access_key = s\n"
        let config = "[profile self]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = self\n"
        _ = try await provider("self", config: config, credentials: credentials, sts: sts).credentials()
        #expect(sts.assumeRoleCalls[0].signedWith.accessKeyId == "AKIASELF")
    }

    @Test func sourceProfileLoopIsAnError() async throws {
        let config = """
            [profile a]
            role_arn = arn:aws:iam::1:role/A
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::1:role/B
            source_profile = a
            """
        let message = await failure(try provider("a", config: config, sts: RecordingSTS()))
        #expect(message == "The source_profile settings form a loop: `a` → `b` → `a`.")
    }

    @Test func missingSourceProfileIsAnError() async throws {
        let config = "[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = gone\n"
        let message = await failure(try provider("a", config: config, credentials: "", sts: RecordingSTS()))
        #expect(message == "The source_profile `gone` of profile `a` is not in ~/.aws/config or ~/.aws/credentials.")
    }

    @Test func sourceProfileWithoutCredentialsIsAnError() async throws {
        let config = Self.base + "\n[profile keys]\nregion = x\n"
        let message = await failure(try provider("admin", config: config, credentials: "", sts: RecordingSTS()))
        #expect(message == "The source_profile `keys` of profile `admin` has no credentials.")
    }

    @Test func sourceProfileMayUseCredentialProcess() async throws {
        let sts = RecordingSTS()
        let runner = ScriptedProcessRunner(stdout: #"{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "s"}"#)
        let context = makeContext(config: Self.base + "\n[profile keys]\ncredential_process = get\n", processRunner: runner)
        let files = try AWSConfigFiles.load(context: context)
        let sources = CredentialSources(files: files, profile: [:], context: context,
                                        transport: RecordingTransport(), sts: sts, ssoEndpoint: nil)
        _ = try await AssumeRoleCredentialProvider(profileName: "admin", sources: sources).credentials()
        #expect(sts.assumeRoleCalls[0].signedWith.accessKeyId == "AKIAPROC")
    }

    @Test func sourceProfileAndCredentialSourceTogetherIsAnError() async throws {
        let message = await failure(try provider("admin", config: Self.base + "\ncredential_source = Environment\n",
                                                 sts: RecordingSTS()))
        #expect(message == "The profile `admin` sets both source_profile and credential_source; keep one.")
    }

    @Test func roleWithoutAnySourceIsAnError() async throws {
        let message = await failure(try provider("r", config: "[profile r]\nrole_arn = arn:aws:iam::1:role/R\n",
                                                 sts: RecordingSTS()))
        #expect(message == "The profile `r` sets role_arn but neither source_profile nor credential_source.")
    }

    @Test func credentialSourceEnvironmentSignsWithTheEnvironmentKeys() async throws {
        let sts = RecordingSTS()
        let config = "[profile r]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Environment\n"
        _ = try await provider("r", config: config, environment: ["AWS_ACCESS_KEY_ID": "AKIAENV",
                                                                  "AWS_SECRET_ACCESS_KEY": "s"], sts: sts).credentials()
        #expect(sts.assumeRoleCalls[0].signedWith.accessKeyId == "AKIAENV")
    }

    @Test func credentialSourceContainerSignsWithContainerCredentials() async throws {
        let sts = RecordingSTS()
        let transport = RecordingTransport { _ in json(200, #"{"AccessKeyId": "AKIACTR", "SecretAccessKey": "s"}"#) }
        let config = "[profile r]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = EcsContainer\n"
        _ = try await provider("r", config: config, environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/creds"],
                               sts: sts, transport: transport).credentials()
        #expect(sts.assumeRoleCalls[0].signedWith.accessKeyId == "AKIACTR")
    }

    @Test func credentialSourceWithNothingThereIsAnError() async throws {
        let config = "[profile r]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Ec2InstanceMetadata\n"
        let message = await failure(try provider("r", config: config, sts: RecordingSTS()))
        #expect(message == "The profile `r` takes its credentials from credential_source `Ec2InstanceMetadata`, "
                + "but none were found there (disabled by AWS_EC2_METADATA_DISABLED).")
    }

    @Test func unknownCredentialSourceIsAnError() async throws {
        let config = "[profile r]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Laptop\n"
        let message = await failure(try provider("r", config: config, sts: RecordingSTS()))
        #expect(message == "The credential_source `Laptop` of profile `r` is not one of Environment, "
                + "Ec2InstanceMetadata or EcsContainer.")
    }

    @Test func stsFailureSurfaces() async throws {
        let sts = RecordingSTS()
        sts.failure = AWSServiceError(code: "AccessDenied", message: "no", httpStatus: 403, requestId: "r",
                                      operation: "AssumeRole")
        await #expect(throws: AWSServiceError.self) {
            try await provider("admin", config: Self.base, sts: sts).credentials()
        }
    }

    // MARK: MFA

    static let mfa = base + "\nmfa_serial = arn:aws:iam::111111111111:mfa/me\n"

    @Test func mfaCodeIsAskedForAndSent() async throws {
        let sts = RecordingSTS()
        let asked = LockedBox<String>()
        _ = try await provider("admin", config: Self.mfa, sts: sts, prompt: { text in
            asked.value = text
            return " 123456\n"
        }).credentials()
        #expect(asked.value == "Enter MFA code for arn:aws:iam::111111111111:mfa/me: ")
        #expect(sts.assumeRoleCalls[0].request.serialNumber == "arn:aws:iam::111111111111:mfa/me")
        #expect(sts.assumeRoleCalls[0].request.tokenCode == "123456")
    }

    @Test(arguments: [false, true])
    func mfaWithoutATerminalSaysSo(hasPrompt: Bool) async throws {
        let noAnswer: @Sendable (String) -> String? = { _ in nil }
        let prompt = hasPrompt ? noAnswer : nil
        let message = await failure(try provider("admin", config: Self.mfa, sts: RecordingSTS(), prompt: prompt))
        #expect(message == "The profile `admin` needs an MFA code (mfa_serial) but there is no terminal to ask for it.")
    }

    // MARK: Web identity

    func webIdentity(profile: [String: String] = [:], environment: [String: String] = [:], useEnvironment: Bool = true,
                     files: MemoryFiles = MemoryFiles(["/var/run/token": "jwt-1\n"]),
                     sts: RecordingSTS) -> WebIdentityCredentialProvider {
        WebIdentityCredentialProvider(profileName: "default", profile: profile, useEnvironment: useEnvironment,
                                      context: makeContext(environment: environment, files: files), sts: sts)
    }

    static let webEnvironment = ["AWS_WEB_IDENTITY_TOKEN_FILE": "/var/run/token",
                                 "AWS_ROLE_ARN": "arn:aws:iam::1:role/Pod", "AWS_ROLE_SESSION_NAME": "pod-1"]

    @Test func webIdentityFromTheEnvironment() async throws {
        let sts = RecordingSTS()
        let credentials = try await webIdentity(environment: Self.webEnvironment, sts: sts).credentials()
        #expect(sts.webIdentityCalls == [AssumeRoleWithWebIdentityRequest(
            roleArn: "arn:aws:iam::1:role/Pod", roleSessionName: "pod-1", webIdentityToken: "jwt-1")])
        #expect(credentials.source == "web-identity")
    }

    @Test func webIdentityFromTheProfile() async throws {
        let sts = RecordingSTS()
        _ = try await webIdentity(profile: ["web_identity_token_file": "/var/run/token",
                                            "role_arn": "arn:aws:iam::1:role/Prof"], sts: sts).credentials()
        #expect(sts.webIdentityCalls.first?.roleArn == "arn:aws:iam::1:role/Prof")
        #expect(sts.webIdentityCalls.first?.roleSessionName == "cognito-tui-1893456000")
    }

    @Test func environmentBeatsTheProfileSettingBySetting() async throws {
        let sts = RecordingSTS()
        _ = try await webIdentity(profile: ["web_identity_token_file": "/other", "role_arn": "arn:aws:iam::1:role/Prof"],
                                  environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": "/var/run/token"], sts: sts).credentials()
        #expect(sts.webIdentityCalls.first?.webIdentityToken == "jwt-1")
        #expect(sts.webIdentityCalls.first?.roleArn == "arn:aws:iam::1:role/Prof")
    }

    @Test func environmentIsIgnoredWhenAProfileWasNamed() async {
        await #expect(throws: CredentialSourceNotConfigured()) {
            try await webIdentity(environment: Self.webEnvironment, useEnvironment: false, sts: RecordingSTS()).credentials()
        }
    }

    @Test func tokenFileIsReadAgainOnEveryCall() async throws {
        let sts = RecordingSTS()
        let files = MemoryFiles(["/var/run/token": "jwt-1"])
        let provider = webIdentity(environment: Self.webEnvironment, files: files, sts: sts)
        _ = try await provider.credentials()
        files.set("/var/run/token", "jwt-2")
        _ = try await provider.credentials()
        #expect(sts.webIdentityCalls.map(\.webIdentityToken) == ["jwt-1", "jwt-2"])
    }

    @Test func tokenFileWithoutARoleIsAnError() async {
        await #expect(throws: AWSClientError.configuration(
            "A web identity token file is set (AWS_WEB_IDENTITY_TOKEN_FILE) but no role: set role_arn in profile "
            + "`default` or AWS_ROLE_ARN.")) {
            try await webIdentity(environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": "/var/run/token"],
                                  sts: RecordingSTS()).credentials()
        }
    }

    @Test func missingTokenFileIsAnError() async {
        await #expect(throws: AWSClientError.credentials(
            "The web identity token file /var/run/token (AWS_WEB_IDENTITY_TOKEN_FILE) is missing or empty.")) {
            try await webIdentity(environment: Self.webEnvironment, files: MemoryFiles(), sts: RecordingSTS()).credentials()
        }
    }
}
