import AWSCore
import CognitoAPI
import ConsoleModel
import ConsoleTestSupport
import Foundation

/// The token inspector's and the credentials view's scenes: a made-up ID token of the showcase
/// pool and made-up credentials, at a fixed time, with a key set that has none of the token's keys
/// (so the signature check fails the same way every time).
enum TokenScenes {
    /// 2026-05-01 12:00:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_777_636_800)
    static let clock: @Sendable () -> Date = { now }

    struct NoKeys: JWKSFetching {
        func keySet(userPoolId: String) async throws -> JSONWebKeySet { JSONWebKeySet(keys: [:]) }
    }

    static let services = TokenServices(
        keys: JWKSCache(source: NoKeys()),
        credentials: { region in CognitoClientConfiguration(region: region, endpoint: Endpoint(url: "http://127.0.0.1:9"),
                                                            context: RuntimeContext(environment: [:], now: clock)) },
        now: clock)

    static func segment(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static let idToken: String = {
        let at = Int(now.timeIntervalSince1970)
        let header = segment(["alg": "RS256", "kid": "showcase-key-1", "typ": "JWT"])
        let claims = segment([
            "sub": "7d1c2e3f-0a1b-4c5d-8e9f-a0b1c2d3e4f5", "iss": "https://cognito-idp.eu-west-1.amazonaws.com/\(Showcase.poolID)",
            "aud": "5showcaseclient0000000000", "token_use": "id", "cognito:username": "ann.lee",
            "cognito:groups": ["admins", "ops"], "cognito:roles": ["arn:aws:iam::123456789012:role/showcase-admin"],
            "cognito:preferred_role": "arn:aws:iam::123456789012:role/showcase-admin", "email": "ann.lee@example.com",
            "iat": at - 180, "auth_time": at - 180, "exp": at + 2520,
        ])
        return "\(header).\(claims).c2hvd2Nhc2Utc2lnbmF0dXJl"
    }()

    static let inspector = PaneKind.tokens(TokenSet(origin: TokenOrigin(
        userPoolId: Showcase.poolID, clientId: "5showcaseclient0000000000", clientName: "web", username: "ann.lee",
        flow: "USER_SRP_AUTH"), idToken: idToken, refreshToken: "opaque-refresh-token-of-the-showcase"))

    static let credentials: PaneKind = {
        var state = CredentialsState(
            ticket: 1, identityPoolId: "eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789",
            identityId: "eu-west-1:11112222-3333-4444-5555-666677778888",
            how: "the enhanced flow (GetCredentialsForIdentity), for a guest",
            credentials: Credentials(accessKeyId: "ASIASHOWCASEEXAMPLE0", secretAccessKey: "showcase/secret/access/key/000000000000",
                                     sessionToken: "showcase-session-token", expiration: now.addingTimeInterval(3_540)))
        state.callerArn = "arn:aws:sts::123456789012:assumed-role/showcase-guest/CognitoIdentityCredentials"
        return .credentials(state)
    }()
}
