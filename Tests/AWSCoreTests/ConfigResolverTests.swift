import Foundation
import Testing
@testable import AWSCore

@Suite("Resolving settings: flags, then environment, then files", .timeLimit(.minutes(5)))
struct ConfigResolverTests {
    func resolve(_ overrides: ConfigOverrides = ConfigOverrides(), environment: [String: String] = [:],
                 config: String? = nil, credentials: String? = nil) throws -> ResolvedConfig {
        try ConfigResolver(context: makeContext(environment: environment, config: config, credentials: credentials))
            .resolve(overrides)
    }

    func failure(_ overrides: ConfigOverrides = ConfigOverrides(), environment: [String: String] = [:],
                 config: String? = nil, credentials: String? = nil) -> String? {
        do {
            _ = try resolve(overrides, environment: environment, config: config, credentials: credentials)
            return nil
        } catch {
            return message(of: error)
        }
    }

    static let profiles = """
        [default]
        region = us-east-1
        [profile a]
        region = eu-west-1
        [profile b]
        region = eu-west-2
        [profile c]
        region = eu-west-3
        """

    // MARK: Profile

    @Test func profileIsDefaultWhenNothingNamesOne() throws {
        let config = try resolve(config: Self.profiles)
        #expect(config.profileName == "default")
        #expect(config.profileNamedExplicitly == false)
    }

    @Test func awsProfileNamesTheProfile() throws {
        let config = try resolve(environment: ["AWS_PROFILE": "a"], config: Self.profiles)
        #expect(config.profileName == "a")
        #expect(config.profileNamedExplicitly)
    }

    @Test func awsDefaultProfileIsSearchedBeforeAwsProfileAsInBotocore() throws {
        let config = try resolve(environment: ["AWS_PROFILE": "a", "AWS_DEFAULT_PROFILE": "b"], config: Self.profiles)
        #expect(config.profileName == "b")
    }

    @Test func profileFlagBeatsTheEnvironment() throws {
        let config = try resolve(ConfigOverrides(profile: "c"),
                                 environment: ["AWS_PROFILE": "a", "AWS_DEFAULT_PROFILE": "b"], config: Self.profiles)
        #expect(config.profileName == "c")
    }

    @Test func profileOnlyInTheCredentialsFileExists() throws {
        #expect(try resolve(ConfigOverrides(profile: "k"), credentials: "[k]\naws_access_key_id = A\n").profileName == "k")
    }

    @Test func namedProfileThatDoesNotExistIsAnError() {
        #expect(failure(ConfigOverrides(profile: "nope"), config: Self.profiles)
                == "The profile `nope` (named by --profile) is not in ~/.aws/config or ~/.aws/credentials.")
    }

    @Test func errorSaysWhichVariableNamedTheMissingProfile() {
        #expect(failure(environment: ["AWS_PROFILE": "nope"])
                == "The profile `nope` (named by AWS_PROFILE) is not in ~/.aws/config or ~/.aws/credentials.")
    }

    @Test func missingProfileErrorHintsAtASectionWithoutThePrefix() {
        #expect(failure(ConfigOverrides(profile: "dev"), config: "[dev]\nregion = x\n")
                == "The profile `dev` (named by --profile) is not in ~/.aws/config or ~/.aws/credentials. "
                + "~/.aws/config has a section `[dev]`, but profiles there are written `[profile dev]`.")
    }

    @Test func implicitDefaultMayBeAbsent() throws {
        let config = try resolve()
        #expect(config.profileName == "default")
        #expect(config.profile.isEmpty)
    }

    @Test func defaultNamedExplicitlyMayBeAbsentAsInBotocore() throws {
        #expect(try resolve(ConfigOverrides(profile: "default")).profileName == "default")
    }

    @Test func profileHoldsBothFilesMerged() throws {
        let config = try resolve(ConfigOverrides(profile: "a"), config: Self.profiles,
                                 credentials: "[a]\naws_access_key_id = AKIA\n")
        #expect(config.profile == ["region": "eu-west-1", "aws_access_key_id": "AKIA"])
    }

    // MARK: Region

    @Test func regionComesFromTheSelectedProfile() throws {
        #expect(try resolve(ConfigOverrides(profile: "a"), config: Self.profiles).region == "eu-west-1")
    }

    @Test func awsDefaultRegionBeatsTheFile() throws {
        #expect(try resolve(environment: ["AWS_DEFAULT_REGION": "ap-south-1"], config: Self.profiles).region == "ap-south-1")
    }

    @Test func awsRegionBeatsAwsDefaultRegion() throws {
        let config = try resolve(environment: ["AWS_REGION": "ca-central-1", "AWS_DEFAULT_REGION": "ap-south-1"],
                                 config: Self.profiles)
        #expect(config.region == "ca-central-1")
    }

    @Test func regionFlagBeatsTheEnvironment() throws {
        let config = try resolve(ConfigOverrides(region: "sa-east-1"), environment: ["AWS_REGION": "ca-central-1"],
                                 config: Self.profiles)
        #expect(config.region == "sa-east-1")
    }

    @Test func regionIsNilWhenNothingSetsIt() throws {
        #expect(try resolve(config: "[default]\noutput = json\n").region == nil)
    }

    @Test func regionThatIsNotARegionNameIsAnErrorNamingItsSource() {
        #expect(failure(config: "[default]\nregion = us-east-1 # prod\n")
                == "The region setting must be a region name such as us-east-1, but `region` in profile `default` "
                + "of ~/.aws/config is `us-east-1 # prod`.")
        #expect(failure(environment: ["AWS_REGION": "us_east_1"])
                == "The region setting must be a region name such as us-east-1, but AWS_REGION is `us_east_1`.")
        #expect(failure(ConfigOverrides(region: "-bad")) != nil)
    }

    // MARK: Endpoints

    static let endpointConfig = """
        [default]
        endpoint_url = http://profile-global:1
        services = local
        [services local]
        cognito_identity =
          endpoint_url = http://services-identity:2
        """

    @Test func noEndpointMeansAWSDefault() throws {
        let config = try resolve(config: "[default]\nregion = us-east-1\n")
        for service in AWSServiceID.allCases { #expect(config.endpointURL(for: service) == nil) }
    }

    @Test func profileEndpointURLAppliesToEveryService() throws {
        let config = try resolve(config: "[default]\nendpoint_url = http://localhost:5000\n")
        for service in AWSServiceID.allCases { #expect(config.endpointURL(for: service) == "http://localhost:5000") }
    }

    @Test func servicesSubsectionBeatsTheProfileEndpointForItsServiceOnly() throws {
        let config = try resolve(config: Self.endpointConfig)
        #expect(config.endpointURL(for: .cognitoIdentity) == "http://services-identity:2")
        #expect(config.endpointURL(for: .cognitoIdentityProvider) == "http://profile-global:1")
    }

    @Test func globalEnvironmentEndpointBeatsTheFiles() throws {
        let config = try resolve(environment: ["AWS_ENDPOINT_URL": "http://env-global:3"], config: Self.endpointConfig)
        #expect(config.endpointURL(for: .cognitoIdentity) == "http://env-global:3")
        #expect(config.endpointURL(for: .sts) == "http://env-global:3")
    }

    @Test(arguments: [
        (AWSServiceID.cognitoIdentity, "AWS_ENDPOINT_URL_COGNITO_IDENTITY"),
        (.cognitoIdentityProvider, "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"),
        (.sts, "AWS_ENDPOINT_URL_STS"),
        (.sso, "AWS_ENDPOINT_URL_SSO"),
    ])
    func serviceEnvironmentEndpointBeatsTheGlobalOne(service: AWSServiceID, variable: String) throws {
        let config = try resolve(environment: ["AWS_ENDPOINT_URL": "http://env-global:3", variable: "http://env-service:4"],
                                 config: Self.endpointConfig)
        #expect(config.endpointURL(for: service) == "http://env-service:4")
        for other in AWSServiceID.allCases where other != service {
            #expect(config.endpointURL(for: other) == "http://env-global:3")
        }
    }

    @Test func endpointFlagBeatsEverythingForEveryService() throws {
        let config = try resolve(ConfigOverrides(endpointURL: "http://127.0.0.1:9"),
                                 environment: ["AWS_ENDPOINT_URL_STS": "http://env-service:4",
                                               "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"],
                                 config: Self.endpointConfig)
        for service in AWSServiceID.allCases { #expect(config.endpointURL(for: service) == "http://127.0.0.1:9") }
    }

    @Test func ignoreConfiguredEndpointsInTheEnvironmentDropsEnvironmentAndFiles() throws {
        let config = try resolve(environment: ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "TRUE",
                                               "AWS_ENDPOINT_URL": "http://env-global:3"],
                                 config: Self.endpointConfig)
        for service in AWSServiceID.allCases { #expect(config.endpointURL(for: service) == nil) }
    }

    @Test func ignoreConfiguredEndpointsInTheProfile() throws {
        let config = try resolve(config: "[default]\nignore_configured_endpoint_urls = true\nendpoint_url = http://h:1\n")
        #expect(config.endpointURL(for: .sts) == nil)
    }

    @Test func environmentFalseOverridesAProfileThatIgnores() throws {
        let config = try resolve(environment: ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "false"],
                                 config: "[default]\nignore_configured_endpoint_urls = true\nendpoint_url = http://h:1\n")
        #expect(config.endpointURL(for: .sts) == "http://h:1")
    }

    @Test func profileNamingAMissingServicesSectionIsAnError() {
        #expect(failure(config: "[default]\nservices = gone\n")
                == "The profile `default` uses `services = gone`, but ~/.aws/config has no `[services gone]` section.")
    }

    @Test func endpointThatIsNotAURLIsAnErrorNamingItsSource() {
        #expect(failure(environment: ["AWS_ENDPOINT_URL_STS": "localhost:5000"])
                == "The endpoint_url setting must be an http or https URL with a host and no path, "
                + "but AWS_ENDPOINT_URL_STS is `localhost:5000`.")
        #expect(failure(config: "[default]\nservices = s\n[services s]\nsts =\n  endpoint_url = ftp://x\n")
                == "The endpoint_url setting must be an http or https URL with a host and no path, but `endpoint_url` "
                + "under `sts` in `[services s]` of ~/.aws/config is `ftp://x`.")
        #expect(failure(ConfigOverrides(endpointURL: "nope")) != nil)
    }

    // MARK: Retries and TLS

    @Test func maxAttemptsFromTheFile() throws {
        #expect(try resolve(config: "[default]\nmax_attempts = 5\n").maxAttempts == 5)
    }

    @Test func maxAttemptsFromTheEnvironmentBeatsTheFile() throws {
        #expect(try resolve(environment: ["AWS_MAX_ATTEMPTS": "2"], config: "[default]\nmax_attempts = 5\n").maxAttempts == 2)
    }

    @Test func maxAttemptsIsNilWhenUnset() throws {
        #expect(try resolve().maxAttempts == nil)
    }

    @Test func badMaxAttemptsNamesTheSettingAndWhereItCameFrom() {
        #expect(failure(config: "[default]\nmax_attempts = abc\n")
                == "The max_attempts setting must be a whole number of at least 1, but `max_attempts` in profile "
                + "`default` of ~/.aws/config is `abc`.")
        #expect(failure(environment: ["AWS_MAX_ATTEMPTS": "0"])
                == "The max_attempts setting must be a whole number of at least 1, but AWS_MAX_ATTEMPTS is `0`.")
    }

    @Test func retryModeFromTheFileAndTheEnvironment() throws {
        #expect(try resolve(config: "[default]\nretry_mode = adaptive\n").retryMode == .adaptive)
        #expect(try resolve(environment: ["AWS_RETRY_MODE": "legacy"], config: "[default]\nretry_mode = adaptive\n")
                    .retryMode == .legacy)
        #expect(try resolve().retryMode == nil)
    }

    @Test func unknownRetryModeIsAnError() {
        #expect(failure(environment: ["AWS_RETRY_MODE": "fast"])
                == "The retry_mode setting must be standard, legacy or adaptive, but AWS_RETRY_MODE is `fast`.")
    }

    @Test func caBundleFromTheFileHasItsTildeExpanded() throws {
        #expect(try resolve(config: "[default]\nca_bundle = ~/certs/ca.pem\n").caBundle == "\(testHome)/certs/ca.pem")
    }

    @Test func caBundleFromTheEnvironmentBeatsTheFile() throws {
        let config = try resolve(environment: ["AWS_CA_BUNDLE": "/etc/ca.pem"], config: "[default]\nca_bundle = /x.pem\n")
        #expect(config.caBundle == "/etc/ca.pem")
    }

    @Test func settingsOfCredentialsFileProfileAreNamedAfterThatFile() {
        #expect(failure(credentials: "[default]\nmax_attempts = many\n")?
                    .contains("`max_attempts` in profile `default` of ~/.aws/credentials") == true)
    }

    @Test func timeoutsAreLeftForTheCallersFlags() throws {
        let config = try resolve(config: "[default]\nconnect_timeout = 5\nread_timeout = 5\n")
        #expect(config.connectTimeout == nil && config.readTimeout == nil)
    }

    @Test func brokenFileStopsResolution() {
        #expect(failure(config: "[default\n") == "~/.aws/config line 1: `[default` has no closing `]`.")
    }
}
