import AWSCore
import CognitoAPI
import ConsoleModel
import Foundation

/// An in-memory `CognitoBackend`: canned resources, pages of `pageSize` with the offset as the
/// token, failures by operation name, and a record of the calls made.
final class FakeBackend: CognitoBackend, @unchecked Sendable {
    typealias IDP = CognitoIdentityProvider
    typealias CI = CognitoIdentity

    let info: BackendInfo
    var pools: [IDP.UserPoolType] = []
    var users: [String: [IDP.UserType]] = [:]
    var groups: [String: [IDP.GroupType]] = [:]
    var members: [String: [IDP.UserType]] = [:]
    var identityPools: [CI.IdentityPool] = []
    var roles: [String: CI.GetIdentityPoolRolesResponse] = [:]
    var identities: [String: [CI.IdentityDescription]] = [:]
    var pageSize = 10
    /// Operations that throw, by name.
    var failures: [String: any Error] = [:]
    private let lock = NSLock()
    private var log: [String] = []

    init(profile: String = "test", region: String = "us-east-1") {
        info = BackendInfo(profile: profile, region: region, endpoint: "http://127.0.0.1:1")
    }

    /// The operations called so far, in order.
    var calls: [String] {
        lock.lock(); defer { lock.unlock() }
        return log
    }

    private func called(_ operation: String) throws {
        lock.lock()
        log.append(operation)
        lock.unlock()
        if let error = failures[operation] { throw error }
    }

    /// One page of `items` from the offset in `token`.
    private func page<T>(_ items: [T], _ token: String?, limit: Int?) -> ([T], String?) {
        let start = token.flatMap(Int.init) ?? 0
        let size = min(limit ?? pageSize, pageSize)
        let end = min(items.count, start + size)
        return (Array(items[min(start, end)..<end]), end < items.count ? String(end) : nil)
    }

    func listUserPools(_ input: IDP.ListUserPoolsRequest) async throws -> IDP.ListUserPoolsResponse {
        try called("ListUserPools")
        let descriptions = pools.map { IDP.UserPoolDescriptionType(id: $0.id, name: $0.name, creationDate: $0.creationDate) }
        let (items, next) = page(descriptions, input.nextToken, limit: input.maxResults)
        return IDP.ListUserPoolsResponse(userPools: items, nextToken: next)
    }
    func describeUserPool(_ input: IDP.DescribeUserPoolRequest) async throws -> IDP.DescribeUserPoolResponse {
        try called("DescribeUserPool")
        guard let pool = pools.first(where: { $0.id == input.userPoolId }) else {
            throw AWSServiceError(code: "ResourceNotFoundException", message: "User pool \(input.userPoolId) does not exist.",
                                  httpStatus: 400, requestId: "req-404", operation: "DescribeUserPool")
        }
        return IDP.DescribeUserPoolResponse(userPool: pool)
    }
    func listUsers(_ input: IDP.ListUsersRequest) async throws -> IDP.ListUsersResponse {
        try called("ListUsers")
        var all = users[input.userPoolId] ?? []
        if let filter = input.filter, let search = try? UserSearch.parse(filter), search.attribute == "username" {
            all = all.filter { user in
                let name = user.username ?? ""
                return search.match == .exact ? name == search.value : name.hasPrefix(search.value)
            }
        }
        let (items, next) = page(all, input.paginationToken, limit: input.limit)
        return IDP.ListUsersResponse(users: items, paginationToken: next)
    }
    func adminGetUser(_ input: IDP.AdminGetUserRequest) async throws -> IDP.AdminGetUserResponse {
        try called("AdminGetUser")
        let user = users[input.userPoolId]?.first { $0.username == input.username }
        return IDP.AdminGetUserResponse(username: input.username, userAttributes: user?.attributes,
                                        enabled: user?.enabled, userStatus: user?.userStatus)
    }
    func adminListGroupsForUser(_ input: IDP.AdminListGroupsForUserRequest) async throws -> IDP.AdminListGroupsForUserResponse {
        try called("AdminListGroupsForUser")
        return IDP.AdminListGroupsForUserResponse(groups: [])
    }
    func adminListDevices(_ input: IDP.AdminListDevicesRequest) async throws -> IDP.AdminListDevicesResponse {
        try called("AdminListDevices")
        return IDP.AdminListDevicesResponse(devices: [])
    }
    func listGroups(_ input: IDP.ListGroupsRequest) async throws -> IDP.ListGroupsResponse {
        try called("ListGroups")
        let (items, next) = page(groups[input.userPoolId] ?? [], input.nextToken, limit: input.limit)
        return IDP.ListGroupsResponse(groups: items, nextToken: next)
    }
    func getGroup(_ input: IDP.GetGroupRequest) async throws -> IDP.GetGroupResponse {
        try called("GetGroup")
        return IDP.GetGroupResponse(group: groups[input.userPoolId]?.first { $0.groupName == input.groupName })
    }
    func listUsersInGroup(_ input: IDP.ListUsersInGroupRequest) async throws -> IDP.ListUsersInGroupResponse {
        try called("ListUsersInGroup")
        let (items, next) = page(members[input.groupName] ?? [], input.nextToken, limit: input.limit)
        return IDP.ListUsersInGroupResponse(users: items, nextToken: next)
    }
    func listUserPoolClients(_ input: IDP.ListUserPoolClientsRequest) async throws -> IDP.ListUserPoolClientsResponse {
        try called("ListUserPoolClients")
        return IDP.ListUserPoolClientsResponse(userPoolClients: [IDP.UserPoolClientDescription(clientId: "client1", userPoolId: input.userPoolId, clientName: "web")])
    }
    func describeUserPoolClient(_ input: IDP.DescribeUserPoolClientRequest) async throws -> IDP.DescribeUserPoolClientResponse {
        try called("DescribeUserPoolClient")
        return IDP.DescribeUserPoolClientResponse(userPoolClient: IDP.UserPoolClientType(
            userPoolId: input.userPoolId, clientName: "web", clientId: input.clientId, clientSecret: "s3cr3t-value"))
    }
    func listIdentityProviders(_ input: IDP.ListIdentityProvidersRequest) async throws -> IDP.ListIdentityProvidersResponse {
        try called("ListIdentityProviders")
        return IDP.ListIdentityProvidersResponse(providers: [])
    }
    func describeIdentityProvider(_ input: IDP.DescribeIdentityProviderRequest) async throws -> IDP.DescribeIdentityProviderResponse {
        try called("DescribeIdentityProvider")
        return IDP.DescribeIdentityProviderResponse(identityProvider: IDP.IdentityProviderType(providerName: input.providerName))
    }
    func describeUserPoolDomain(_ input: IDP.DescribeUserPoolDomainRequest) async throws -> IDP.DescribeUserPoolDomainResponse {
        try called("DescribeUserPoolDomain")
        return IDP.DescribeUserPoolDomainResponse(domainDescription: IDP.DomainDescriptionType(domain: input.domain, status: .active))
    }

    func listIdentityPools(_ input: CI.ListIdentityPoolsInput) async throws -> CI.ListIdentityPoolsResponse {
        try called("ListIdentityPools")
        let short = identityPools.map { CI.IdentityPoolShortDescription(identityPoolId: $0.identityPoolId, identityPoolName: $0.identityPoolName) }
        let (items, next) = page(short, input.nextToken, limit: input.maxResults)
        return CI.ListIdentityPoolsResponse(identityPools: items, nextToken: next)
    }
    func describeIdentityPool(_ input: CI.DescribeIdentityPoolInput) async throws -> CI.IdentityPool {
        try called("DescribeIdentityPool")
        guard let pool = identityPools.first(where: { $0.identityPoolId == input.identityPoolId }) else {
            throw AWSServiceError(code: "ResourceNotFoundException", message: "", httpStatus: 400, requestId: nil, operation: "DescribeIdentityPool")
        }
        return pool
    }
    func getIdentityPoolRoles(_ input: CI.GetIdentityPoolRolesInput) async throws -> CI.GetIdentityPoolRolesResponse {
        try called("GetIdentityPoolRoles")
        return roles[input.identityPoolId] ?? CI.GetIdentityPoolRolesResponse(identityPoolId: input.identityPoolId)
    }
    func getPrincipalTagAttributeMap(_ input: CI.GetPrincipalTagAttributeMapInput) async throws -> CI.GetPrincipalTagAttributeMapResponse {
        try called("GetPrincipalTagAttributeMap")
        return CI.GetPrincipalTagAttributeMapResponse(identityPoolId: input.identityPoolId, identityProviderName: input.identityProviderName,
                                                      useDefaults: false, principalTags: ["team": "custom:team"])
    }
    func listIdentities(_ input: CI.ListIdentitiesInput) async throws -> CI.ListIdentitiesResponse {
        try called(input.hideDisabled == true ? "ListIdentities(hide)" : "ListIdentities")
        let (items, next) = page(identities[input.identityPoolId] ?? [], input.nextToken, limit: input.maxResults)
        return CI.ListIdentitiesResponse(identityPoolId: input.identityPoolId, identities: items, nextToken: next)
    }
    func describeIdentity(_ input: CI.DescribeIdentityInput) async throws -> CI.IdentityDescription {
        try called("DescribeIdentity")
        return CI.IdentityDescription(identityId: input.identityId, logins: ["accounts.google.com"])
    }
}

extension FakeBackend {
    /// A backend with one pool of `userCount` users named `user000`…, the first pool `pool-a`.
    static func withUsers(_ userCount: Int, pageSize: Int = 10) -> FakeBackend {
        let backend = FakeBackend()
        backend.pageSize = pageSize
        backend.pools = [
            IDP.UserPoolType(id: "us-east-1_A", name: "pool-a", mfaConfiguration: .optional, estimatedNumberOfUsers: userCount,
                             domain: "pool-a-login", arn: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_A"),
            IDP.UserPoolType(id: "us-east-1_B", name: "pool-b"),
        ]
        backend.users["us-east-1_A"] = (0..<userCount).map { index in
            IDP.UserType(username: String(format: "user%03d", index),
                         attributes: [.init(name: "email", value: String(format: "u%03d@example.com", index))],
                         enabled: index % 5 != 0, userStatus: .confirmed)
        }
        backend.groups["us-east-1_A"] = [IDP.GroupType(groupName: "admins", userPoolId: "us-east-1_A", description: "Administrators", precedence: 1)]
        return backend
    }
}
