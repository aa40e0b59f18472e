import Foundation
import Testing
@testable import AWSCore

@Suite("The credential chain: order, failures and the nothing-found sentence", .timeLimit(.minutes(5)))
struct CredentialChainTests {
    func chain(_ links: [(String, CountingProvider)], profile: String = "default") -> CredentialChain {
        CredentialChain(profileName: profile, links: links.map { CredentialChain.Link($0.0, $0.1) })
    }

    @Test func firstConfiguredProviderWinsAndLaterOnesAreNotAsked() async throws {
        let skipped = CountingProvider(notConfigured: nil)
        let first = CountingProvider(key: "FIRST")
        let second = CountingProvider(key: "SECOND")
        let credentials = try await chain([("a", skipped), ("b", first), ("c", second)]).credentials()
        #expect(credentials.accessKeyId == "FIRST")
        #expect(second.calls == 0)
    }

    @Test func providerThatIsConfiguredButFailsStopsTheChain() async {
        let broken = CountingProvider { _ in throw AWSClientError.credentials("broken") }
        let next = CountingProvider(key: "NEXT")
        await #expect(throws: AWSClientError.credentials("broken")) {
            try await chain([("a", broken), ("b", next)]).credentials()
        }
        #expect(next.calls == 0)
    }

    @Test func winnerIsAskedDirectlyNextTime() async throws {
        let skipped = CountingProvider(notConfigured: nil)
        let winner = CountingProvider(key: "W")
        let chain = chain([("a", skipped), ("b", winner)])
        _ = try await chain.credentials()
        _ = try await chain.credentials()
        #expect(skipped.calls == 1)
        #expect(winner.calls == 2)
    }

    @Test func winnerThatGoesAwayStartsANewSearch() async throws {
        let vanishing = CountingProvider { call in
            if call > 1 { throw CredentialSourceNotConfigured() }
            return Credentials(accessKeyId: "GONE", secretAccessKey: "s")
        }
        let fallback = CountingProvider(key: "FALLBACK")
        let chain = chain([("a", vanishing), ("b", fallback)])
        _ = try await chain.credentials()
        #expect(try await chain.credentials().accessKeyId == "FALLBACK")
    }

    @Test func nothingFoundListsWhatWasTriedOnceEachWithNotes() async {
        let links = [("environment variables", CountingProvider(notConfigured: nil)),
                     ("the files", CountingProvider(notConfigured: nil)),
                     ("the files", CountingProvider(notConfigured: nil)),
                     ("instance metadata", CountingProvider(notConfigured: "disabled by X"))]
        await #expect(throws: AWSClientError.noCredentials(
            "No AWS credentials were found for profile `ops`: tried environment variables, the files and "
            + "instance metadata (disabled by X).")) {
            try await chain(links, profile: "ops").credentials()
        }
    }

    @Test func listsAreWrittenAsSentences() {
        #expect(CredentialChain.list(["a"]) == "a")
        #expect(CredentialChain.list(["a", "b"]) == "a and b")
        #expect(CredentialChain.list(["a", "b", "c"]) == "a, b and c")
    }

    // MARK: The AWS CLI's order, with the real providers

    func resolve(_ overrides: ConfigOverrides = ConfigOverrides(), environment: [String: String] = [:],
                 config: String? = nil, credentials: String? = nil, files: MemoryFiles = MemoryFiles(),
                 processRunner: ScriptedProcessRunner = ScriptedProcessRunner(),
                 transport: RecordingTransport = RecordingTransport(), sts: RecordingSTS = RecordingSTS())
        async throws -> Credentials {
        let context = makeContext(environment: environment, config: config, credentials: credentials, files: files,
                                  processRunner: processRunner)
        let resolved = try ConfigResolver(context: context).resolve(overrides)
        return try await CredentialChainBuilder.chain(config: resolved, overrides: overrides, context: context,
                                                      transport: transport, sts: sts).credentials()
    }

    func failure(_ overrides: ConfigOverrides = ConfigOverrides(), environment: [String: String] = [:],
                 config: String? = nil, credentials: String? = nil) async -> String? {
        do {
            _ = try await resolve(overrides, environment: environment, config: config, credentials: credentials)
            return nil
        } catch {
            return message(of: error)
        }
    }

    static let envKeys = ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret"]
    static let devKeys = "[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = s\n"
        + "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s\n"

    @Test func environmentKeysBeatTheFiles() async throws {
        #expect(try await resolve(environment: Self.envKeys, credentials: Self.devKeys).accessKeyId == "AKIAENV")
    }

    @Test func environmentKeysAreSkippedWhenTheProfileFlagIsGiven() async throws {
        let credentials = try await resolve(ConfigOverrides(profile: "dev"), environment: Self.envKeys,
                                            credentials: Self.devKeys)
        #expect(credentials.accessKeyId == "AKIADEV")
    }

    @Test func environmentKeysStillWinWhenAwsProfileNamesTheProfile() async throws {
        var environment = Self.envKeys
        environment["AWS_PROFILE"] = "dev"
        #expect(try await resolve(environment: environment, credentials: Self.devKeys).accessKeyId == "AKIAENV")
    }

    @Test func assumeRoleBeatsKeysInTheSameProfile() async throws {
        let config = "[profile dev]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = default\n"
        let credentials = try await resolve(ConfigOverrides(profile: "dev"), config: config, credentials: Self.devKeys)
        #expect(credentials.source == "assume-role")
    }

    @Test func identityCenterBeatsCredentialsFileKeys() async throws {
        let config = "[profile dev]\nsso_start_url = https://s\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = R\n"
        let files = MemoryFiles(["\(testHome)/.aws/sso/cache/\(SHA1.hex("https://s")).json":
                                    #"{"accessToken": "t", "expiresAt": "2030-01-02T00:00:00Z"}"#])
        let transport = RecordingTransport { _ in
            json(200, #"{"roleCredentials": {"accessKeyId": "ASIASSO", "secretAccessKey": "s", "expiration": 1893459600000}}"#)
        }
        let credentials = try await resolve(ConfigOverrides(profile: "dev"), config: config, credentials: Self.devKeys,
                                            files: files, transport: transport)
        #expect(credentials.accessKeyId == "ASIASSO")
    }

    @Test func credentialsFileKeysBeatCredentialProcess() async throws {
        let runner = ScriptedProcessRunner(stdout: #"{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "s"}"#)
        let credentials = try await resolve(ConfigOverrides(profile: "dev"), config: "[profile dev]\ncredential_process = x\n",
                                            credentials: Self.devKeys, processRunner: runner)
        #expect(credentials.accessKeyId == "AKIADEV")
        #expect(runner.commandLines.isEmpty)
    }

    @Test func credentialProcessBeatsConfigFileKeys() async throws {
        let runner = ScriptedProcessRunner(stdout: #"{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "s"}"#)
        let config = "[profile p]\ncredential_process = x\naws_access_key_id = AKIACFG\naws_secret_access_key = s\n"
        let credentials = try await resolve(ConfigOverrides(profile: "p"), config: config, processRunner: runner)
        #expect(credentials.accessKeyId == "AKIAPROC")
    }

    @Test func brokenCredentialProcessIsNotSkippedForLaterSources() async throws {
        let runner = ScriptedProcessRunner(status: 1, stderr: "login required")
        let transport = RecordingTransport { _ in json(200, #"{"AccessKeyId": "ASIACTR", "SecretAccessKey": "s"}"#) }
        await #expect(throws: AWSClientError.credentials(
            "The credential_process of profile `default` exited with status 1: login required.")) {
            try await resolve(environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"],
                              config: "[default]\ncredential_process = x\n", processRunner: runner, transport: transport)
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func containerCredentialsComeBeforeInstanceMetadata() async throws {
        let transport = RecordingTransport { _ in json(200, #"{"AccessKeyId": "ASIACTR", "SecretAccessKey": "s"}"#) }
        let credentials = try await resolve(environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c",
                                                          "AWS_EC2_METADATA_DISABLED": ""], transport: transport)
        #expect(credentials.source == "container")
        #expect(transport.requests.map(\.endpoint.host) == ["169.254.170.2"])
    }

    @Test func instanceMetadataIsTheLastResort() async throws {
        let transport = RecordingTransport(routes: CredentialMetadataTests.imdsRoutes)
        let credentials = try await resolve(environment: ["AWS_EC2_METADATA_DISABLED": ""], transport: transport)
        #expect(credentials.source == "instance-metadata")
    }

    @Test func nothingFoundIsOneSentenceListingEverySource() async {
        #expect(await failure() == "No AWS credentials were found for profile `default`: tried environment variables, "
                + "the shared credentials and config files, a web identity token, IAM Identity Center, container "
                + "credentials and instance metadata (disabled by AWS_EC2_METADATA_DISABLED).")
    }

    @Test func nothingFoundWithTheProfileFlagLeavesTheEnvironmentOut() async {
        #expect(await failure(ConfigOverrides(profile: "dev"), environment: Self.envKeys, config: "[profile dev]\n")
                == "No AWS credentials were found for profile `dev`: tried the shared credentials and config files, "
                + "a web identity token, IAM Identity Center, container credentials and instance metadata "
                + "(disabled by AWS_EC2_METADATA_DISABLED).")
    }

    @Test func builtProviderCachesWhatTheChainFound() async throws {
        let sts = RecordingSTS()
        let context = makeContext(config: "[default]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = k\n",
                                  credentials: "[k]\naws_access_key_id = A\naws_secret_access_key = s\n")
        let resolved = try ConfigResolver(context: context).resolve(ConfigOverrides())
        let provider = CredentialChainBuilder.build(config: resolved, overrides: ConfigOverrides(), context: context,
                                                    transport: RecordingTransport(), sts: sts)
        _ = try await provider.credentials()
        _ = try await provider.credentials()
        #expect(sts.assumeRoleCalls.count == 1)
    }
}
