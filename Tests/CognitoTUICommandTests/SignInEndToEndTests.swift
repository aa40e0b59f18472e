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

    @Test("a sign-in whose answer is throttled is one sentence with no token or password on screen; Enter again signs in")
    func signInUnderFaults() async throws {
        let region = try TestRegion.claim()
        let seeder = Seeder(region: region)
        let name = "e2e-signin-fault-" + UUID().uuidString.prefix(8).lowercased()
        let pool = try await seeder.userPool(name, users: 0)
        _ = try await seeder.call(.cognitoIdentityProvider, "CreateUserPoolClient", [
            "UserPoolId": pool, "ClientName": "e2e-app", "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        ])
        _ = try await seeder.call(.cognitoIdentityProvider, "AdminCreateUser", [
            "UserPoolId": pool, "Username": "e2e-bob", "MessageAction": "SUPPRESS"])
        _ = try await seeder.call(.cognitoIdentityProvider, "AdminSetUserPassword", [
            "UserPoolId": pool, "Username": "e2e-bob", "Password": Self.password, "Permanent": true])
        let proxy = try FaultProxy(upstream: try TestEmulator.url())
        defer { proxy.stop() }

        let tmux = try ConsoleEndToEndTests().console(region: region, columns: 120, rows: 40, endpoint: proxy.url)
        try tmux.wait(for: name)
        try tmux.press("/")
        try tmux.type(name)
        try tmux.press("Enter")
        try tmux.press("Enter")
        try tmux.wait(for: "Summary")
        try tmux.press("2")
        try tmux.wait(for: "e2e-bob")
        try tmux.press("t")
        try tmux.wait(for: "the sign-in form") { $0.contains("Sign in as e2e-bob") && $0.contains("USER_SRP_AUTH") }
        // The challenge's answer is throttled every time it is sent, retries included.
        try proxy.configure(FaultProxy.Faults(throttle: 1, operations: ["RespondToAuthChallenge"]))
        try tmux.type(Self.password)
        try tmux.press("Enter")
        let refused = try tmux.wait(for: "the throttling said", timeout: 30) { $0.contains("Cognito is throttling") }
        let lines = refused.split(separator: "\n").filter { $0.contains("Cognito is throttling") }
        #expect(lines.count == 1, "one sentence: \(refused)")
        #expect(lines.first?.contains("RespondToAuthChallenge") == true, "the sentence names the call: \(refused)")
        #expect(lines.first?.contains("press Enter to try again") == true, "the form is still open, so Enter retries: \(refused)")
        #expect(!refused.contains(Self.password) && !refused.contains("eyJ"), "\(refused)")
        let throttled = try proxy.counters().byOperation["RespondToAuthChallenge"]?["throttled"] ?? 0
        #expect(throttled >= 2, "the answer was retried before the sentence: \(throttled)")

        // The throttling over, the same form signs in.
        try proxy.configure(FaultProxy.Faults())
        try tmux.wait(for: "the form still open") { $0.contains("Sign in as e2e-bob") }
        try tmux.press("Enter")
        let inspector = try tmux.wait(for: "the inspector", timeout: 30) { $0.contains("Tokens: e2e-bob @ e2e-app") }
        #expect(!inspector.contains("FAIL"))
    }
}
