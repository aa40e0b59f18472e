import AWSCore
import CognitoAPI
import CognitoAdmin
import ConsoleTestSupport
import Foundation
import TestSupport
import Testing

/// The emulator's own tokens, checked against the key set it serves at
/// `<endpoint>/<pool id>/.well-known/jwks.json`.
@Suite("Token verification against the emulator", .timeLimit(.minutes(5)))
struct TokenEmulatorTests {
    let backend: ClientBackend
    init() throws { backend = try EmulatorBackend.make() }

    @Test("an ID token and an access token the emulator issued pass every check")
    func emulatorTokensPass() async throws {
        let pool = try #require(try await backend.createUserPool(.init(poolName: EmulatorBackend.unique("tok"))).userPool?.id)
        let client = try #require(try await backend.createUserPoolClient(.init(
            userPoolId: pool, clientName: "cli", explicitAuthFlows: [.allowAdminUserPasswordAuth])).userPoolClient?.clientId)
        _ = try await backend.adminCreateUser(.init(userPoolId: pool, username: "ann", messageAction: .suppress))
        _ = try await backend.adminSetUserPassword(.init(userPoolId: pool, username: "ann", password: "Corr3ct-horse!", permanent: true))
        let result = try #require(try await backend.adminInitiateAuth(.init(
            userPoolId: pool, clientId: client, authFlow: .adminUserPasswordAuth,
            authParameters: ["USERNAME": "ann", "PASSWORD": "Corr3ct-horse!"])).authenticationResult)

        let verifier = TokenVerifier(
            keys: JWKSCache(source: JWKSEndpoint(endpoint: Endpoint(url: try TestEmulator.url()), transport: CurlTransport())),
            now: Date.init)
        for (text, use) in [(result.idToken, TokenUse.id), (result.accessToken, .access)] {
            let token = try JSONWebToken(compact: try #require(text))
            #expect(token.tokenUse == use)
            let verification = await verifier.verify(token, expecting: TokenExpectations(userPoolId: pool, clientId: client))
            #expect(verification.checks.allSatisfy { $0.outcome == .passed }, "\(verification.checks)")
            #expect(TokenSummary(token).clientId == client)
        }
    }
}
