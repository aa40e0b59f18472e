import AWSCore
import CognitoAPI
import CognitoAdmin
import Foundation
import Testing

/// Verification of tokens signed by a key the test owns, served as a pool's key set by a local
/// server; the clock is injected, so expiry is exact.
@Suite("Token verification with a key the test owns", .timeLimit(.minutes(5)))
struct TokenVerifierTests {
    let issuer: TestTokenIssuer
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws { issuer = try TestTokenIssuer() }

    func verifier(at time: Date? = nil) -> TokenVerifier {
        let clock = time ?? now
        return TokenVerifier(keys: JWKSCache(source: JWKSEndpoint(endpoint: issuer.endpoint, transport: CurlTransport())),
                             now: { clock })
    }

    var expected: TokenExpectations { TokenExpectations(userPoolId: TestTokenIssuer.pool, clientId: TestTokenIssuer.client) }

    func failed(_ result: TokenVerification) -> [TokenCheck.Kind] { result.failed.map(\.kind) }

    @Test("an ID token and an access token that are right pass every check")
    func validTokensPass() async throws {
        for use in TokenUse.allCases {
            let token = try JSONWebToken(compact: try await issuer.sign(TestTokenIssuer.claims(use, now: now)))
            let result = await verifier().verify(token, expecting: expected)
            #expect(result.checks.map(\.outcome) == [.passed, .passed, .passed, .passed, .passed], "\(result.checks)")
        }
    }

    @Test("one changed byte in the claims fails the signature and nothing else")
    func changedByteFailsSignature() async throws {
        let text = try await issuer.sign(TestTokenIssuer.claims(.id, now: now))
        let parts = text.split(separator: ".").map(String.init)
        var claims = Array(try #require(Base64URL.decode(parts[1])))
        // The byte changed is the first letter of the username's value, which no check but the
        // signature reads (the claims' key order varies from run to run, so a fixed letter would not do).
        let name = Array("\"ann\"".utf8)
        let at = try #require((0...(claims.count - name.count)).first { Array(claims[$0..<($0 + name.count)]) == name })
        claims[at + 1] = UInt8(ascii: "b")
        let tampered = [parts[0], Base64URL.encode(claims), parts[2]].joined(separator: ".")
        let result = await verifier().verify(try JSONWebToken(compact: tampered), expecting: expected)
        #expect(failed(result) == [.signature])
    }

    @Test("a token for another app client fails the audience check")
    func wrongAudience() async throws {
        for use in TokenUse.allCases {
            let claims = TestTokenIssuer.claims(use, now: now, client: "someotherclient00000000001")
            let result = await verifier().verify(try JSONWebToken(compact: try await issuer.sign(claims)), expecting: expected)
            #expect(failed(result) == [.audience])
        }
    }

    @Test("a token_use other than the one expected, or not id or access, fails the token_use check")
    func wrongTokenUse() async throws {
        let access = try JSONWebToken(compact: try await issuer.sign(TestTokenIssuer.claims(.access, now: now)))
        var wantID = expected
        wantID.tokenUse = .id
        #expect(failed(await verifier().verify(access, expecting: wantID)) == [.tokenUse])

        var claims = TestTokenIssuer.claims(.id, now: now)
        claims["token_use"] = .string("refresh")
        let odd = try JSONWebToken(compact: try await issuer.sign(claims))
        #expect(failed(await verifier().verify(odd, expecting: expected)) == [.tokenUse])
    }

    @Test("a token is expired from its exp on, and the leeway moves that")
    func expired() async throws {
        let token = try JSONWebToken(compact: try await issuer.sign(TestTokenIssuer.claims(.id, now: now)))
        let exp = now.addingTimeInterval(3600)
        #expect(failed(await verifier(at: exp.addingTimeInterval(-1)).verify(token, expecting: expected)) == [])
        #expect(failed(await verifier(at: exp).verify(token, expecting: expected)) == [.expiry])
        var lenient = expected
        lenient.leeway = 60
        #expect(failed(await verifier(at: exp).verify(token, expecting: lenient)) == [])
    }

    @Test("a token from another pool fails the issuer check")
    func wrongIssuer() async throws {
        var claims = TestTokenIssuer.claims(.id, now: now)
        claims["iss"] = .string(TokenVerifier.issuer(userPoolId: "us-east-1_SomeOther1"))
        let result = await verifier().verify(try JSONWebToken(compact: try await issuer.sign(claims)), expecting: expected)
        #expect(failed(result) == [.issuer])
    }

    @Test("a new kid makes the cache fetch the key set once more; a kid still unknown then fails without more fetches")
    func unknownKidRefetchesOnce() async throws {
        let verifier = verifier()
        let first = try JSONWebToken(compact: try await issuer.sign(TestTokenIssuer.claims(.id, now: now)))
        #expect(await verifier.verify(first, expecting: expected).passed)
        #expect(await verifier.verify(first, expecting: expected).passed)
        #expect(try await issuer.fetches() == 1)

        try await issuer.rotate()
        let second = try JSONWebToken(compact: try await issuer.sign(TestTokenIssuer.claims(.id, now: now)))
        #expect(await verifier.verify(second, expecting: expected).passed)
        #expect(try await issuer.fetches() == 2)

        let stranger = try JSONWebToken(compact: try await issuer.sign(TestTokenIssuer.claims(.id, now: now), kid: "nobody"))
        #expect(failed(await verifier.verify(stranger, expecting: expected)) == [.signature])
        #expect(try await issuer.fetches() == 3)
    }

    @Test("text that is not a JWT is refused naming the part, without quoting it")
    func malformed() throws {
        #expect(throws: TokenDecodingError.segments(2)) { try JSONWebToken(compact: "abc.def") }
        #expect(throws: TokenDecodingError.notJSONObject(part: "header")) { try JSONWebToken(compact: "YWJj.e30.c2ln") }
        #expect(throws: TokenDecodingError.notBase64URL(part: "claims")) { try JSONWebToken(compact: "e30.*.c2ln") }
    }
}
