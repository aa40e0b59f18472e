import AWSCore
import CognitoAdmin
import Foundation
import Testing

@Suite("Credentials written out for other programs", .timeLimit(.minutes(5)))
struct CredentialsExportTests {
    let keys = Credentials(accessKeyId: "ASIAEXAMPLE000000001", secretAccessKey: "se'cret/key", sessionToken: "to+ken==",
                           expiration: Date(timeIntervalSince1970: 1_800_000_000), source: "test")

    @Test("environment lines are single-quoted for a POSIX shell, a quote inside escaped")
    func environment() {
        #expect(CredentialsExport.environment(keys) == """
            export AWS_ACCESS_KEY_ID='ASIAEXAMPLE000000001'
            export AWS_SECRET_ACCESS_KEY='se'\\''cret/key'
            export AWS_SESSION_TOKEN='to+ken=='
            export AWS_CREDENTIAL_EXPIRATION='2027-01-15T08:00:00Z'

            """)
    }

    @Test("credential_process JSON has Version 1 as a number and the expiration in ISO 8601")
    func credentialProcess() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: try CredentialsExport.credentialProcess(keys)) as? [String: Any])
        #expect(object["Version"] as? Int == 1)
        #expect(object["AccessKeyId"] as? String == "ASIAEXAMPLE000000001")
        #expect(object["SecretAccessKey"] as? String == "se'cret/key")
        #expect(object["SessionToken"] as? String == "to+ken==")
        #expect(object["Expiration"] as? String == "2027-01-15T08:00:00Z")
    }

    @Test("a credentials-file section names the profile and the three keys")
    func credentialsFile() {
        #expect(CredentialsExport.credentialsFileSection(keys, profile: "guest") == """
            [guest]
            aws_access_key_id = ASIAEXAMPLE000000001
            aws_secret_access_key = se'cret/key
            aws_session_token = to+ken==

            """)
    }

    @Test("issued credentials describe themselves without the secret or the session token")
    func masked() {
        let text = "\(IssuedCredentials(identityId: "us-east-1:x", credentials: keys))"
        #expect(!text.contains("se'cret") && !text.contains("to+ken"))
    }
}
