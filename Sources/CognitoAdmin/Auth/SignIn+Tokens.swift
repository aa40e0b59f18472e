import CognitoAPI
import Foundation

extension SignIn {
    /// What the app sees of the user with an access token (`GetUser`): username, attributes,
    /// MFA settings. Fails with `NotAuthorizedException` once the token is revoked or expired.
    public func user(accessToken: String) async throws -> CognitoIdentityProvider.GetUserResponse {
        try await backend.getUser(.init(accessToken: accessToken))
    }

    /// Revokes a refresh token of this client (`RevokeToken`, with the client's secret when it
    /// has one): it can no longer refresh, and the access tokens it issued stop working.
    public func revoke(refreshToken: String) async throws {
        _ = try await backend.revokeToken(.init(token: refreshToken, clientId: clientId, clientSecret: clientSecret))
    }
}
