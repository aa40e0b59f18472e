import Foundation
import Testing
import TestSupport

/// `cognito-tui auth` against the emulator: the password on stdin, the tokens as JSON on stdout.
@Suite("auth", .timeLimit(.minutes(5)))
struct AuthCommandTests {
    static let password = "Corr3ct-horse-b4ttery!"
    let kit: AdminCommandKit
    let publicClient: String
    let secretClient: String

    init() throws {
        kit = try AdminCommandKit(users: ["ann", "bob"])
        let ids = try kit.boto("""
            flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
            a = idp.create_user_pool_client(UserPoolId=pool, ClientName="public", ExplicitAuthFlows=flows)["UserPoolClient"]["ClientId"]
            b = idp.create_user_pool_client(UserPoolId=pool, ClientName="private", GenerateSecret=True,
                                            ExplicitAuthFlows=flows)["UserPoolClient"]["ClientId"]
            idp.admin_set_user_password(UserPoolId=pool, Username="ann", Password=\(AdminCommandKit.literal(Self.password)), Permanent=True)
            idp.admin_set_user_password(UserPoolId=pool, Username="bob", Password=\(AdminCommandKit.literal(Self.password)), Permanent=False)
            print(a); print(b)
            """).split(separator: "\n").map(String.init)
        publicClient = ids[0]
        secretClient = ids[1]
    }

    func tokens(_ result: BinaryRunner.Result) throws -> [String: Any] {
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("SRP with the password on stdin prints the four tokens' JSON, which verify")
    func srpSignIn() throws {
        for client in [publicClient, secretClient] {
            let out = try tokens(try kit.run(["auth", "--pool", kit.pool, "--client", client, "ann", "--flow", "srp"],
                                             stdin: Self.password + "\n"))
            #expect(Set(out.keys).isSuperset(of: ["IdToken", "AccessToken", "RefreshToken", "ExpiresIn"]))
            let id = try #require(out["IdToken"] as? String)
            let verify = try kit.run(["token", "verify", "-", "--pool", kit.pool, "--client", client], stdin: id)
            #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        }
    }

    @Test("a refresh token on stdin gives new tokens")
    func refresh() throws {
        let first = try tokens(try kit.run(["auth", "--pool", kit.pool, "--client", secretClient, "ann", "--flow", "password"],
                                           stdin: Self.password))
        let refresh = try #require(first["RefreshToken"] as? String)
        let renewed = try tokens(try kit.run(["auth", "--pool", kit.pool, "--client", secretClient, "ann", "--flow", "refresh"],
                                             stdin: refresh))
        #expect(renewed["AccessToken"] is String)
    }

    @Test("NEW_PASSWORD_REQUIRED takes stdin's next line; the new password then works")
    func newPassword() throws {
        _ = try tokens(try kit.run(["auth", "--pool", kit.pool, "--client", publicClient, "bob", "--flow", "admin"],
                                   stdin: Self.password + "\nBrand-n3w-password!\n"))
        #expect(try kit.user("bob")?.status == "CONFIRMED")
        _ = try tokens(try kit.run(["auth", "--pool", kit.pool, "--client", publicClient, "bob"], stdin: "Brand-n3w-password!"))
    }

    @Test("a wrong password is exit 1 with the service's error, and the password is never echoed")
    func wrongPassword() throws {
        let result = try kit.run(["auth", "--pool", kit.pool, "--client", publicClient, "ann"], stdin: "Wrong-s3cret-guess!")
        #expect(result.status == 1)
        #expect(result.stderr.contains("NotAuthorizedException"), "\(result.stderr)")
        #expect(!result.stderr.contains("Wrong-s3cret-guess!") && result.stdout.isEmpty)
    }
}
