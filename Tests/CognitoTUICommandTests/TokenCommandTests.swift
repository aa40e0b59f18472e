import Foundation
import Testing
import TestSupport

/// `cognito-tui token decode|verify` on tokens the emulator issued (through boto3, so the
/// command is judged apart from the library's sign-in).
@Suite("token decode and verify", .timeLimit(.minutes(5)))
struct TokenCommandTests {
    let kit: AdminCommandKit
    let client: String
    let idToken: String

    init() throws {
        kit = try AdminCommandKit(users: ["ann"])
        let text = try kit.boto("""
            client = idp.create_user_pool_client(UserPoolId=pool, ClientName="cli",
                ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH"])["UserPoolClient"]["ClientId"]
            idp.admin_set_user_password(UserPoolId=pool, Username="ann", Password="Corr3ct-horse!", Permanent=True)
            r = idp.admin_initiate_auth(UserPoolId=pool, ClientId=client, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                AuthParameters={"USERNAME": "ann", "PASSWORD": "Corr3ct-horse!"})["AuthenticationResult"]
            print(client)
            print(r["IdToken"])
            """).split(separator: "\n").map(String.init)
        client = text[0]
        idToken = text[1]
    }

    @Test("verify passes every check of an emulator token and exits 0")
    func verifyPasses() throws {
        let result = try kit.run(["token", "verify", "-", "--pool", kit.pool, "--client", client], stdin: idToken + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let marks = result.stdout.split(separator: "\n").map { $0.prefix(4) }
        #expect(marks == ["pass", "pass", "pass", "pass", "pass"], "\(result.stdout)")
    }

    @Test("a changed byte or another client fails, exit 1, naming the check and never printing the token")
    func verifyFails() throws {
        var parts = idToken.split(separator: ".").map(String.init)
        // A character in the middle: every one of its bits is signature (the last one's are partly padding).
        var signature = Array(parts[2])
        let middle = signature.count / 2
        signature[middle] = signature[middle] == "A" ? "B" : "A"
        parts[2] = String(signature)
        let tampered = parts.joined(separator: ".")
        let bad = try kit.run(["token", "verify", "-", "--client", client], stdin: tampered)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("failed verification: signature."), "\(bad.stderr)")
        #expect(!bad.stderr.contains(parts[1]) && !bad.stdout.contains(parts[1]))

        let other = try kit.run(["token", "verify", "-", "--client", "someotherclient00000000001"], stdin: idToken)
        #expect(other.status == 1)
        #expect(other.stderr.contains("failed verification: audience."), "\(other.stderr)")
    }

    @Test("decode prints the header, the claims and the picked-out facts; bad text is exit 2")
    func decode() throws {
        let result = try kit.run(["token", "decode", "-"], stdin: idToken)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((json?["header"] as? [String: Any])?["alg"] as? String == "RS256")
        #expect((json?["claims"] as? [String: Any])?["cognito:username"] as? String == "ann")
        #expect((json?["summary"] as? [String: Any])?["clientId"] as? String == client)
        #expect((json?["times"] as? [String: Any])?["expires"] != nil)

        let junk = try kit.run(["token", "decode", "-"], stdin: "not-a-token")
        #expect(junk.status == 2)
        #expect(junk.stderr.contains("three parts"))
    }
}
