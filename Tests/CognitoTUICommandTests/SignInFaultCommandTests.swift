import Foundation
import Testing
import TestSupport

/// Sign-in and temporary credentials through the fault proxy in front of the emulator: every
/// fault on the flow's calls ends in one sentence on stderr with the documented exit status,
/// nothing on stdout and no secret anywhere.
@Suite("Sign-in and credentials under faults", .timeLimit(.minutes(5)))
struct SignInFaultCommandTests {
    static let password = "Fault-t0lerant-horse!"

    /// A flow of calls, and the one of them the fault is aimed at.
    struct Flow: Sendable, CustomStringConvertible {
        var description: String
        var operation: String
        var arguments: @Sendable (Setup) -> [String]
        var stdin: String?
    }

    /// What goes wrong on that call.
    struct Fault: Sendable, CustomStringConvertible {
        var description: String
        /// The faults; nil for a proxy whose upstream is gone (it answers 502 with HTML).
        var faults: FaultProxy.Faults?
        var status: Int32
        /// Words the sentence must hold (any of them, case-insensitive).
        var words: [String]
    }

    struct Setup: Sendable {
        var kit: AdminCommandKit
        var client: String
        var identityPool: String
    }

    static let flows: [Flow] = [
        Flow(description: "auth --flow srp, on its second call", operation: "RespondToAuthChallenge",
             arguments: { ["auth", "--pool", $0.kit.pool, "--client", $0.client, "ann", "--flow", "srp"] }, stdin: password),
        Flow(description: "auth --flow password", operation: "InitiateAuth",
             arguments: { ["auth", "--pool", $0.kit.pool, "--client", $0.client, "ann", "--flow", "password"] }, stdin: password),
        Flow(description: "credentials for a guest, on its second call", operation: "GetCredentialsForIdentity",
             arguments: { ["credentials", "--identity-pool", $0.identityPool, "--format", "process"] }, stdin: nil),
    ]

    static func faults(_ operation: String) -> [Fault] {
        [
            Fault(description: "every call throttled", faults: .init(throttle: 1, operations: [operation]), status: 1,
                  words: ["TooManyRequests", "throttl", "rate"]),
            Fault(description: "the connection reset after the call was applied", faults: .init(drop: 1, operations: [operation]),
                  status: 4, words: ["connection", "reset"]),
            Fault(description: "the connection closed after the call was applied",
                  faults: .init(drop: 1, dropAction: "close", operations: [operation]), status: 4, words: ["connection", "closed", "reply"]),
            Fault(description: "a proxy whose upstream is gone", faults: nil, status: 4, words: ["502", "unreadable", "reply"]),
        ]
    }

    static func setup() throws -> Setup {
        let kit = try AdminCommandKit(users: ["ann"])
        let lines = try kit.boto("""
            flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
            client = idp.create_user_pool_client(UserPoolId=pool, ClientName="faults", ExplicitAuthFlows=flows)["UserPoolClient"]["ClientId"]
            idp.admin_set_user_password(UserPoolId=pool, Username="ann", Password=\(AdminCommandKit.literal(password)), Permanent=True)
            ip = ci.create_identity_pool(IdentityPoolName="faults", AllowUnauthenticatedIdentities=True)["IdentityPoolId"]
            ci.set_identity_pool_roles(IdentityPoolId=ip, Roles={"unauthenticated": "arn:aws:iam::123456789012:role/guest"})
            print(client); print(ip)
            """).split(separator: "\n").map(String.init)
        return Setup(kit: kit, client: lines[0], identityPool: lines[1])
    }

    @Test("each fault on each flow is one sentence with its exit status, nothing on stdout, no secret",
          arguments: flows)
    func oneSentence(_ flow: Flow) throws {
        let setup = try Self.setup()
        // Without faults the flow works through the proxy: what follows is the faults' doing.
        let clean = try FaultProxy(upstream: try TestEmulator.url())
        defer { clean.stop() }
        let fine = try setup.kit.run(flow.arguments(setup), stdin: flow.stdin, endpoint: clean.url)
        #expect(fine.status == 0, "\(fine.stderr)")

        for fault in Self.faults(flow.operation) {
            let proxy = try FaultProxy(upstream: fault.faults == nil ? "http://127.0.0.1:9" : try TestEmulator.url())
            defer { proxy.stop() }
            if let faults = fault.faults { try proxy.configure(faults) }
            let result = try setup.kit.run(flow.arguments(setup), stdin: flow.stdin, endpoint: proxy.url)
            let said = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            let context = Comment(rawValue: "\(flow) / \(fault): exit \(result.status): \(said)")
            #expect(result.status == fault.status, context)
            #expect(result.stdout.isEmpty, context)
            #expect(!said.contains("\n") && said.hasPrefix("cognito-tui: ") && said.hasSuffix("."), context)
            #expect(fault.words.contains { said.localizedCaseInsensitiveContains($0) }, context)
            #expect(!result.stderr.contains(Self.password), context)
            if let faults = fault.faults {
                // The fault was met on the call aimed at, and throttling was retried before it was reported.
                let met = try proxy.counters().byOperation[flow.operation] ?? [:]
                #expect((faults.throttle > 0 ? met["throttled", default: 0] : met["dropped", default: 0]) >= (faults.throttle > 0 ? 2 : 1),
                        "\(context): \(met)")
            }
        }
    }
}
