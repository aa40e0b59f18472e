import Foundation
import Testing
@testable import AWSCore

/// A transport that answers from a script and counts what it was sent.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var replies: [HTTPResponse]
    private var sent: [HTTPRequest] = []

    init(_ replies: [HTTPResponse]) { self.replies = replies }

    var requests: [HTTPRequest] { lock.withLock { sent } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try lock.withLock {
            sent.append(request)
            guard !replies.isEmpty else {
                throw AWSClientError.transport(TransportFailure(kind: .local, detail: "script ran out", url: request.urlString))
            }
            return replies.removeFirst()
        }
    }
}

extension HTTPResponse {
    static func ok(_ body: String = "{}") -> HTTPResponse {
        HTTPResponse(status: 200, body: Data(body.utf8))
    }

    static func error(_ status: Int, _ code: String) -> HTTPResponse {
        HTTPResponse(status: status, body: Data(#"{"__type":"\#(code)","message":"scripted"}"#.utf8))
    }
}

@Suite("Client pipeline with a rate limiter", .timeLimit(.minutes(5)))
struct ClientRateLimitTests {
    static let keys = Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    /// ListUsers limited to one call a second, so that every acquisition after the first waits.
    static let oneASecond = QuotaTable([
        .init(name: "UserList", requestsPerSecond: 1, operations: ["cognito-idp": ["ListUsers"]]),
    ])

    func client(_ transport: ScriptedTransport, limiter: RateLimiter?, attempts: Int = 3,
                signingKeys: SigningKeyCache = SigningKeyCache()) -> AWSClient {
        let context = RuntimeContext(environment: [:], now: { Date(timeIntervalSince1970: 1_893_456_000) },
                                     sleep: { _ in })
        return AWSClient(service: .cognitoIdentityProvider, region: "us-east-1",
                         credentials: FixedCredentials(Self.keys), transport: transport,
                         retry: RetryStrategy(configuration: RetryConfiguration(maxAttempts: attempts), random: { 0 }),
                         context: context, limiter: limiter, signingKeys: signingKeys)
    }

    @Test("every attempt, retries included, waits for a token")
    func retriesAcquire() async throws {
        let time = VirtualTime()
        time.advancesOnSleep = false
        let limiter = time.limiter(Self.oneASecond)
        let transport = ScriptedTransport([.error(503, "ServiceUnavailable"), .error(500, "InternalError"), .ok()])
        _ = try await client(transport, limiter: limiter).callJSON("ListUsers", input: Data(), mutates: false)
        #expect(transport.requests.count == 3)
        // The first attempt takes the bucket's only token; each retry waits one more second.
        #expect(time.recorded == [.seconds(1), .seconds(2)])
    }

    @Test("a read-only refusal takes no token")
    func refusalTakesNoToken() async throws {
        let time = VirtualTime()
        time.advancesOnSleep = false
        let limiter = time.limiter(QuotaTable([
            .init(name: "UserUpdate", requestsPerSecond: 1, operations: ["cognito-idp": ["AdminDisableUser"]]),
        ]))
        let transport = ScriptedTransport([.ok()])
        let context = RuntimeContext(environment: [:], sleep: { _ in })
        let readOnly = AWSClient(service: .cognitoIdentityProvider, region: "us-east-1",
                                 credentials: FixedCredentials(Self.keys), transport: transport, readOnly: true,
                                 context: context, limiter: limiter)
        await #expect(throws: AWSClientError.readOnly(operation: "AdminDisableUser")) {
            _ = try await readOnly.callJSON("AdminDisableUser", input: Data(), mutates: true)
        }
        _ = try await client(transport, limiter: limiter).callJSON("AdminDisableUser", input: Data(), mutates: true)
        #expect(time.recorded.isEmpty, "the refused call used the token")
    }

    @Test("a client made without a limiter is unlimited")
    func noLimiterNoWaits() async throws {
        let transport = ScriptedTransport(Array(repeating: .ok(), count: 20))
        let client = client(transport, limiter: nil)
        for _ in 0..<20 { _ = try await client.callJSON("ListUsers", input: Data(), mutates: false) }
        #expect(transport.requests.count == 20)
        #expect(client.limiter == nil)
    }

    /// Four ListUsers calls at one instant, the first throttled; returns the limiter's waits.
    func waitsAfterAThrottle(adaptive: Bool) async throws -> (waits: [Duration], status: RateLimitStatus) {
        let time = VirtualTime()
        time.advancesOnSleep = false
        let limiter = time.limiter(QuotaTable([
            .init(name: "UserList", requestsPerSecond: 10, operations: ["cognito-idp": ["ListUsers"]]),
        ]), adaptive: adaptive)
        let transport = ScriptedTransport([.error(400, "TooManyRequestsException"), .ok(), .ok(), .ok()])
        let client = client(transport, limiter: limiter, attempts: 1)
        await #expect(throws: AWSServiceError.self) {
            _ = try await client.callJSON("ListUsers", input: Data(), mutates: false)
        }
        for _ in 0..<3 { _ = try await client.callJSON("ListUsers", input: Data(), mutates: false) }
        return (time.recorded, limiter.status())
    }

    @Test("in adaptive mode a throttling reply slows the next calls")
    func adaptiveThrottleSlowsNextCalls() async throws {
        let (waits, status) = try await waitsAfterAThrottle(adaptive: true)
        // Down from 10 to 5 a second: the calls after the burst are 0.2 s apart.
        #expect(waits == [.milliseconds(200), .milliseconds(400)])
        #expect(status.throttles == 1)
        #expect(status.slowed == ["UserList": 5])
    }

    @Test("in standard mode a throttling reply is counted but the rate holds")
    func standardThrottleKeepsRate() async throws {
        let (waits, status) = try await waitsAfterAThrottle(adaptive: false)
        #expect(waits == [.milliseconds(100), .milliseconds(200)])
        #expect(status.throttles == 1)
        #expect(status.slowed.isEmpty)
    }

    @Test("a throttled attempt that is retried is counted too")
    func retriedThrottlesCount() async throws {
        let time = VirtualTime()
        let limiter = time.limiter(.cognito, adaptive: true)
        let transport = ScriptedTransport([.error(400, "TooManyRequestsException"),
                                           .error(429, "ThrottlingException"), .ok()])
        _ = try await client(transport, limiter: limiter).callJSON("ListUsers", input: Data(), mutates: false)
        #expect(limiter.status().throttles == 2)
        #expect(limiter.status().throttlesByCategory == ["UserList": 2])
    }
}

@Suite("Sessions own their limiter and signing keys", .timeLimit(.minutes(5)))
struct SessionRateLimitTests {
    func session(_ environment: [String: String], rateLimits: [String: Double] = [:]) throws -> AWSSession {
        let context = makeContext(environment: ["AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "AKID",
                                                "AWS_SECRET_ACCESS_KEY": "secret"].merging(environment) { $1 })
        return try AWSSession(overrides: ConfigOverrides(), context: context,
                              transport: ScriptedTransport([]), rateLimits: rateLimits)
    }

    @Test("AWS_RETRY_MODE=adaptive makes the session's limiter adaptive", arguments: [
        ("adaptive", true), ("standard", false), ("legacy", false), ("", false),
    ])
    func retryModeChoosesAdaptation(mode: String, adaptive: Bool) throws {
        let session = try session(["AWS_RETRY_MODE": mode])
        #expect(session.rateLimiter.adaptive == adaptive)
    }

    @Test("every client of a session shares its limiter and signing-key cache")
    func clientsShare() throws {
        let session = try session([:])
        let idp = try session.client(.cognitoIdentityProvider)
        let identity = try session.client(.cognitoIdentity)
        #expect(idp.limiter === session.rateLimiter && identity.limiter === session.rateLimiter)
        #expect(idp.signingKeys === identity.signingKeys)
        #expect(idp.signingKeys === session.signingKeys)
    }

    @Test("a profile's rate settings reach the limiter; an unknown category stops the session")
    func rateSettings() throws {
        let session = try session([:], rateLimits: ["UserList": 12])
        #expect(session.rateLimiter.configuredRate(category: "UserList") == 12)
        #expect(throws: AWSClientError.self) { try self.session([:], rateLimits: ["Users": 12]) }
    }

    @Test("a client for another region paces its calls apart, at the same rates; for the same region it shares")
    func anotherRegionPacesApart() throws {
        let session = try session(["AWS_RETRY_MODE": "adaptive"], rateLimits: ["UserList": 12])
        let idp = try session.client(.cognitoIdentityProvider)
        let there = idp.inRegion("eu-west-1")
        #expect(there.region == "eu-west-1")
        #expect(there.limiter !== session.rateLimiter)
        #expect(there.limiter?.configuredRates == session.rateLimiter.configuredRates)
        #expect(there.limiter?.adaptive == true)
        #expect(idp.inRegion("us-east-1").limiter === session.rateLimiter)
    }
}
