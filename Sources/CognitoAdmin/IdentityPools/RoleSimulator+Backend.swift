import AWSCore
import CognitoAPI
import Foundation

extension RoleSimulator {
    /// Reads what a simulation needs and simulates: the pool's roles (`GetIdentityPoolRoles`,
    /// unless `roles` gives an unsaved configuration), the pool (`DescribeIdentityPool`, for the
    /// provider's kind), the provider's principal-tag map (`GetPrincipalTagAttributeMap`, under the
    /// provider's name: for a user pool the key without its client) and, for `.user`, the user
    /// and their groups.
    ///
    /// - Parameters:
    ///   - provider: the role-mapping key.
    ///   - roles: a configuration to simulate instead of the saved one.
    /// - Throws: `RoleSimulationError` for claims that are not an object, a token that is not a
    ///   JWT or an unknown user; the reads' errors.
    public static func simulate(_ backend: any CognitoBackend, identityPool: String, provider: String, source: ClaimSource,
                                roles: CognitoIdentity.GetIdentityPoolRolesResponse? = nil,
                                customRoleArn: String? = nil) async throws -> RoleSimulation {
        let claims: JSONValue
        switch source {
        case .user(let userPool, let username):
            claims = try await idTokenClaims(backend, userPool: userPool, username: username,
                                             clientId: ProviderKeys.clientId(inRoleMappingKey: provider))
        case .token(let token):
            claims = try decodeJWT(token)
        case .claims(let given):
            guard case .object = given else { throw RoleSimulationError("The claims must be a JSON object.") }
            claims = given
        }
        let pool = try await backend.describeIdentityPool(.init(identityPoolId: identityPool))
        let saved: CognitoIdentity.GetIdentityPoolRolesResponse
        if let roles { saved = roles } else { saved = try await backend.getIdentityPoolRoles(.init(identityPoolId: identityPool)) }
        let kind = ProviderKind.of(provider, developerProviderName: pool.developerProviderName)
        let tagMap = try await principalTagMap(backend, identityPool: identityPool, name: tagMapName(provider, pool: pool))
        return simulate(roles: saved, provider: provider, claims: claims, tagMap: tagMap, providerType: kind,
                        customRoleArn: customRoleArn)
    }

    /// The principal-tag map's provider name for a role-mapping key: a user pool's key without
    /// its client; an OpenID Connect host as the pool's provider ARN for it, when it has one.
    public static func tagMapName(_ provider: String, pool: CognitoIdentity.IdentityPool) -> String {
        let name = ProviderKeys.tagMapName(forRoleMappingKey: provider)
        if let arn = (pool.openIdConnectProviderARNs ?? []).first(where: { $0.hasSuffix("oidc-provider/\(name)") }) { return arn }
        return name
    }

    /// The provider's principal-tag map, nil when the service has none for it.
    static func principalTagMap(_ backend: any CognitoBackend, identityPool: String,
                                name: String) async throws -> (useDefaults: Bool, tags: [String: String])? {
        do {
            let map = try await backend.getPrincipalTagAttributeMap(.init(identityPoolId: identityPool, identityProviderName: name))
            return (map.useDefaults ?? false, map.principalTags ?? [:])
        } catch let error as AWSServiceError where error.is(.resourceNotFoundException) {
            return nil
        }
    }

    /// The claims Cognito puts in a user's ID token: the user's attributes (`email_verified` and
    /// `phone_number_verified` as booleans), `cognito:username`, `cognito:groups` (best precedence
    /// first), `cognito:roles` (the groups' role ARNs), `cognito:preferred_role` (the role of the
    /// group with the best, lowest, precedence; unset when groups tied at the best precedence have
    /// different roles), `aud` (the app client, when given), `iss` and `token_use`.
    ///
    /// - Throws: `RoleSimulationError` when the pool has no such user; the reads' errors.
    public static func idTokenClaims(_ backend: any CognitoBackend, userPool: String, username: String,
                                     clientId: String?) async throws -> JSONValue {
        guard let user = try await PoolReads.user(backend, pool: userPool, username: username) else {
            throw RoleSimulationError("The user pool \(userPool) has no user \(username).")
        }
        let groups = try await PoolReads.groups(backend, pool: userPool, username: username)
        var claims: [String: JSONValue] = [:]
        for attribute in user.userAttributes ?? [] {
            guard let value = attribute.value else { continue }
            if ["email_verified", "phone_number_verified"].contains(attribute.name), let flag = Bool(value) {
                claims[attribute.name] = .bool(flag)
            } else {
                claims[attribute.name] = .string(value)
            }
        }
        claims["cognito:username"] = .string(user.username)
        let region = userPool.split(separator: "_").first.map(String.init) ?? ""
        claims["iss"] = .string("https://cognito-idp.\(region).amazonaws.com/\(userPool)")
        claims["token_use"] = .string("id")
        if let clientId { claims["aud"] = .string(clientId) }
        let roles = groupRoles(groups.map { (name: $0.groupName ?? "", precedence: $0.precedence, roleArn: $0.roleArn) })
        if !roles.groups.isEmpty { claims["cognito:groups"] = .array(roles.groups.map { .string($0) }) }
        if !roles.roles.isEmpty { claims["cognito:roles"] = .array(roles.roles.map { .string($0) }) }
        if let preferred = roles.preferred { claims["cognito:preferred_role"] = .string(preferred) }
        return .object(claims)
    }

    /// `cognito:groups`, `cognito:roles` and `cognito:preferred_role` from a user's groups: the
    /// groups by precedence (lowest first, unset last, then by name); the preferred role is the
    /// one role of the best-precedence groups that have a role, none when they differ.
    public static func groupRoles(_ groups: [(name: String, precedence: Int?, roleArn: String?)])
        -> (groups: [String], roles: [String], preferred: String?) {
        let sorted = groups.sorted { ($0.precedence ?? Int.max, $0.name) < ($1.precedence ?? Int.max, $1.name) }
        var roles: [String] = []
        for group in sorted { if let role = group.roleArn, !roles.contains(role) { roles.append(role) } }
        let withRoles = sorted.filter { $0.roleArn != nil }
        var preferred: String?
        if let best = withRoles.first {
            let tied = Set(withRoles.filter { ($0.precedence ?? Int.max) == (best.precedence ?? Int.max) }.compactMap(\.roleArn))
            preferred = tied.count == 1 ? tied.first : nil
        }
        return (sorted.map(\.name), roles, preferred)
    }

    /// A JWT's payload, decoded and not verified.
    /// - Throws: `RoleSimulationError` (which never repeats the token) when it is not a JWT whose
    ///   payload is a JSON object.
    public static func decodeJWT(_ token: String) throws -> JSONValue {
        let parts = token.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 5 else {
            throw RoleSimulationError("The token is not a JWT: it has \(parts.count) part\(parts.count == 1 ? "" : "s") separated by dots, not three.")
        }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else {
            throw RoleSimulationError("The token's payload is not base64url.")
        }
        guard let payload = try? JSONValue(json: data), case .object = payload else {
            throw RoleSimulationError("The token's payload is not a JSON object.")
        }
        return payload
    }
}

/// Why a simulation could not start; one sentence.
public struct RoleSimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
