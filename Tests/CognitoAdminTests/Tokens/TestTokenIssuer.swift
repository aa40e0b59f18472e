import AWSCore
import CognitoAPI
import CognitoAdmin
import Foundation
import TestSupport

/// `scripts/emulator/token_issuer.py`: a key pair this test run owns, its public half served as a
/// pool's key set on loopback, and tokens signed with it on request.
final class TestTokenIssuer: Sendable {
    static let pool = "us-east-1_TestIssuer1"
    static let client = "testclient0000000000000001"
    let server: LocalServer
    let endpoint: Endpoint

    init() throws {
        server = try LocalServer(script: "token_issuer.py")
        endpoint = Endpoint(url: server.url)!
    }

    /// Claims of a Cognito ID or access token of the test pool, valid for an hour from `now`.
    static func claims(_ use: TokenUse, now: Date, client: String = client) -> [String: JSONValue] {
        let issued = Int64(now.timeIntervalSince1970)
        var claims: [String: JSONValue] = [
            "iss": .string(TokenVerifier.issuer(userPoolId: pool)), "sub": .string("5f0c1a2b-0000-4000-8000-000000000001"),
            "token_use": .string(use.rawValue), "iat": .integer(issued), "auth_time": .integer(issued),
            "exp": .integer(issued + 3600), "jti": .string(UUID().uuidString),
        ]
        if use == .access { claims["client_id"] = .string(client); claims["username"] = .string("ann") }
        else { claims["aud"] = .string(client); claims["cognito:username"] = .string("ann") }
        return claims
    }

    /// A compact JWS of the claims, signed with the current key (or naming another kid).
    func sign(_ claims: [String: JSONValue], kid: String? = nil) async throws -> String {
        var request: [String: JSONValue] = ["claims": .object(claims)]
        if let kid { request["kid"] = .string(kid) }
        let reply = try await post("/__sign", .object(request))
        guard case .object(let fields) = reply, case .string(let token)? = fields["token"] else {
            throw LocalServerError.didNotStart(script: "token_issuer.py", output: "no token in the reply")
        }
        return token
    }

    /// Replaces the key with a new one under a new kid.
    func rotate() async throws { _ = try await post("/__rotate", .object([:])) }

    /// How often the key set was read.
    func fetches() async throws -> Int64 {
        let response = try await CurlTransport().send(HTTPRequest(method: "GET", endpoint: endpoint, path: "/__stats"))
        guard case .object(let fields) = try JSONValue(json: response.body), case .integer(let n)? = fields["jwks_fetches"]
        else { return -1 }
        return n
    }

    private func post(_ path: String, _ body: JSONValue) async throws -> JSONValue {
        let headers = HTTPHeaders([("Content-Type", "application/json")])
        let response = try await CurlTransport().send(HTTPRequest(
            method: "POST", endpoint: endpoint, path: path, headers: headers, body: try JSONEncoder().encode(body)))
        return try JSONValue(json: response.body)
    }
}
