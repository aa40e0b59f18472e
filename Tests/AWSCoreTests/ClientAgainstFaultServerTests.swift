import Foundation
import Testing
import TestSupport
@testable import AWSCore

/// Records the waits the client asks for instead of waiting.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Duration] = []
    var recorded: [Duration] { lock.lock(); defer { lock.unlock() }; return waits }
    func sleep(_ d: Duration) async throws {
        record(d)
    }
    private func record(_ d: Duration) {
        lock.withLock { waits.append(d) }
    }
}

/// The client pipeline against a scripted local server: retries, errors, timeouts, resets and
/// cancellation, over the real libcurl transport.
@Suite("Client pipeline against a scripted server", .serialized, .timeLimit(.minutes(5)))
struct ClientAgainstFaultServerTests {
    static let server = Result { try FaultServer() }
    let sleeps = SleepRecorder()

    static let keys = Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                  sessionToken: "session-token-value")

    func client(_ server: FaultServer, readOnly: Bool = false, totalTimeout: Duration = .seconds(10),
                attempts: Int = 3) throws -> AWSClient {
        var options = TransportOptions()
        options.totalTimeout = totalTimeout
        let recorder = sleeps
        let context = RuntimeContext(environment: [:], sleep: { try await recorder.sleep($0) })
        return AWSClient(
            service: .cognitoIdentityProvider, region: "us-east-1", endpoint: Endpoint(url: server.url)!,
            credentials: FixedCredentials(Self.keys), transport: CurlTransport(options: options),
            retry: RetryStrategy(configuration: RetryConfiguration(maxAttempts: attempts), random: { 0.5 }),
            readOnly: readOnly, context: context)
    }

    @Test("a signed call carries the SigV4 headers, the target and the user agent")
    func signedCall() async throws {
        let server = try Self.server.get()
        try server.script([.json(200, #"{"UserPools":[]}"#)])
        let reply = try await client(server).callJSON("ListUserPools", input: Data(#"{"MaxResults":10}"#.utf8), mutates: false)
        #expect(String(decoding: reply.body, as: UTF8.self) == #"{"UserPools":[]}"#)
        let request = try #require(try server.requests().first)
        #expect(request.headers["authorization"]?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") == true)
        #expect(request.headers["authorization"]?.contains("/us-east-1/cognito-idp/aws4_request") == true)
        #expect(request.headers["x-amz-security-token"] == "session-token-value")
        #expect(request.headers["x-amz-target"] == "AWSCognitoIdentityProviderService.ListUserPools")
        #expect(request.headers["content-type"] == "application/x-amz-json-1.1")
        #expect(request.headers["user-agent"]?.hasPrefix("cognito-tui/") == true)
        #expect(request.headers["accept-encoding"]?.isEmpty == false)
        #expect(request.body == #"{"MaxResults":10}"#)
    }

    @Test("an unsigned call goes without Authorization")
    func unsignedCall() async throws {
        let server = try Self.server.get()
        try server.script([.json(200, #"{"IdentityId":"x"}"#)])
        _ = try await client(server).callJSON("GetId", input: Data("{}".utf8), signed: false, mutates: true)
        let request = try #require(try server.requests().first)
        #expect(request.headers["authorization"] == nil)
        #expect(request.headers["x-amz-security-token"] == nil)
    }

    @Test("consecutive calls reuse one kept-alive connection")
    func keepAlive() async throws {
        let server = try Self.server.get()
        try server.script([.json(200, "{}"), .json(200, "{}"), .json(200, "{}")])
        let transport = CurlTransport(maxConcurrentTransfers: 1)
        let request = JSONProtocol.request(endpoint: Endpoint(url: server.url)!, targetPrefix: "P", operation: "Op", body: Data())
        let first = try await transport.send(request)
        let second = try await transport.send(request)
        let third = try await transport.send(request)
        #expect(first.newConnections == 1)
        #expect(second.newConnections == 0)
        #expect(third.newConnections == 0)
    }

    @Test("throttling is retried with backoff and then succeeds")
    func throttlingThenSuccess() async throws {
        let server = try Self.server.get()
        try server.script([
            .json(400, #"{"__type":"TooManyRequestsException","message":"Too many requests"}"#),
            .json(400, #"{"__type":"TooManyRequestsException","message":"Too many requests"}"#),
            .json(200, #"{"Users":[]}"#),
        ])
        let reply = try await client(server).callJSON("ListUsers", input: Data(), mutates: false)
        #expect(reply.status == 200)
        #expect(try server.requests().count == 3)
        #expect(sleeps.recorded == [.milliseconds(500), .milliseconds(1000)])
    }

    @Test("a success after retries gives back the last retry's cost to the quota, as the standard mode does")
    func quotaRefund() async throws {
        let server = try Self.server.get()
        let throttled = FaultServer.Reply.json(400, #"{"__type":"ThrottlingException"}"#)
        try server.script([throttled, throttled, .json(200, "{}")])
        let quota = RetryQuota(tokens: 500)
        let c = AWSClient(service: .cognitoIdentityProvider, region: "us-east-1", endpoint: Endpoint(url: server.url)!,
                          credentials: FixedCredentials(Self.keys), transport: CurlTransport(),
                          retry: RetryStrategy(configuration: RetryConfiguration(), quota: quota, random: { 0 }),
                          context: RuntimeContext(environment: [:], sleep: { _ in }))
        _ = try await c.callJSON("ListUsers", input: Data(), mutates: false)
        #expect(quota.available == 495, "two retries took 10, the success gave back the last 5")
    }

    @Test("persistent 5xx on a read is tried three times and surfaces with status and request id")
    func serverErrorsExhaustAttempts() async throws {
        let server = try Self.server.get()
        let fault = FaultServer.Reply.json(500, #"{"__type":"InternalErrorException","message":"boom"}"#, requestId: "rid-500")
        try server.script([fault, fault, fault, fault])
        await #expect {
            _ = try await client(server).callJSON("ListUsers", input: Data(), mutates: false)
        } throws: { error in
            let e = error as? AWSServiceError
            return e?.code == "InternalErrorException" && e?.httpStatus == 500 && e?.requestId == "rid-500"
        }
        #expect(try server.requests().count == 3)
    }

    @Test("a mutating call is not resent after a 500")
    func mutationNotRetriedOn500() async throws {
        let server = try Self.server.get()
        let fault = FaultServer.Reply.json(500, #"{"__type":"InternalErrorException","message":"boom"}"#)
        try server.script([fault, fault])
        await #expect(throws: AWSServiceError.self) {
            _ = try await client(server).callJSON("AdminDeleteUser", input: Data(), mutates: true)
        }
        #expect(try server.requests().count == 1)
    }

    @Test("a mutating call is resent after throttling, which proves it was not applied")
    func mutationRetriedOnThrottling() async throws {
        let server = try Self.server.get()
        try server.script([.json(400, #"{"__type":"TooManyRequestsException"}"#), .json(200, "{}")])
        _ = try await client(server).callJSON("AdminDisableUser", input: Data(), mutates: true)
        #expect(try server.requests().count == 2)
    }

    @Test("a connection reset is retried for a read")
    func resetRetriedForRead() async throws {
        let server = try Self.server.get()
        try server.script([.reset, .json(200, "{}")])
        _ = try await client(server).callJSON("ListUsers", input: Data(), mutates: false)
        #expect(try server.requests().count == 2)
    }

    @Test("a connection reset is not retried for a mutation, and says the outcome is unknown")
    func resetNotRetriedForMutation() async throws {
        let server = try Self.server.get()
        try server.script([.reset, .json(200, "{}")])
        await #expect {
            _ = try await client(server).callJSON("AdminDeleteUser", input: Data(), mutates: true)
        } throws: { error in
            guard case .transport(let failure) = error as? AWSClientError else { return false }
            return failure.kind == .ambiguous && failure.description.contains("before a full reply arrived")
        }
        #expect(try server.requests().count == 1)
    }

    @Test("a mutation on a kept-alive connection that breaks after sending is not sent again by libcurl either")
    func brokenReusedConnectionNotResentForMutation() async throws {
        let server = try Self.server.get()
        try server.script([.json(200, "{}"), .reset, .json(200, "{}")])
        let client = try client(server)
        // The first call leaves a kept-alive connection, which the second reuses and loses.
        _ = try await client.callJSON("ListUsers", input: Data(), mutates: false)
        await #expect {
            _ = try await client.callJSON("AdminCreateUser", input: Data(#"{"Username":"ann"}"#.utf8), mutates: true)
        } throws: { error in
            guard case .transport(let failure) = error as? AWSClientError else { return false }
            return failure.kind == .ambiguous
        }
        let requests = try server.requests()
        #expect(requests.count == 2, "the create reached the server once: \(requests.map(\.body))")
        #expect(requests.last?.body == #"{"Username":"ann"}"#)
    }

    @Test("a read on a kept-alive connection that breaks is sent again")
    func brokenReusedConnectionResentForRead() async throws {
        let server = try Self.server.get()
        try server.script([.json(200, "{}"), .reset, .json(200, "{}")])
        let client = try client(server)
        _ = try await client.callJSON("ListUsers", input: Data(), mutates: false)
        _ = try await client.callJSON("ListUsers", input: Data(#"{"Limit":1}"#.utf8), mutates: false)
        #expect(try server.requests().count == 3)
    }

    @Test("a reply slower than the timeout fails as a timeout after the attempts")
    func slowReplyTimesOut() async throws {
        let server = try Self.server.get()
        try server.script([.slow(3), .slow(3)])
        await #expect {
            _ = try await client(server, totalTimeout: .milliseconds(400), attempts: 2)
                .callJSON("ListUsers", input: Data(), mutates: false)
        } throws: { error in
            guard case .transport(let failure) = error as? AWSClientError else { return false }
            return failure.kind == .ambiguous && failure.detail.lowercased().contains("timed out")
        }
        #expect(try server.requests().count == 2)
    }

    @Test("an HTML 502 from a proxy is retried, then reported as an unreadable reply")
    func htmlGateway() async throws {
        let server = try Self.server.get()
        let html = FaultServer.Reply(status: 502, headers: ["Content-Type": "text/html"], body: "<html>Bad Gateway</html>")
        try server.script([html, html, html])
        await #expect {
            _ = try await client(server).callJSON("ListUsers", input: Data(), mutates: false)
        } throws: { error in
            guard case .malformedResponse(_, let status, let detail, _) = error as? AWSClientError else { return false }
            return status == 502 && detail.contains("not JSON")
        }
        #expect(try server.requests().count == 3)
    }

    @Test("a success body cut short is an unreadable reply, not a crash")
    func truncatedSuccess() async throws {
        let server = try Self.server.get()
        try server.script([.json(200, #"{"Users":[{"Username":"#)])
        await #expect(throws: AWSClientError.self) {
            _ = try await client(server).callJSON("ListUsers", input: Data(), mutates: false)
        }
    }

    @Test("the read-only guard refuses a mutation before anything is sent")
    func readOnlySendsNothing() async throws {
        let server = try Self.server.get()
        try server.script([.json(200, "{}")])
        await #expect(throws: AWSClientError.readOnly(operation: "AdminDeleteUser")) {
            _ = try await client(server, readOnly: true).callJSON("AdminDeleteUser", input: Data(), mutates: true)
        }
        #expect(try server.requests().isEmpty)
        _ = try await client(server, readOnly: true).callJSON("ListUsers", input: Data(), mutates: false)
        #expect(try server.requests().count == 1)
    }

    @Test("cancelling the task aborts a transfer in flight")
    func cancellationAborts() async throws {
        let server = try Self.server.get()
        try server.script([.slow(8)])
        let c = try client(server)
        let started = Date()
        let task = Task { try await c.callJSON("ListUsers", input: Data(), mutates: false) }
        // Wait until the request has reached the server, then cancel.
        while try server.requests().isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(Date().timeIntervalSince(started) < 6, "the transfer should stop well before the 8 s reply")
    }

    @Test("an endpoint nobody listens on is a clear could-not-connect error")
    func unreachable() async throws {
        let c = AWSClient(service: .cognitoIdentityProvider, region: "us-east-1",
                          endpoint: Endpoint(scheme: "http", host: "127.0.0.1", port: 9),
                          credentials: FixedCredentials(Self.keys), transport: CurlTransport(),
                          retry: RetryStrategy(configuration: RetryConfiguration(), random: { 0 }),
                          context: RuntimeContext(environment: [:], sleep: { _ in }))
        await #expect {
            _ = try await c.callJSON("ListUsers", input: Data(), mutates: false)
        } throws: { error in
            guard case .transport(let failure) = error as? AWSClientError else { return false }
            return failure.kind == .couldNotConnect && failure.description.hasPrefix("Could not connect to http://127.0.0.1:9")
        }
    }
}
