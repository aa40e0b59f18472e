import Foundation
import Testing
import TestSupport
@testable import AWSCore

/// Known secrets go through the console in tmux (a client with a secret, passwords typed into the
/// create and set-password forms and the sign-in, the tokens of a sign-in and of `:jwt`, temporary
/// credentials for a guest and for the ID token, the keys the console runs with), some into calls
/// made to fail; then none may appear on any screen the flow passed through while unrevealed, in
/// the scrollback, the API-call view, the `--log-file` trace or the audit log.
@Suite("Secrets in the console", .timeLimit(.minutes(5)))
struct SecretsConsoleTests {
    typealias Seeder = ConsoleEndToEndTests.Seeder

    /// The console and what it showed: every screen waited for, apart from the revealed ones.
    final class Run {
        let tmux: TmuxSession
        var screens: [(what: String, text: String)] = []

        init(_ tmux: TmuxSession) { self.tmux = tmux }

        /// Waits for the screen and keeps it for the check.
        @discardableResult
        func see(_ what: String, timeout: TimeInterval = 20, _ predicate: @escaping (String) -> Bool) throws -> String {
            let screen = try tmux.wait(for: what, timeout: timeout, predicate)
            screens.append((what, screen))
            return screen
        }

        @discardableResult
        func see(_ text: String) throws -> String { try see("\"\(text)\"") { $0.contains(text) } }

        /// What the console last copied with OSC 52 (tmux keeps it as a buffer), waiting for a new copy.
        func copied() throws -> String {
            var text = ""
            _ = try tmux.wait(for: "a copy to the clipboard") { _ in
                text = (try? self.tmux.tmux(["show-buffer"])) ?? ""
                return !text.isEmpty
            }
            try tmux.tmux(["delete-buffer"])
            return text
        }
    }

    @Test("no typed password, client secret, token, session token or key is on an unrevealed screen, in the scrollback, the logs or the audit log")
    func console() async throws {
        let region = try TestRegion.claim()
        let seeder = Seeder(region: region)
        var ledger = SecretLedger()
        let name = "secrets-" + UUID().uuidString.prefix(8).lowercased()
        let pool = try await seeder.userPool(name, users: 0)
        let client = try await seeder.call(.cognitoIdentityProvider, "CreateUserPoolClient", [
            "UserPoolId": pool, "ClientName": "confidential", "GenerateSecret": true,
            "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        ])["UserPoolClient"] as? [String: Any] ?? [:]
        ledger.add("the app client's secret", try #require(client["ClientSecret"] as? String))
        let clientId = try #require(client["ClientId"] as? String)
        _ = try await seeder.call(.cognitoIdentityProvider, "AdminCreateUser", [
            "UserPoolId": pool, "Username": "e2e-ann", "MessageAction": "SUPPRESS"])
        let identityPool = try await seeder.call(.cognitoIdentity, "CreateIdentityPool", [
            "IdentityPoolName": name.replacingOccurrences(of: "-", with: "_"), "AllowUnauthenticatedIdentities": true,
            "CognitoIdentityProviders": [["ProviderName": "cognito-idp.\(region).amazonaws.com/\(pool)", "ClientId": clientId]],
        ])["IdentityPoolId"] as? String ?? ""
        _ = try await seeder.call(.cognitoIdentity, "SetIdentityPoolRoles", [
            "IdentityPoolId": identityPool, "Roles": ["authenticated": "arn:aws:iam::123456789012:role/signed-in",
                                                      "unauthenticated": "arn:aws:iam::123456789012:role/guest"]])

        let home = try TemporaryHome()
        var env = BinaryRunner.baseEnvironment(home: home.path)
        env.merge(try SecretLedger.sessionKeys()) { $1 }
        env["LANG"] = "C.UTF-8"
        ledger.add("the console's secret key", env["AWS_SECRET_ACCESS_KEY"]!)
        ledger.add("the console's session token", env["AWS_SESSION_TOKEN"]!)
        let trace = home.path + "/trace.log"
        let tmux = try TmuxSession(command: "\(BinaryRunner.binaryPath) --region \(region) --endpoint-url \(try TestEmulator.url()) --log-file \(trace)",
                                   environment: env, columns: 120, rows: 40)
        try tmux.tmux(["set-option", "-g", "set-clipboard", "on"])
        try tmux.tmux(["set-option", "-g", "history-limit", "50000"])
        let run = Run(tmux)

        // To the pool's users.
        try run.see(name)
        try tmux.press("/")
        try tmux.type(name)
        try tmux.press("Enter")
        try tmux.press("Enter")
        try run.see("\(name) › Summary")
        try tmux.press("2")
        try run.see("e2e-ann")

        // A user created with a typed temporary password: the password field is the fifth from the end.
        let temporary = SecretsCommandTests.unique("Tmp-Typed-4q!")
        ledger.add("a temporary password typed into the create form", temporary)
        try tmux.press("c")
        try run.see("Create a user in")
        try tmux.type("casey")
        try tmux.press("Up", "Up", "Up", "Up", "Up", "Right", "Down")
        try run.see("type one")
        try tmux.type(temporary)
        try tmux.press("Down")
        try tmux.type(temporary)
        try run.see("the two masked passwords") { $0.components(separatedBy: String(repeating: "•", count: temporary.count)).count == 3 }
        try tmux.press("Enter")
        try run.see("Create the user in")
        try tmux.press("y")
        try run.see("Created user casey")

        // A permanent password set on e2e-ann.
        let password = SecretsCommandTests.unique("Set-Typed-8w!")
        ledger.add("a password typed into the set-password form", password)
        try tmux.press("/")
        try tmux.type("e2e-ann")
        try tmux.press("Enter")
        try run.see("only e2e-ann") { $0.contains("e2e-ann") && !$0.contains("casey") }
        try tmux.press("w")
        try run.see("Set the password of e2e-ann")
        try tmux.type(password)
        try tmux.press("Down")
        try tmux.type(password)
        try tmux.press("Down", "Space")
        try run.see("the form filled in") { $0.components(separatedBy: String(repeating: "•", count: password.count)).count == 3 }
        try tmux.press("Enter")
        try run.see("Set the password of e2e-ann?")
        try tmux.press("y")
        try run.see("Set a permanent password for e2e-ann.")

        // Signing in: a wrong password first (the form stays), then the right one.
        let wrong = SecretsCommandTests.unique("Wrong-Typed-3e!")
        ledger.add("a wrong password typed into the sign-in", wrong)
        try tmux.press("t")
        try run.see("the sign-in form") { $0.contains("Sign in as e2e-ann") && $0.contains("USER_SRP_AUTH") }
        try tmux.type(wrong)
        try tmux.press("Enter")
        try run.see("the refusal") { $0.contains("NotAuthorized") || $0.contains("Incorrect") }
        try tmux.press("C-u")
        try tmux.type(password)
        try tmux.press("Enter")
        try run.see("the inspector's checks", timeout: 30) { $0.contains("pass  expires") }

        // The tokens, each copied (kept for the ledger; never looked at on screen but masked).
        for (key, tab) in [("1", "ID"), ("2", "Access"), ("3", "Refresh")] {
            try tmux.press(key)
            try run.see("the \(tab) token's tab") { $0.contains("e2e-ann @ confidential › \(tab) token\n") }
            try tmux.press("y")
            ledger.add("the \(tab) token of the sign-in", try run.copied())
        }
        try tmux.press("1")
        try run.see("the ID token's tab again") { $0.contains("confidential › ID token\n") }
        let idToken = try #require(ledger.secrets.last(where: { $0.name.hasPrefix("the ID token") })?.value)

        // Credentials for the ID token.
        try tmux.press("c")
        // The form's fields arrive after the identity pools are listed; Enter before them does nothing.
        try run.see("the credentials form's fields") { $0.contains("Temporary credentials for e2e-ann's ID token") && $0.contains("enhanced") }
        try tmux.press("Enter")
        try run.see("the credentials for the user", timeout: 30) { $0.contains("assumed-role/signed-in") }
        try tmux.press("y")
        let userKeys = try run.copied()

        // `:jwt` with the ID token pasted, and with a tampered one.
        try tmux.press(":")
        try tmux.type("jwt " + idToken)
        try run.see("the pasted token as dots") { $0.contains(String(repeating: "•", count: 60)) }
        try tmux.press("Enter")
        try run.see("the pasted token's inspector", timeout: 30) { $0.contains("token_use") && $0.contains("signature") }
        let tampered = String(idToken.dropLast(6)) + "AAAAAA"
        ledger.add("a tampered token pasted into :jwt", tampered)
        try tmux.press(":")
        try tmux.type("jwt " + tampered)
        try tmux.press("Enter")
        try run.see("the tampered token's failed signature", timeout: 30) { $0.contains("FAIL") }

        // A guest's credentials from the identity pool.
        try tmux.press(":")
        try tmux.type("idpools")
        try tmux.press("Enter")
        try run.see(identityPool)
        try tmux.press("/")
        try tmux.type(name.replacingOccurrences(of: "-", with: "_"))
        try tmux.press("Enter")
        try tmux.press("t")
        try run.see("the guest's credentials form") { $0.contains("Temporary credentials for") && $0.contains("enhanced") }
        try tmux.press("Enter")
        try run.see("the guest's credentials", timeout: 30) { $0.contains("assumed-role/guest") }
        try tmux.press("y")
        let guestKeys = try run.copied()
        for (who, lines) in [("the ID token", userKeys), ("a guest", guestKeys)] {
            for (variable, what) in [("AWS_SECRET_ACCESS_KEY", "secret key"), ("AWS_SESSION_TOKEN", "session token")] {
                let line = try #require(lines.split(separator: "\n").first { $0.contains("\(variable)=") })
                let value = line.split(separator: "=", maxSplits: 1)[1].trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
                ledger.add("the \(what) for \(who)", value)
            }
        }

        // The API-call view and the audit pane.
        try tmux.press("@")
        try run.see("the API calls") { $0.contains("API calls") && $0.contains("GetCredentialsForIdentity") }
        try tmux.press(":")
        try tmux.type("audit")
        try tmux.press("Enter")
        try run.see("the audit pane") { $0.contains("Audit log") && $0.contains("AdminCreateUser") && $0.contains("InitiateAuth") }
        try tmux.press("q")
        _ = try tmux.wait(for: "the console to quit") { _ in
            ((try? tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{pane_dead}"])) ?? "").hasPrefix("1")
        }
        run.screens.append(("the screen after quitting", try tmux.screen()))

        let scrollback = try tmux.tmux(["capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", tmux.name])
        let log = try String(contentsOfFile: trace, encoding: .utf8)
        let audit = try String(contentsOfFile: home.path + "/.local/state/cognito-tui/audit.jsonl", encoding: .utf8)
        for operation in ["AdminCreateUser", "AdminSetUserPassword", "InitiateAuth", "RespondToAuthChallenge", "GetId"] {
            #expect(audit.contains("\"operation\":\"\(operation)\""), "the audit log has \(operation)")
            #expect(log.contains("--> \(operation) attempt 1"), "the trace has \(operation)")
        }
        #expect(log.contains("GetCredentialsForIdentity") && log.contains("GetCallerIdentity"))
        #expect(ledger.secrets.count == 14, "\(ledger.secrets.map(\.name))")
        for (what, text) in run.screens + [("the scrollback", scrollback), ("the --log-file trace", log), ("the audit log", audit)] {
            let leaks = ledger.leaks(in: text)
            #expect(leaks.isEmpty, "\(what) shows \(leaks.joined(separator: ", ")):\n\(text.prefix(4000))")
        }
    }
}
