import Foundation
import Testing
@testable import AWSCore

@Suite("The shared config and credentials files", .timeLimit(.minutes(5)))
struct ConfigFilesTests {
    func load(_ environment: [String: String] = [:], config: String? = nil, credentials: String? = nil,
              files: MemoryFiles = MemoryFiles()) throws -> AWSConfigFiles {
        try AWSConfigFiles.load(context: makeContext(environment: environment, config: config,
                                                     credentials: credentials, files: files))
    }

    @Test func configProfilesAreWrittenWithTheProfilePrefix() throws {
        let files = try load(config: "[profile dev]\nregion = eu-west-1\n[dev2]\nregion = x\n")
        #expect(files.configProfiles["dev"] == ["region": "eu-west-1"])
        #expect(files.configProfiles["dev2"] == nil)
        #expect(files.otherConfigSections == ["dev2"])
    }

    @Test func defaultIsAProfileInTheConfigFileWithOrWithoutThePrefix() throws {
        #expect(try load(config: "[default]\nregion = a\n").configProfiles["default"] == ["region": "a"])
        #expect(try load(config: "[profile default]\nregion = b\n").configProfiles["default"] == ["region": "b"])
    }

    @Test func quotedProfileNamesLoseTheirQuotes() throws {
        #expect(try load(config: "[profile \"my dev\"]\nregion = a\n").configProfiles["my dev"] != nil)
    }

    @Test func credentialsProfilesHaveNoPrefix() throws {
        let files = try load(credentials: "[dev]\naws_access_key_id = AKIA\n[profile x]\na = b\n")
        #expect(files.credentialsProfiles["dev"] == ["aws_access_key_id": "AKIA"])
        // botocore takes credentials-file section names literally.
        #expect(files.credentialsProfiles["profile x"] != nil)
    }

    @Test func keysAreLowerCasedAsBotocoreDoes() throws {
        let files = try load(credentials: "[default]\nAWS_ACCESS_KEY_ID = AKIA\n")
        #expect(files.credentialsProfiles["default"]?["aws_access_key_id"] == "AKIA")
    }

    @Test func profileMergesBothFilesWithTheCredentialsFileWinning() throws {
        let files = try load(config: "[profile dev]\nregion = a\noutput = json\n",
                             credentials: "[dev]\nregion = b\naws_access_key_id = AKIA\n")
        #expect(files.profile("dev") == ["region": "b", "output": "json", "aws_access_key_id": "AKIA"])
        #expect(files.origin(of: "region", inProfile: "dev") == "~/.aws/credentials")
        #expect(files.origin(of: "output", inProfile: "dev") == "~/.aws/config")
    }

    @Test func unknownProfileIsNil() throws {
        #expect(try load(config: "[default]\n").profile("nope") == nil)
    }

    @Test func ssoSessionSectionsAreKeptByName() throws {
        let files = try load(config: "[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://s\n")
        #expect(files.ssoSessions["corp"] == ["sso_region": "us-east-1", "sso_start_url": "https://s"])
    }

    @Test func servicesSectionsKeepTheirPerServiceSubsections() throws {
        let files = try load(config: """
            [services local]
            cognito_identity =
              endpoint_url = http://127.0.0.1:5000
            STS =
              Endpoint_URL = http://127.0.0.1:5001
            """)
        #expect(files.services["local"]?["cognito_identity"] == ["endpoint_url": "http://127.0.0.1:5000"])
        #expect(files.services["local"]?["sts"] == ["endpoint_url": "http://127.0.0.1:5001"])
    }

    @Test func profileValuesLeaveSubsectionsOut() throws {
        #expect(try load(config: "[default]\ns3 =\n  a = b\nregion = x\n").profile("default") == ["region": "x"])
    }

    @Test func missingFilesAreEmpty() throws {
        let files = try load()
        #expect(files.configProfiles.isEmpty && files.credentialsProfiles.isEmpty)
    }

    @Test func environmentNamesOtherFiles() throws {
        let memory = MemoryFiles(["/etc/aws.conf": "[profile x]\nregion = a\n", "/etc/aws.creds": "[y]\nk = v\n"])
        let files = try load(["AWS_CONFIG_FILE": "/etc/aws.conf", "AWS_SHARED_CREDENTIALS_FILE": "/etc/aws.creds"],
                             config: "[profile ignored]\n", files: memory)
        #expect(Set(files.configProfiles.keys) == ["x"])
        #expect(Set(files.credentialsProfiles.keys) == ["y"])
        #expect(files.configDisplay == "/etc/aws.conf")
    }

    @Test func tildeInTheEnvironmentIsExpanded() throws {
        let memory = MemoryFiles(["\(testHome)/work/config": "[profile w]\n"])
        let files = try load(["AWS_CONFIG_FILE": "~/work/config"], files: memory)
        #expect(files.configPath == "\(testHome)/work/config")
        #expect(files.configDisplay == "~/work/config")
        #expect(files.configProfiles["w"] != nil)
    }

    @Test func brokenFileIsAnErrorNamingItAndTheLine() {
        #expect(throws: AWSClientError.configuration(
            "~/.aws/config line 2: expected `key = value` or `[section]`, got a line with no `=`.")) {
            try load(config: "[default]\nregion\n")
        }
    }

    @Test func brokenCredentialsFileIsNamedToo() {
        #expect(throws: AWSClientError.configuration(
            "~/.aws/credentials line 1: expected a `[section]` before the first setting.")) {
            try load(credentials: "aws_access_key_id = AKIA\n")
        }
    }

    @Test func fileThatIsNotUTF8IsAnError() {
        let memory = MemoryFiles()
        memory.setData("\(testHome)/.aws/config", Data([0x5B, 0xFF, 0xFE, 0x5D]))
        #expect(throws: AWSClientError.configuration("~/.aws/config is not UTF-8 text.")) {
            try load(files: memory)
        }
    }

    @Test func unreadableFileIsAnError() {
        let memory = MemoryFiles()
        memory.unreadable = ["\(testHome)/.aws/credentials"]
        #expect {
            try load(files: memory)
        } throws: { error in
            message(of: error).hasPrefix("~/.aws/credentials could not be read:")
        }
    }
}
