import AWSCore
import CognitoAPI

/// Where a backend points, for the header: the profile, the region, a non-AWS endpoint and
/// whether mutating calls are refused.
public struct BackendInfo: Sendable, Equatable {
    public var profile: String
    public var region: String
    /// Shown only when calls do not go to AWS's own endpoint (e.g. the local emulator).
    public var endpoint: String?
    public var readOnly: Bool
    /// A profile marked `protected: true`: every change asks for the resource's name.
    public var protected: Bool

    public init(profile: String, region: String, endpoint: String? = nil, readOnly: Bool = false, protected: Bool = false) {
        self.profile = profile
        self.region = region
        self.endpoint = endpoint
        self.readOnly = readOnly
        self.protected = protected
    }
}

/// Every AWS call the console makes, and nothing else. `ClientBackend` implements it over the
/// generated CognitoAPI clients; reducer and view-model tests implement it in memory, so they
/// need no network. Each method is one call of the named operation with its typed input and
/// output; paging is the caller's business (the view-model pages on demand).
public protocol CognitoBackend: Sendable {
    var info: BackendInfo { get }

    // Cognito Identity Provider (user pools)
    func listUserPools(_ input: CognitoIdentityProvider.ListUserPoolsRequest) async throws -> CognitoIdentityProvider.ListUserPoolsResponse
    func describeUserPool(_ input: CognitoIdentityProvider.DescribeUserPoolRequest) async throws -> CognitoIdentityProvider.DescribeUserPoolResponse
    func listUsers(_ input: CognitoIdentityProvider.ListUsersRequest) async throws -> CognitoIdentityProvider.ListUsersResponse
    func adminGetUser(_ input: CognitoIdentityProvider.AdminGetUserRequest) async throws -> CognitoIdentityProvider.AdminGetUserResponse
    func adminListGroupsForUser(_ input: CognitoIdentityProvider.AdminListGroupsForUserRequest) async throws -> CognitoIdentityProvider.AdminListGroupsForUserResponse
    func adminListDevices(_ input: CognitoIdentityProvider.AdminListDevicesRequest) async throws -> CognitoIdentityProvider.AdminListDevicesResponse
    func listGroups(_ input: CognitoIdentityProvider.ListGroupsRequest) async throws -> CognitoIdentityProvider.ListGroupsResponse
    func getGroup(_ input: CognitoIdentityProvider.GetGroupRequest) async throws -> CognitoIdentityProvider.GetGroupResponse
    func listUsersInGroup(_ input: CognitoIdentityProvider.ListUsersInGroupRequest) async throws -> CognitoIdentityProvider.ListUsersInGroupResponse
    func listUserPoolClients(_ input: CognitoIdentityProvider.ListUserPoolClientsRequest) async throws -> CognitoIdentityProvider.ListUserPoolClientsResponse
    func describeUserPoolClient(_ input: CognitoIdentityProvider.DescribeUserPoolClientRequest) async throws -> CognitoIdentityProvider.DescribeUserPoolClientResponse
    func listIdentityProviders(_ input: CognitoIdentityProvider.ListIdentityProvidersRequest) async throws -> CognitoIdentityProvider.ListIdentityProvidersResponse
    func describeIdentityProvider(_ input: CognitoIdentityProvider.DescribeIdentityProviderRequest) async throws -> CognitoIdentityProvider.DescribeIdentityProviderResponse
    func describeUserPoolDomain(_ input: CognitoIdentityProvider.DescribeUserPoolDomainRequest) async throws -> CognitoIdentityProvider.DescribeUserPoolDomainResponse
    func adminDisableUser(_ input: CognitoIdentityProvider.AdminDisableUserRequest) async throws -> CognitoIdentityProvider.AdminDisableUserResponse
    func adminEnableUser(_ input: CognitoIdentityProvider.AdminEnableUserRequest) async throws -> CognitoIdentityProvider.AdminEnableUserResponse
    func adminDeleteUser(_ input: CognitoIdentityProvider.AdminDeleteUserRequest) async throws
    func deleteGroup(_ input: CognitoIdentityProvider.DeleteGroupRequest) async throws
    func adminGetDevice(_ input: CognitoIdentityProvider.AdminGetDeviceRequest) async throws -> CognitoIdentityProvider.AdminGetDeviceResponse
    func describeResourceServer(_ input: CognitoIdentityProvider.DescribeResourceServerRequest) async throws -> CognitoIdentityProvider.DescribeResourceServerResponse
    func listResourceServers(_ input: CognitoIdentityProvider.ListResourceServersRequest) async throws -> CognitoIdentityProvider.ListResourceServersResponse
    func updateGroup(_ input: CognitoIdentityProvider.UpdateGroupRequest) async throws -> CognitoIdentityProvider.UpdateGroupResponse

    // Cognito Identity (identity pools)
    func listIdentityPools(_ input: CognitoIdentity.ListIdentityPoolsInput) async throws -> CognitoIdentity.ListIdentityPoolsResponse
    func describeIdentityPool(_ input: CognitoIdentity.DescribeIdentityPoolInput) async throws -> CognitoIdentity.IdentityPool
    func getIdentityPoolRoles(_ input: CognitoIdentity.GetIdentityPoolRolesInput) async throws -> CognitoIdentity.GetIdentityPoolRolesResponse
    func getPrincipalTagAttributeMap(_ input: CognitoIdentity.GetPrincipalTagAttributeMapInput) async throws -> CognitoIdentity.GetPrincipalTagAttributeMapResponse
    func listIdentities(_ input: CognitoIdentity.ListIdentitiesInput) async throws -> CognitoIdentity.ListIdentitiesResponse
    func describeIdentity(_ input: CognitoIdentity.DescribeIdentityInput) async throws -> CognitoIdentity.IdentityDescription
}

/// Makes a backend for another profile or region (`p`, `R`, `:profile`, `:region`); the app
/// supplies it because only the app knows how to build sessions. Errors it throws are shown as
/// one sentence and the console stays where it was.
public typealias BackendFactory = @Sendable (_ profile: String, _ region: String?) throws -> any CognitoBackend
