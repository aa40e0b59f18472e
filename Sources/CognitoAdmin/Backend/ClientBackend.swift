import AWSCore
import CognitoAPI

/// `CognitoBackend` over the generated clients: each method is one typed call, so the client
/// core's read-only guard, signing, retries and call observer all apply.
public struct ClientBackend: CognitoBackend {
    public let info: BackendInfo
    public let identityProvider: CognitoIdentityProviderClient
    public let identity: CognitoIdentityClient

    /// - Parameters:
    ///   - identityProvider: the `cognito-idp` client.
    ///   - identity: the `cognito-identity` client.
    ///   - profile: the profile name shown in the header.
    public init(identityProvider: CognitoIdentityProviderClient, identity: CognitoIdentityClient, profile: String) {
        self.identityProvider = identityProvider
        self.identity = identity
        let client = identityProvider.client
        let url = client.endpoint.description
        let isAWS = client.endpoint.host.hasSuffix(".amazonaws.com") || client.endpoint.host.hasSuffix(".amazonaws.com.cn")
        self.info = BackendInfo(profile: profile, region: client.region, endpoint: isAWS ? nil : url,
                                readOnly: client.readOnly)
    }

    /// Both clients from one session.
    ///
    /// - Throws: `AWSClientError.configuration` when the session has no region or a bad endpoint.
    public init(session: AWSSession) throws {
        self.init(identityProvider: CognitoIdentityProviderClient(try session.client(.cognitoIdentityProvider)),
                  identity: CognitoIdentityClient(try session.client(.cognitoIdentity)),
                  profile: session.config.profileName)
    }

    public func listUserPools(_ input: CognitoIdentityProvider.ListUserPoolsRequest) async throws -> CognitoIdentityProvider.ListUserPoolsResponse {
        try await identityProvider.listUserPools(input)
    }
    public func describeUserPool(_ input: CognitoIdentityProvider.DescribeUserPoolRequest) async throws -> CognitoIdentityProvider.DescribeUserPoolResponse {
        try await identityProvider.describeUserPool(input)
    }
    public func listUsers(_ input: CognitoIdentityProvider.ListUsersRequest) async throws -> CognitoIdentityProvider.ListUsersResponse {
        try await identityProvider.listUsers(input)
    }
    public func adminGetUser(_ input: CognitoIdentityProvider.AdminGetUserRequest) async throws -> CognitoIdentityProvider.AdminGetUserResponse {
        try await identityProvider.adminGetUser(input)
    }
    public func adminListGroupsForUser(_ input: CognitoIdentityProvider.AdminListGroupsForUserRequest) async throws -> CognitoIdentityProvider.AdminListGroupsForUserResponse {
        try await identityProvider.adminListGroupsForUser(input)
    }
    public func adminListDevices(_ input: CognitoIdentityProvider.AdminListDevicesRequest) async throws -> CognitoIdentityProvider.AdminListDevicesResponse {
        try await identityProvider.adminListDevices(input)
    }
    public func listGroups(_ input: CognitoIdentityProvider.ListGroupsRequest) async throws -> CognitoIdentityProvider.ListGroupsResponse {
        try await identityProvider.listGroups(input)
    }
    public func getGroup(_ input: CognitoIdentityProvider.GetGroupRequest) async throws -> CognitoIdentityProvider.GetGroupResponse {
        try await identityProvider.getGroup(input)
    }
    public func listUsersInGroup(_ input: CognitoIdentityProvider.ListUsersInGroupRequest) async throws -> CognitoIdentityProvider.ListUsersInGroupResponse {
        try await identityProvider.listUsersInGroup(input)
    }
    public func listUserPoolClients(_ input: CognitoIdentityProvider.ListUserPoolClientsRequest) async throws -> CognitoIdentityProvider.ListUserPoolClientsResponse {
        try await identityProvider.listUserPoolClients(input)
    }
    public func describeUserPoolClient(_ input: CognitoIdentityProvider.DescribeUserPoolClientRequest) async throws -> CognitoIdentityProvider.DescribeUserPoolClientResponse {
        try await identityProvider.describeUserPoolClient(input)
    }
    public func listIdentityProviders(_ input: CognitoIdentityProvider.ListIdentityProvidersRequest) async throws -> CognitoIdentityProvider.ListIdentityProvidersResponse {
        try await identityProvider.listIdentityProviders(input)
    }
    public func describeIdentityProvider(_ input: CognitoIdentityProvider.DescribeIdentityProviderRequest) async throws -> CognitoIdentityProvider.DescribeIdentityProviderResponse {
        try await identityProvider.describeIdentityProvider(input)
    }
    public func describeUserPoolDomain(_ input: CognitoIdentityProvider.DescribeUserPoolDomainRequest) async throws -> CognitoIdentityProvider.DescribeUserPoolDomainResponse {
        try await identityProvider.describeUserPoolDomain(input)
    }
    public func adminDisableUser(_ input: CognitoIdentityProvider.AdminDisableUserRequest) async throws -> CognitoIdentityProvider.AdminDisableUserResponse {
        try await identityProvider.adminDisableUser(input)
    }
    public func adminEnableUser(_ input: CognitoIdentityProvider.AdminEnableUserRequest) async throws -> CognitoIdentityProvider.AdminEnableUserResponse {
        try await identityProvider.adminEnableUser(input)
    }
    public func adminDeleteUser(_ input: CognitoIdentityProvider.AdminDeleteUserRequest) async throws {
        try await identityProvider.adminDeleteUser(input)
    }
    public func deleteGroup(_ input: CognitoIdentityProvider.DeleteGroupRequest) async throws {
        try await identityProvider.deleteGroup(input)
    }
    public func adminGetDevice(_ input: CognitoIdentityProvider.AdminGetDeviceRequest) async throws -> CognitoIdentityProvider.AdminGetDeviceResponse {
        try await identityProvider.adminGetDevice(input)
    }
    public func describeResourceServer(_ input: CognitoIdentityProvider.DescribeResourceServerRequest) async throws -> CognitoIdentityProvider.DescribeResourceServerResponse {
        try await identityProvider.describeResourceServer(input)
    }
    public func listResourceServers(_ input: CognitoIdentityProvider.ListResourceServersRequest) async throws -> CognitoIdentityProvider.ListResourceServersResponse {
        try await identityProvider.listResourceServers(input)
    }
    public func updateGroup(_ input: CognitoIdentityProvider.UpdateGroupRequest) async throws -> CognitoIdentityProvider.UpdateGroupResponse {
        try await identityProvider.updateGroup(input)
    }

    public func listIdentityPools(_ input: CognitoIdentity.ListIdentityPoolsInput) async throws -> CognitoIdentity.ListIdentityPoolsResponse {
        try await identity.listIdentityPools(input)
    }
    public func describeIdentityPool(_ input: CognitoIdentity.DescribeIdentityPoolInput) async throws -> CognitoIdentity.IdentityPool {
        try await identity.describeIdentityPool(input)
    }
    public func getIdentityPoolRoles(_ input: CognitoIdentity.GetIdentityPoolRolesInput) async throws -> CognitoIdentity.GetIdentityPoolRolesResponse {
        try await identity.getIdentityPoolRoles(input)
    }
    public func getPrincipalTagAttributeMap(_ input: CognitoIdentity.GetPrincipalTagAttributeMapInput) async throws -> CognitoIdentity.GetPrincipalTagAttributeMapResponse {
        try await identity.getPrincipalTagAttributeMap(input)
    }
    public func listIdentities(_ input: CognitoIdentity.ListIdentitiesInput) async throws -> CognitoIdentity.ListIdentitiesResponse {
        try await identity.listIdentities(input)
    }
    public func describeIdentity(_ input: CognitoIdentity.DescribeIdentityInput) async throws -> CognitoIdentity.IdentityDescription {
        try await identity.describeIdentity(input)
    }
}
