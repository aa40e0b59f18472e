import Foundation
import Testing
import TestSupport
@testable import AWSCore

/// Signing in as a user from the console, end to end in tmux against the emulator: `t` on a
/// user, the app client and SRP, the password typed masked, then the inspector with every check
/// passing and the tokens off the screen until `v`.
@Suite("Sign-in and the token inspector, end to end in tmux", .timeLimit(.minutes(5)))
struct SignInEndToEndTests {
    typealias Seeder = ConsoleEndToEndTests.Seeder
    static let password = "Corr3ct-horse-b4ttery!"

    @Test("t on a user, the client and SRP, the password: the inspector passes every check and shows the tokens only after v")
    func signInBySRP() async throws {
        let region = try TestRegion.claim()
        let seeder = Seeder(region: region)
        let name = "e2e-signin-" + UUID().uuidString.prefix(8).lowercased()
        let pool = try await seeder.userPool(name, users: 0)
        _ = try await seeder.call(.cognitoIdentityProvider, "CreateUserPoolClient", [
            "UserPoolId": pool, "ClientName": "e2e-web", "GenerateSecret": true,
            "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        ])
        _ = try await seeder.call(.cognitoIdentityProvider, "AdminCreateUser", [
            "UserPoolId": pool, "Username": "e2e-ann", "MessageAction": "SUPPRESS"])
        _ = try await seeder.call(.cognitoIdentityProvider, "AdminSetUserPassword", [
            "UserPoolId": pool, "Username": "e2e-ann", "Password": Self.password, "Permanent": true])

        let tmux = try ConsoleEndToEndTests().console(region: region, columns: 120, rows: 40)
        try tmux.wait(for: name)
        try tmux.press("/")
        try tmux.type(name)
        try tmux.press("Enter")
        try tmux.press("Enter")
        try tmux.wait(for: "Summary")
        try tmux.press("2")
        try tmux.wait(for: "e2e-ann")
        try tmux.press("t")
        let form = try tmux.wait(for: "the sign-in form") { $0.contains("Sign in as e2e-ann") && $0.contains("USER_SRP_AUTH") }
        #expect(form.contains("e2e-web"), "the client is offered by name")
        #expect(form.contains("SECRET_HASH"), "the client's secret is said, not shown")
        try tmux.type(Self.password)
        let typed = try tmux.wait(for: "the masked password") { $0.contains(String(repeating: "•", count: Self.password.count)) }
        #expect(!typed.contains(Self.password))
        try tmux.press("Enter")
        let inspector = try tmux.wait(for: "every check", timeout: 30) { $0.contains("expiry") && $0.contains("pass  expires") }
        for check in ["signature", "issuer", "audience", "token_use"] {
            #expect(inspector.range(of: "\(check) +pass  ", options: .regularExpression) != nil, "\(check): \(inspector)")
        }
        #expect(!inspector.contains("FAIL"))
        #expect(inspector.contains("Tokens: e2e-ann @ e2e-web"))
        #expect(inspector.contains("•••••••• ("), "the token is masked")
        // Every JWT starts with the base64url of `{"`: none is on the screen until revealed.
        #expect(!inspector.contains("eyJ"), "\(inspector)")
        try tmux.press("v")
        let revealed = try tmux.wait(for: "the revealed token") { $0.contains("revealed") }
        #expect(revealed.contains("eyJ"))
    }
}
