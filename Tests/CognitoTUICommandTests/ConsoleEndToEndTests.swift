import Foundation
import Testing
import TestSupport
@testable import AWSCore

/// The real console in tmux against the emulator: type keys, wait for the screen.
/// Each scenario seeds its own data in a region of its own, so scenarios run side by side.
@Suite("Console end to end in tmux", .timeLimit(.minutes(5)))
struct ConsoleEndToEndTests {
    static let keys = TestEmulator.keys

    /// Calls the emulator directly to seed data.
    struct Seeder {
        let region: String
        func call(_ service: ServiceDescriptor, _ operation: String, _ input: [String: Any]) async throws -> [String: Any] {
            let client = AWSClient(service: service, region: region, endpoint: Endpoint(url: try TestEmulator.url())!,
                                   credentials: FixedCredentials(ConsoleEndToEndTests.keys), transport: CurlTransport(),
                                   context: RuntimeContext(environment: [:]))
            let reply = try await client.callJSON(operation, input: try JSONSerialization.data(withJSONObject: input),
                                                  signed: operation != "GetId", mutates: true)
            return (try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]) ?? [:]
        }

        /// A user pool with `count` users named user000…, returns its id.
        func userPool(_ name: String, users count: Int) async throws -> String {
            let pool = try await call(.cognitoIdentityProvider, "CreateUserPool", ["PoolName": name])
            let id = (pool["UserPool"] as? [String: Any])?["Id"] as? String ?? ""
            try await withThrowingTaskGroup(of: Void.self) { group in
                for batch in stride(from: 0, to: count, by: 25) {
                    group.addTask {
                        for i in batch..<min(batch + 25, count) {
                            let user = String(format: "user%03d", i)
                            _ = try await call(.cognitoIdentityProvider, "AdminCreateUser", [
                                "UserPoolId": id, "Username": user, "MessageAction": "SUPPRESS",
                                "UserAttributes": [["Name": "email", "Value": "\(user)@example.com"]],
                            ])
                        }
                    }
                }
                try await group.waitForAll()
            }
            return id
        }
    }

    /// The `userNNN` names on a screen.
    static func usernames(in screen: String) -> Set<String> {
        Set(screen.matches(of: /user\d{3}/).map { String($0.output) })
    }

    /// Starts the console for `region` at the emulator; `shellTail` runs after it exits.
    func console(region: String, args: String = "", columns: Int = 100, rows: Int = 30,
                 shellHead: String = "", shellTail: String = "", endpoint: String? = nil) throws -> TmuxSession {
        let home = try TemporaryHome()
        var env = BinaryRunner.baseEnvironment(home: home.path)
        env["AWS_ACCESS_KEY_ID"] = Self.keys.accessKeyId
        env["AWS_SECRET_ACCESS_KEY"] = Self.keys.secretAccessKey
        env["LANG"] = "C.UTF-8"
        let command = "\(shellHead)\(BinaryRunner.binaryPath) --region \(region) --endpoint-url \(try endpoint ?? TestEmulator.url()) \(args)\(shellTail)"
        return try TmuxSession(command: command, environment: env, columns: columns, rows: rows, home: home)
    }

    @Test("browse to a user through the pools and the pages, and back with the cursor kept")
    func browseToUser() async throws {
        let region = try TestRegion.claim()
        _ = try await Seeder(region: region).userPool("e2e-browse", users: 130)
        let tmux = try console(region: region)
        try tmux.wait(for: "e2e-browse")
        try tmux.press("Enter")
        try tmux.wait(for: "Summary")
        try tmux.press("2")
        try tmux.wait(for: "60 loaded, more available")
        // Going to the end of what is loaded fetches the next page, until there are no more.
        try tmux.wait(for: "130 total", timeout: 30) { screen in
            if !screen.contains("130 total") { try? tmux.press("G") }
            return screen.contains("130 total")
        }
        try tmux.press("/")
        try tmux.type("user129")
        try tmux.press("Enter")
        try tmux.wait(for: "only user129") { $0.contains("user129") && !$0.contains("user128") && !$0.contains("user001") }
        try tmux.press("Enter")
        let detail = try tmux.wait(for: "user129's attributes") { $0.contains("› user129 › Summary") && $0.contains("user129@example.com") }
        #expect(detail.contains("FORCE_CHANGE_PASSWORD"))
        try tmux.press("Escape")
        let back = try tmux.wait(for: "the filtered list again") { $0.contains("Users") && !$0.contains("› user129") }
        #expect(back.contains("user129") && !back.contains("user128"), "the filter and cursor are where they were")
    }

    @Test("filter the loaded rows as you type, and Esc clears it")
    func filterRows() async throws {
        let region = try TestRegion.claim()
        _ = try await Seeder(region: region).userPool("e2e-filter", users: 40)
        let tmux = try console(region: region)
        try tmux.wait(for: "e2e-filter")
        try tmux.press("Enter")
        try tmux.wait(for: "Summary")
        try tmux.press("2")
        try tmux.wait(for: "40 total")
        try tmux.press("/")
        try tmux.type("user03")
        try tmux.press("Enter")
        let filtered = try tmux.wait(for: "the ten matching rows") {
            $0.contains("user030") && $0.contains("user039") && !$0.contains("user001") && !$0.contains("user021")
        }
        #expect(filtered.contains("/user03 (10 of 40)"), "the active filter is shown with its count")
        #expect(!filtered.contains("user040") && !filtered.contains("user001"))
        try tmux.press("Escape")
        try tmux.wait(for: "user001 shown again") { $0.contains("user001") }
    }

    @Test("server-side search finds users by an attribute prefix")
    func serverSideSearch() async throws {
        let region = try TestRegion.claim()
        _ = try await Seeder(region: region).userPool("e2e-search", users: 90)
        let tmux = try console(region: region)
        try tmux.wait(for: "e2e-search")
        try tmux.press("Enter")
        try tmux.wait(for: "Summary")
        try tmux.press(":")
        try tmux.type(#"users email ^= "user08""#)
        try tmux.press("Enter")
        let found = try tmux.wait(for: "search results") { $0.contains("user085") && !$0.contains("user001") }
        #expect(found.contains("user080") && found.contains("user089"))
        #expect(found.contains(#"email ^= "user08""#), "the active search is shown")
    }

    @Test("identity pool: roles, role mappings with their rules in order, then identities")
    func identityPool() async throws {
        let region = try TestRegion.claim()
        let seeder = Seeder(region: region)
        let pool = try await seeder.call(.cognitoIdentity, "CreateIdentityPool", [
            "IdentityPoolName": "e2e_identities", "AllowUnauthenticatedIdentities": true,
            "CognitoIdentityProviders": [["ProviderName": "cognito-idp.\(region).amazonaws.com/\(region)_AbCdEf123", "ClientId": "client123"]],
        ])
        let id = try #require(pool["IdentityPoolId"] as? String)
        _ = try await seeder.call(.cognitoIdentity, "SetIdentityPoolRoles", [
            "IdentityPoolId": id,
            "Roles": ["authenticated": "arn:aws:iam::123456789012:role/e2e-auth", "unauthenticated": "arn:aws:iam::123456789012:role/e2e-guest"],
            "RoleMappings": ["cognito-idp.\(region).amazonaws.com/\(region)_AbCdEf123:client123": [
                "Type": "Rules", "AmbiguousRoleResolution": "AuthenticatedRole",
                "RulesConfiguration": ["Rules": [
                    ["Claim": "cognito:groups", "MatchType": "Contains", "Value": "admins", "RoleARN": "arn:aws:iam::123456789012:role/e2e-admin"],
                    ["Claim": "custom:plan", "MatchType": "Equals", "Value": "enterprise", "RoleARN": "arn:aws:iam::123456789012:role/e2e-enterprise"],
                ]],
            ]],
        ])
        for _ in 0..<3 { _ = try await seeder.call(.cognitoIdentity, "GetId", ["IdentityPoolId": id]) }
        let tmux = try console(region: region, args: "--start idpools", columns: 160, rows: 50)
        try tmux.wait(for: "e2e_identities")
        try tmux.press("Enter")
        let settings = try tmux.wait(for: "e2e-admin")
        #expect(settings.contains("e2e-auth") && settings.contains("e2e-guest"))
        let admin = try #require(settings.range(of: "e2e-admin"))
        let enterprise = try #require(settings.range(of: "e2e-enterprise"))
        #expect(admin.lowerBound < enterprise.lowerBound, "rules are shown in order")
        try tmux.press("2")
        try tmux.wait(for: "3 total")
        try tmux.press("Enter")
        try tmux.wait(for: "\(region):")
    }

    @Test("resizing to 40×10 and back keeps the console drawing")
    func resize() async throws {
        let region = try TestRegion.claim()
        _ = try await Seeder(region: region).userPool("e2e-resize", users: 5)
        let tmux = try console(region: region)
        try tmux.wait(for: "e2e-resize")
        try tmux.resize(columns: 40, rows: 10)
        let small = try tmux.wait(for: "a 40×10 frame") { $0.contains("e2e-resize") && $0.contains("1 total") }
        // tmux cuts the pane to 40×10 whatever the console draws; what shows that the console
        // laid its frame out for that size is its footer at the bottom of the 10 rows.
        let rows = small.split(separator: "\n", omittingEmptySubsequences: false)
        let footer = try #require(rows.firstIndex { $0.contains("1 total") })
        #expect((8..<10).contains(footer), "the footer is at the bottom of 10 rows: \(small)")
        try tmux.resize(columns: 100, rows: 30)
        try tmux.wait(for: "the full header again") { $0.contains("region \(region)") && $0.contains("e2e-resize") }
        try tmux.press("Enter")
        try tmux.wait(for: "e2e-resize › Summary")
    }

    @Test("quitting restores the terminal")
    func quitRestoresTerminal() async throws {
        let tmux = try console(region: TestRegion.unseeded, rows: 60, shellTail: "; s=$?; stty -a; echo EXIT=$s")
        try tmux.wait(for: "User pools")
        try tmux.press("q")
        let after = try tmux.wait(for: "stty's report after EXIT=0") { $0.contains("EXIT=0") && $0.contains("echoke") }
        let flags = Set(after.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(flags.contains("icanon") && flags.contains("echo"), "cooked mode and echo are back: \(after)")
        #expect(!flags.contains("-icanon") && !flags.contains("-echo"))
        #expect(!after.contains("User pools"), "the console's screen is gone")
    }

    @Test("help, describe as JSON and the API call log")
    func helpDescribeAndCallLog() async throws {
        let region = try TestRegion.claim()
        _ = try await Seeder(region: region).userPool("e2e-describe", users: 2)
        let tmux = try console(region: region, rows: 40)
        try tmux.wait(for: "e2e-describe")
        try tmux.press("?")
        let help = try tmux.wait(for: "a help overlay") { $0.contains("filter") && $0.contains("describe") && $0.contains("refresh") }
        #expect(help.contains("quit"))
        try tmux.press("Escape")
        try tmux.press("d")
        let json = try tmux.wait(for: "the pool as JSON") { $0.contains("DescribeUserPool") && $0.contains("\"UserPool\" : {") }
        #expect(json.contains("\"Arn\" : \"arn:aws:cognito-idp:\(region):"))
        try tmux.press("Escape")
        try tmux.press("@")
        let log = try tmux.wait(for: "DescribeUserPool in the call log") { $0.contains("ListUserPools") && $0.contains("DescribeUserPool") }
        #expect(log.contains("200"))
    }

    @Test("a tab whose call fails shows the error in place and the rest keeps working")
    func errorInPlace() async throws {
        let region = try TestRegion.claim()
        _ = try await Seeder(region: region).userPool("e2e-errors", users: 1)
        let tmux = try console(region: region)
        try tmux.wait(for: "e2e-errors")
        try tmux.press("Enter")
        try tmux.wait(for: "Summary")
        try tmux.press("2")
        try tmux.wait(for: "user000")
        try tmux.press("Enter")
        try tmux.wait(for: "› user000 › Summary")
        // The pool has no threat protection, so Cognito keeps no sign-in history for it.
        try tmux.press("4")
        let history = try tmux.wait(for: "the sign-in history's error") { $0.contains("UserPoolAddOnNotEnabledException") }
        #expect(history.contains("AdminListUserAuthEvents"))
        try tmux.press("1")
        try tmux.wait(for: "the user's summary still there") { $0.contains("Username") && $0.contains("user000") }
    }

    @Test("missing credentials and an unreachable endpoint are one sentence in the pane, not a crash")
    func startupErrors() async throws {
        let home = try TemporaryHome()
        var env = BinaryRunner.baseEnvironment(home: home.path)
        env["LANG"] = "C.UTF-8"
        let noKeys = try TmuxSession(command: "\(BinaryRunner.binaryPath) --region us-east-1 --endpoint-url \(try TestEmulator.url())",
                                     environment: env, home: home)
        try noKeys.wait(for: "No AWS credentials were found")
        env["AWS_ACCESS_KEY_ID"] = Self.keys.accessKeyId
        env["AWS_SECRET_ACCESS_KEY"] = Self.keys.secretAccessKey
        let unreachable = try TmuxSession(command: "\(BinaryRunner.binaryPath) --region us-east-1 --endpoint-url http://127.0.0.1:9",
                                          environment: env, home: home)
        let screen = try unreachable.wait(for: "the connection error") { $0.lowercased().contains("connect") }
        #expect(screen.contains("User pools"), "the console is still up")
        try unreachable.press("q")
        try unreachable.wait(for: "the pane to end") { !$0.contains("User pools") }
    }

    @Test("switching region keeps the same credentials and shows that region's pools")
    func switchRegion() async throws {
        let (first, second) = (try TestRegion.claim(), try TestRegion.claim())
        _ = try await Seeder(region: first).userPool("e2e-region-a", users: 0)
        _ = try await Seeder(region: second).userPool("e2e-region-b", users: 0)
        let tmux = try console(region: first)
        try tmux.wait(for: "e2e-region-a")
        try tmux.press(":")
        try tmux.type("region \(second)")
        try tmux.press("Enter")
        let switched = try tmux.wait(for: "e2e-region-b")
        #expect(switched.contains("region \(second)"))
        #expect(!switched.contains("e2e-region-a"))
    }

    @Test("the mouse: double click opens the row under it, a breadcrumb goes back, the wheel scrolls")
    func mouse() async throws {
        let region = try TestRegion.claim()
        let seeder = Seeder(region: region)
        _ = try await seeder.userPool("e2e-mouse-a", users: 0)
        _ = try await seeder.userPool("e2e-mouse-b", users: 60)
        let tmux = try console(region: region, rows: 20)
        let list = try tmux.wait(for: "both pools") { $0.contains("e2e-mouse-a") && $0.contains("e2e-mouse-b") }
        // Screen rows are 1-based: find the line that shows pool b.
        let lines = list.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(lines.firstIndex { $0.contains("e2e-mouse-b") }) + 1
        try tmux.doubleClick(x: 5, y: row)
        try tmux.wait(for: "e2e-mouse-b › Summary")
        try tmux.press("2")
        try tmux.wait(for: "60 total")
        let before = Self.usernames(in: try tmux.wait(for: "the first users") { !Self.usernames(in: $0).isEmpty })
        try tmux.wheel(20, x: 10, y: 10)
        // Only scrolling brings users into view that were not shown: 60 do not fit on 20 rows.
        try tmux.wait(for: "the list to scroll") { !Self.usernames(in: $0).subtracting(before).isEmpty && $0.contains("60 total") }
        try tmux.click(x: 3, y: 2)
        try tmux.wait(for: "the pools list again") { $0.contains("e2e-mouse-a") && !$0.contains("› e2e-mouse-b") }
    }

    @Test("Ctrl-C and SIGTERM also restore the terminal", arguments: ["ctrl-c", "sigterm"])
    func signalsRestoreTerminal(_ how: String) async throws {
        // Ctrl-C signals the whole foreground group: the shell keeps going (a trap, which the
        // console does not inherit) so that it can report the terminal afterwards.
        let tmux = try console(region: TestRegion.unseeded, rows: 60, shellHead: "trap 'true' INT; ",
                               shellTail: "; s=$?; stty -a; echo EXIT=$s")
        try tmux.wait(for: "User pools")
        if how == "ctrl-c" {
            try tmux.press("C-c")
        } else {
            let shell = try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{pane_pid}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            try Spawn.run(["pkill", "-TERM", "-P", shell], captureOutput: false)
        }
        let after = try tmux.wait(for: "stty's report after the signal") { $0.contains("EXIT=") && $0.contains("echoke") }
        let flags = Set(after.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(flags.contains("icanon") && !flags.contains("-icanon"))
        #expect(flags.contains("echo") && !flags.contains("-echo"))
        #expect(after.contains(how == "ctrl-c" ? "EXIT=130" : "EXIT=143"), "exit status 128 + the signal")
    }
}
