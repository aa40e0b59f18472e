import Foundation
import Testing
import TestSupport
@testable import AWSCore

/// A service whose clock is far from this machine's refuses every signature as expired; the
/// client learns the offset from the refusal's `Date` header, signs again and keeps the offset.
@Suite("Clock skew: signed again with the service's clock", .timeLimit(.minutes(5)))
struct ClockSkewTests {
    static let keys = Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    func client(_ server: StrictServer, clock: ClockOffset = ClockOffset()) -> AWSClient {
        AWSClient(service: .cognitoIdentityProvider, region: "us-east-1", endpoint: Endpoint(url: server.url)!,
                  credentials: FixedCredentials(Self.keys), transport: CurlTransport(),
                  retry: RetryStrategy(configuration: RetryConfiguration(maxAttempts: 1)),
                  context: RuntimeContext(environment: [:]), clock: clock)
    }

    /// `20300101T120000Z` as a date.
    static func signingTime(_ amzDate: String) -> Date? {
        let c = Array(amzDate)
        guard c.count == 16 else { return nil }
        func part(_ range: Range<Int>) -> String { String(c[range]) }
        return ISO8601.parse("\(part(0..<4))-\(part(4..<6))-\(part(6..<8))T\(part(9..<11)):\(part(11..<13)):\(part(13..<15))Z")
    }

    @Test("a server an hour ahead or behind: the call is refused once, signed again at its time and answered",
          arguments: [3600.0, -3600.0])
    func skewedServer(offset: Double) async throws {
        let server = try StrictServer(clockOffset: offset)
        let clock = ClockOffset()
        // One attempt allowed: the second signing is not a retry of the standard mode.
        _ = try await client(server, clock: clock).callJSON("ListUserPools", input: Data("{}".utf8), mutates: false)
        let requests = try server.requests()
        #expect(requests.map(\.status) == [400, 200])
        let resigned = try #require(Self.signingTime(requests[1].amzDate))
        #expect(abs(resigned.timeIntervalSinceNow - offset) < 120)
        #expect(abs(clock.seconds - offset) < 120)
    }

    @Test("the offset is kept: later calls of the client are signed at the service's time from the start")
    func offsetKept() async throws {
        let server = try StrictServer(clockOffset: 3600)
        let client = client(server)
        _ = try await client.callJSON("ListUserPools", input: Data("{}".utf8), mutates: false)
        _ = try await client.callJSON("ListUserPools", input: Data("{}".utf8), mutates: false)
        _ = try await client.callJSON("AdminDisableUser", input: Data("{}".utf8), mutates: true)
        #expect(try server.requests().map(\.status) == [400, 200, 200, 200])
    }

    @Test("a change refused for its time is signed again too: the refusal proves it was not applied")
    func mutationResigned() async throws {
        let server = try StrictServer(clockOffset: -3600)
        _ = try await client(server).callJSON("AdminDisableUser", input: Data("{}".utf8), mutates: true)
        #expect(try server.requests().map(\.status) == [400, 200])
    }

    @Test("the sessions' clients share the offset")
    func sessionShares() async throws {
        let server = try StrictServer(clockOffset: 3600)
        let context = RuntimeContext(environment: ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret",
                                                   "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"])
        let session = try AWSSession(overrides: ConfigOverrides(region: "us-east-1", endpointURL: server.url), context: context)
        _ = try await session.client(.cognitoIdentityProvider).callJSON("ListUserPools", input: Data("{}".utf8), mutates: false)
        _ = try await session.client(.cognitoIdentity).callJSON("ListIdentityPools", input: Data("{}".utf8), mutates: false)
        #expect(try server.requests().map(\.status) == [400, 200, 200])
    }

    @Test("the Date header is read as an IMF-fixdate")
    func httpDate() {
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == Date(timeIntervalSince1970: 784_111_777))
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("Sun, 31 Nov 1994 08:49:37 GMT") == nil)
    }

    @Test("a signature refused for another reason is not signed again, whatever the Date says")
    func otherSignatureErrors() {
        let signedAt = Date(timeIntervalSince1970: 1_900_000_000)
        let later = "Thu, 17 Mar 2030 04:00:00 GMT"
        let mismatch = AWSServiceError(code: "InvalidSignatureException", message: "The request signature we calculated does not match",
                                       httpStatus: 400, requestId: nil, operation: "ListUsers")
        #expect(ClockSkew.correction(for: mismatch, serverDate: later, signedAt: signedAt, now: signedAt) == nil)
        let skewed = AWSServiceError(code: "RequestTimeTooSkewed", message: "", httpStatus: 403, requestId: nil, operation: "ListUsers")
        #expect(ClockSkew.correction(for: skewed, serverDate: nil, signedAt: signedAt, now: signedAt) == nil)
        #expect(ClockSkew.correction(for: skewed, serverDate: later, signedAt: signedAt, now: signedAt) != nil)
    }
}
