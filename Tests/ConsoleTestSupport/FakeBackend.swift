import AWSCore
import CognitoAPI
import ConsoleModel
import Foundation

/// An in-memory `CognitoBackend` for view-model and golden tests, over the generated
/// `UnansweredBackend` (an operation it does not override fails the test, naming it): canned resources, pages of
/// `pageSize` with the offset as the token, failures by operation name, and a record of the
/// calls made. Set the resources before handing it to a view-model; it is not meant to be
/// changed while calls are in flight.
public final class FakeBackend: UnansweredBackend, CognitoBackend, @unchecked Sendable {
    public typealias IDP = CognitoIdentityProvider
    public typealias CI = CognitoIdentity

    public var info: BackendInfo
    /// The keys and clock of token checks; nil: tokens are shown unverified.
    public var tokenServices: TokenServices?
    public var pools: [IDP.UserPoolType] = []
    /// Users by pool id.
    public var users: [String: [IDP.UserType]] = [:]
    /// Groups by pool id.
    public var groups: [String: [IDP.GroupType]] = [:]
    /// Members by group name.
    public var members: [String: [IDP.UserType]] = [:]
    /// The groups a user belongs to, by username.
    public var userGroups: [String: [IDP.GroupType]] = [:]
    /// Remembered devices, by username.
    public var devices: [String: [IDP.DeviceType]] = [:]
    /// MFA settings AdminGetUser reports, by username.
    public var mfa: [String: (preferred: String?, methods: [String])] = [:]
    /// App clients by pool id.
    public var clients: [String: [IDP.UserPoolClientType]] = [:]
    /// Identity providers by pool id.
    public var providers: [String: [IDP.IdentityProviderType]] = [:]
    /// Domain descriptions by domain name; a domain not listed is described as ACTIVE.
    public var domains: [String: IDP.DomainDescriptionType] = [:]
    public var identityPools: [CI.IdentityPool] = []
    /// Roles and role mappings by identity pool id.
    public var roles: [String: CI.GetIdentityPoolRolesResponse] = [:]
    /// Identities by identity pool id.
    public var identities: [String: [CI.IdentityDescription]] = [:]
    /// Principal-tag maps by identity provider name; a provider not listed maps `team` to
    /// `custom:team` without the defaults.
    public var principalTags: [String: CI.GetPrincipalTagAttributeMapResponse] = [:]
    /// Sign-in events by username.
    public var authEvents: [String: [IDP.AuthEventType]] = [:]
    /// Resource servers by pool id.
    public var resourceServers: [String: [IDP.ResourceServerType]] = [:]
    public var pageSize = 10
    /// What `rateLimitStatus` reports; nil: calls are not limited.
    public var limitStatus: RateLimitStatus?
    public var rateLimitStatus: RateLimitStatus? { limitStatus }
    /// When its credentials expire (nil: they do not); `credentialsFailure` is thrown instead when set.
    public var credentialsExpire: Date?
    public var credentialsFailure: (any Error)?
    public func credentialExpiration() async throws -> Date? {
        if let credentialsFailure { throw credentialsFailure }
        return credentialsExpire
    }
    /// Operations that throw, by name.
    public var failures: [String: any Error] = [:]
    private let lock = NSLock()
    private var log: [String] = []

    public init(profile: String = "test", region: String = "us-east-1", endpoint: String? = "http://127.0.0.1:1",
                readOnly: Bool = false, protected: Bool = false) {
        info = BackendInfo(profile: profile, region: region, endpoint: endpoint, readOnly: readOnly, protected: protected)
        super.init()
    }

    /// The operations called so far, in order.
    public var calls: [String] {
        lock.lock(); defer { lock.unlock() }
        return log
    }

    private func called(_ operation: String) throws {
        lock.lock()
        log.append(operation)
        lock.unlock()
        if let error = failures[operation] { throw error }
    }

    /// Records a call (and throws its failure, if one is set), for the changes in other files.
    func record(_ operation: String) throws { try called(operation) }

    /// Changes the resources under the lock.
    func mutate(_ change: (FakeBackend) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(self)
    }

    func pageOf<T>(_ items: [T], _ token: String?, limit: Int?) -> ([T], String?) { page(items, token, limit: limit) }

    /// One page of `items` from the offset in `token`.
    private func page<T>(_ items: [T], _ token: String?, limit: Int?) -> ([T], String?) {
        let start = token.flatMap(Int.init) ?? 0
        let size = min(limit ?? pageSize, pageSize)
        let end = min(items.count, start + size)
        return (Array(items[min(start, end)..<end]), end < items.count ? String(end) : nil)
    }

    private static func notFound(_ operation: String, _ message: String) -> AWSServiceError {
        AWSServiceError(code: "ResourceNotFoundException", message: message, httpStatus: 400, requestId: "req-404",
                        operation: operation)
    }

    // MARK: Cognito Identity Provider

    public override func listUserPools(_ input: IDP.ListUserPoolsRequest) async throws -> IDP.ListUserPoolsResponse {
        try called("ListUserPools")
        let descriptions = pools.map { IDP.UserPoolDescriptionType(id: $0.id, name: $0.name, creationDate: $0.creationDate) }
        let (items, next) = page(descriptions, input.nextToken, limit: input.maxResults)
        return IDP.ListUserPoolsResponse(userPools: items, nextToken: next)
    }

    public override func describeUserPool(_ input: IDP.DescribeUserPoolRequest) async throws -> IDP.DescribeUserPoolResponse {
        try called("DescribeUserPool")
        guard let pool = pools.first(where: { $0.id == input.userPoolId }) else {
            throw Self.notFound("DescribeUserPool", "User pool \(input.userPoolId) does not exist.")
        }
        return IDP.DescribeUserPoolResponse(userPool: pool)
    }

    /// Pages the pool's users; a `Filter` is applied as ListUsers would, on the named attribute.
    public override func listUsers(_ input: IDP.ListUsersRequest) async throws -> IDP.ListUsersResponse {
        try called("ListUsers")
        var all = users[input.userPoolId] ?? []
        if let filter = input.filter {
            // ListUsers' filter is one clause of the condition language, but for two names:
            // its `status` is whether the user is enabled, its `cognito:user_status` the status.
            var text = filter
            if text.hasPrefix("status ") {
                text = text.replacingOccurrences(of: "\"Enabled\"", with: "\"true\"").replacingOccurrences(of: "\"Disabled\"", with: "\"false\"")
                text = "enabled" + text.dropFirst("status".count)
            } else if text.hasPrefix("cognito:user_status ") {
                text = "status" + text.dropFirst("cognito:user_status".count)
            }
            let search = try UserCondition.parse(text)
            all = all.filter { search.matches(UserRecord($0)) }
        }
        let (items, next) = page(all, input.paginationToken, limit: input.limit)
        return IDP.ListUsersResponse(users: items, paginationToken: next)
    }

    public override func adminGetUser(_ input: IDP.AdminGetUserRequest) async throws -> IDP.AdminGetUserResponse {
        try called("AdminGetUser")
        let user = users[input.userPoolId]?.first { $0.username == input.username }
        let settings = mfa[input.username]
        return IDP.AdminGetUserResponse(username: input.username, userAttributes: user?.attributes,
                                        userCreateDate: user?.userCreateDate, userLastModifiedDate: user?.userLastModifiedDate,
                                        enabled: user?.enabled, userStatus: user?.userStatus,
                                        preferredMfaSetting: settings?.preferred, userMFASettingList: settings?.methods)
    }

    /// Passwords set with AdminSetUserPassword or AdminCreateUser, by username, and whether permanent.
    public var passwords: [String: (password: String, permanent: Bool)] = [:]

    public override func adminCreateUser(_ input: IDP.AdminCreateUserRequest) async throws -> IDP.AdminCreateUserResponse {
        try called("AdminCreateUser")
        let user = IDP.UserType(username: input.username, attributes: input.userAttributes, enabled: true, userStatus: .forceChangePassword)
        mutate { backend in
            backend.users[input.userPoolId, default: []].append(user)
            if let password = input.temporaryPassword { backend.passwords[input.username] = (password, false) }
        }
        return IDP.AdminCreateUserResponse(user: user)
    }

    public override func adminSetUserPassword(_ input: IDP.AdminSetUserPasswordRequest) async throws -> IDP.AdminSetUserPasswordResponse {
        try called("AdminSetUserPassword")
        mutate { $0.passwords[input.username] = (input.password, input.permanent ?? false) }
        return IDP.AdminSetUserPasswordResponse()
    }

    public override func adminResetUserPassword(_ input: IDP.AdminResetUserPasswordRequest) async throws -> IDP.AdminResetUserPasswordResponse {
        try called("AdminResetUserPassword")
        return IDP.AdminResetUserPasswordResponse()
    }

    public override func adminConfirmSignUp(_ input: IDP.AdminConfirmSignUpRequest) async throws -> IDP.AdminConfirmSignUpResponse {
        try called("AdminConfirmSignUp")
        return IDP.AdminConfirmSignUpResponse()
    }

    public override func adminSetUserMFAPreference(_ input: IDP.AdminSetUserMFAPreferenceRequest) async throws -> IDP.AdminSetUserMFAPreferenceResponse {
        try called("AdminSetUserMFAPreference")
        var methods: [String] = []
        var preferred: String?
        for (name, setting) in [("SMS_MFA", input.smsMfaSettings.map { ($0.enabled, $0.preferredMfa) }),
                                ("SOFTWARE_TOKEN_MFA", input.softwareTokenMfaSettings.map { ($0.enabled, $0.preferredMfa) }),
                                ("EMAIL_OTP", input.emailMfaSettings.map { ($0.enabled, $0.preferredMfa) })] {
            if setting?.0 == true { methods.append(name) }
            if setting?.1 == true { preferred = name }
        }
        mutate { $0.mfa[input.username] = (preferred, methods) }
        return IDP.AdminSetUserMFAPreferenceResponse()
    }

    public override func adminUpdateDeviceStatus(_ input: IDP.AdminUpdateDeviceStatusRequest) async throws -> IDP.AdminUpdateDeviceStatusResponse {
        try called("AdminUpdateDeviceStatus")
        mutate { backend in
            guard let index = backend.devices[input.username]?.firstIndex(where: { $0.deviceKey == input.deviceKey }) else { return }
            var attributes = (backend.devices[input.username]![index].deviceAttributes ?? []).filter { $0.name != "dev:device_remembered_status" }
            attributes.append(.init(name: "dev:device_remembered_status", value: input.deviceRememberedStatus?.rawValue))
            backend.devices[input.username]![index].deviceAttributes = attributes
        }
        return IDP.AdminUpdateDeviceStatusResponse()
    }

    public override func adminForgetDevice(_ input: IDP.AdminForgetDeviceRequest) async throws {
        try called("AdminForgetDevice")
        mutate { $0.devices[input.username]?.removeAll { $0.deviceKey == input.deviceKey } }
    }

    public override func adminUpdateAuthEventFeedback(_ input: IDP.AdminUpdateAuthEventFeedbackRequest) async throws -> IDP.AdminUpdateAuthEventFeedbackResponse {
        try called("AdminUpdateAuthEventFeedback")
        mutate { backend in
            guard let index = backend.authEvents[input.username]?.firstIndex(where: { $0.eventId == input.eventId }) else { return }
            backend.authEvents[input.username]![index].eventFeedback = .init(feedbackValue: input.feedbackValue, provider: "Admin")
        }
        return IDP.AdminUpdateAuthEventFeedbackResponse()
    }

    public override func adminLinkProviderForUser(_ input: IDP.AdminLinkProviderForUserRequest) async throws -> IDP.AdminLinkProviderForUserResponse {
        try called("AdminLinkProviderForUser")
        let link = #"{"providerName":"\#(input.sourceUser.providerName ?? "")","userId":"\#(input.sourceUser.providerAttributeValue ?? "")","providerType":"Google","primary":false}"#
        editIdentities(input.userPoolId, input.destinationUser.providerAttributeValue ?? "") { $0.append(link) }
        return IDP.AdminLinkProviderForUserResponse()
    }

    public override func adminDisableProviderForUser(_ input: IDP.AdminDisableProviderForUserRequest) async throws -> IDP.AdminDisableProviderForUserResponse {
        try called("AdminDisableProviderForUser")
        let needle = #""userId":"\#(input.user.providerAttributeValue ?? "")""#
        for user in users[input.userPoolId] ?? [] {
            editIdentities(input.userPoolId, user.username ?? "") { $0.removeAll { $0.contains(needle) } }
        }
        return IDP.AdminDisableProviderForUserResponse()
    }

    /// Edits a user's `identities` attribute as a list of JSON objects.
    private func editIdentities(_ pool: String, _ username: String, _ change: (inout [String]) -> Void) {
        mutate { backend in
            guard let index = backend.users[pool]?.firstIndex(where: { $0.username == username }) else { return }
            var attributes = backend.users[pool]![index].attributes ?? []
            let current = attributes.first { $0.name == "identities" }?.value ?? "[]"
            var items: [String] = []
            if let data = current.data(using: .utf8), let array = try? JSONSerialization.jsonObject(with: data) as? [Any] {
                items = array.compactMap { (try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } }
            }
            change(&items)
            attributes.removeAll { $0.name == "identities" }
            attributes.append(.init(name: "identities", value: "[" + items.joined(separator: ",") + "]"))
            backend.users[pool]![index].attributes = attributes
        }
    }

    public override func adminUpdateUserAttributes(_ input: IDP.AdminUpdateUserAttributesRequest) async throws -> IDP.AdminUpdateUserAttributesResponse {
        try called("AdminUpdateUserAttributes")
        mutate { backend in
            guard let index = backend.users[input.userPoolId]?.firstIndex(where: { $0.username == input.username }) else { return }
            var attributes = backend.users[input.userPoolId]![index].attributes ?? []
            for attribute in input.userAttributes {
                attributes.removeAll { $0.name == attribute.name }
                attributes.append(attribute)
            }
            backend.users[input.userPoolId]![index].attributes = attributes
        }
        return IDP.AdminUpdateUserAttributesResponse()
    }

    public override func adminDeleteUserAttributes(_ input: IDP.AdminDeleteUserAttributesRequest) async throws -> IDP.AdminDeleteUserAttributesResponse {
        try called("AdminDeleteUserAttributes")
        mutate { backend in
            guard let index = backend.users[input.userPoolId]?.firstIndex(where: { $0.username == input.username }) else { return }
            backend.users[input.userPoolId]![index].attributes?.removeAll { input.userAttributeNames.contains($0.name) }
        }
        return IDP.AdminDeleteUserAttributesResponse()
    }

    public override func adminAddUserToGroup(_ input: IDP.AdminAddUserToGroupRequest) async throws {
        try called("AdminAddUserToGroup")
        mutate { backend in
            guard let group = backend.groups[input.userPoolId]?.first(where: { $0.groupName == input.groupName }) else { return }
            if !(backend.userGroups[input.username] ?? []).contains(where: { $0.groupName == input.groupName }) {
                backend.userGroups[input.username, default: []].append(group)
            }
            if let user = backend.users[input.userPoolId]?.first(where: { $0.username == input.username }),
               !(backend.members[input.groupName] ?? []).contains(where: { $0.username == input.username }) {
                backend.members[input.groupName, default: []].append(user)
            }
        }
    }

    public override func adminRemoveUserFromGroup(_ input: IDP.AdminRemoveUserFromGroupRequest) async throws {
        try called("AdminRemoveUserFromGroup")
        mutate { backend in
            backend.userGroups[input.username]?.removeAll { $0.groupName == input.groupName }
            backend.members[input.groupName]?.removeAll { $0.username == input.username }
        }
    }

    public override func createGroup(_ input: IDP.CreateGroupRequest) async throws -> IDP.CreateGroupResponse {
        try called("CreateGroup")
        let group = IDP.GroupType(groupName: input.groupName, userPoolId: input.userPoolId, description: input.description,
                                  roleArn: input.roleArn, precedence: input.precedence)
        mutate { $0.groups[input.userPoolId, default: []].append(group) }
        return IDP.CreateGroupResponse(group: group)
    }

    public override func adminUserGlobalSignOut(_ input: IDP.AdminUserGlobalSignOutRequest) async throws -> IDP.AdminUserGlobalSignOutResponse {
        try called("AdminUserGlobalSignOut")
        return IDP.AdminUserGlobalSignOutResponse()
    }

    public override func adminListUserAuthEvents(_ input: IDP.AdminListUserAuthEventsRequest) async throws -> IDP.AdminListUserAuthEventsResponse {
        try called("AdminListUserAuthEvents")
        let (items, next) = page(authEvents[input.username] ?? [], input.nextToken, limit: input.maxResults)
        return IDP.AdminListUserAuthEventsResponse(authEvents: items, nextToken: next)
    }

    public override func adminListGroupsForUser(_ input: IDP.AdminListGroupsForUserRequest) async throws -> IDP.AdminListGroupsForUserResponse {
        try called("AdminListGroupsForUser")
        let (items, next) = page(userGroups[input.username] ?? [], input.nextToken, limit: input.limit)
        return IDP.AdminListGroupsForUserResponse(groups: items, nextToken: next)
    }

    public override func adminListDevices(_ input: IDP.AdminListDevicesRequest) async throws -> IDP.AdminListDevicesResponse {
        try called("AdminListDevices")
        let (items, next) = page(devices[input.username] ?? [], input.paginationToken, limit: input.limit)
        return IDP.AdminListDevicesResponse(devices: items, paginationToken: next)
    }

    public override func listGroups(_ input: IDP.ListGroupsRequest) async throws -> IDP.ListGroupsResponse {
        try called("ListGroups")
        let (items, next) = page(groups[input.userPoolId] ?? [], input.nextToken, limit: input.limit)
        return IDP.ListGroupsResponse(groups: items, nextToken: next)
    }

    public override func getGroup(_ input: IDP.GetGroupRequest) async throws -> IDP.GetGroupResponse {
        try called("GetGroup")
        return IDP.GetGroupResponse(group: groups[input.userPoolId]?.first { $0.groupName == input.groupName })
    }

    public override func listUsersInGroup(_ input: IDP.ListUsersInGroupRequest) async throws -> IDP.ListUsersInGroupResponse {
        try called("ListUsersInGroup")
        let (items, next) = page(members[input.groupName] ?? [], input.nextToken, limit: input.limit)
        return IDP.ListUsersInGroupResponse(users: items, nextToken: next)
    }

    public override func listUserPoolClients(_ input: IDP.ListUserPoolClientsRequest) async throws -> IDP.ListUserPoolClientsResponse {
        try called("ListUserPoolClients")
        let descriptions = (clients[input.userPoolId] ?? []).map {
            IDP.UserPoolClientDescription(clientId: $0.clientId, userPoolId: $0.userPoolId, clientName: $0.clientName)
        }
        let (items, next) = page(descriptions, input.nextToken, limit: input.maxResults)
        return IDP.ListUserPoolClientsResponse(userPoolClients: items, nextToken: next)
    }

    public override func describeUserPoolClient(_ input: IDP.DescribeUserPoolClientRequest) async throws -> IDP.DescribeUserPoolClientResponse {
        try called("DescribeUserPoolClient")
        guard let client = clients[input.userPoolId]?.first(where: { $0.clientId == input.clientId }) else {
            throw Self.notFound("DescribeUserPoolClient", "User pool client \(input.clientId) does not exist.")
        }
        return IDP.DescribeUserPoolClientResponse(userPoolClient: client)
    }

    public override func listIdentityProviders(_ input: IDP.ListIdentityProvidersRequest) async throws -> IDP.ListIdentityProvidersResponse {
        try called("ListIdentityProviders")
        let descriptions = (providers[input.userPoolId] ?? []).map {
            IDP.ProviderDescription(providerName: $0.providerName, providerType: $0.providerType,
                                    lastModifiedDate: $0.lastModifiedDate, creationDate: $0.creationDate)
        }
        let (items, next) = page(descriptions, input.nextToken, limit: input.maxResults)
        return IDP.ListIdentityProvidersResponse(providers: items, nextToken: next)
    }

    public override func describeIdentityProvider(_ input: IDP.DescribeIdentityProviderRequest) async throws -> IDP.DescribeIdentityProviderResponse {
        try called("DescribeIdentityProvider")
        let provider = providers[input.userPoolId]?.first { $0.providerName == input.providerName }
        return IDP.DescribeIdentityProviderResponse(identityProvider: provider ?? IDP.IdentityProviderType(providerName: input.providerName))
    }

    public override func describeUserPoolDomain(_ input: IDP.DescribeUserPoolDomainRequest) async throws -> IDP.DescribeUserPoolDomainResponse {
        try called("DescribeUserPoolDomain")
        let domain = domains[input.domain] ?? IDP.DomainDescriptionType(domain: input.domain, status: .active)
        return IDP.DescribeUserPoolDomainResponse(domainDescription: domain)
    }

    // MARK: Cognito Identity

    public override func listIdentityPools(_ input: CI.ListIdentityPoolsInput) async throws -> CI.ListIdentityPoolsResponse {
        try called("ListIdentityPools")
        let short = identityPools.map { CI.IdentityPoolShortDescription(identityPoolId: $0.identityPoolId, identityPoolName: $0.identityPoolName) }
        let (items, next) = page(short, input.nextToken, limit: input.maxResults)
        return CI.ListIdentityPoolsResponse(identityPools: items, nextToken: next)
    }

    public override func describeIdentityPool(_ input: CI.DescribeIdentityPoolInput) async throws -> CI.IdentityPool {
        try called("DescribeIdentityPool")
        guard let pool = identityPools.first(where: { $0.identityPoolId == input.identityPoolId }) else {
            throw AWSServiceError(code: "ResourceNotFoundException", message: "", httpStatus: 400, requestId: nil, operation: "DescribeIdentityPool")
        }
        return pool
    }

    public override func getIdentityPoolRoles(_ input: CI.GetIdentityPoolRolesInput) async throws -> CI.GetIdentityPoolRolesResponse {
        try called("GetIdentityPoolRoles")
        return roles[input.identityPoolId] ?? CI.GetIdentityPoolRolesResponse(identityPoolId: input.identityPoolId)
    }

    public override func getPrincipalTagAttributeMap(_ input: CI.GetPrincipalTagAttributeMapInput) async throws -> CI.GetPrincipalTagAttributeMapResponse {
        try called("GetPrincipalTagAttributeMap")
        return principalTags[input.identityProviderName]
            ?? CI.GetPrincipalTagAttributeMapResponse(identityPoolId: input.identityPoolId, identityProviderName: input.identityProviderName,
                                                      useDefaults: false, principalTags: ["team": "custom:team"])
    }

    /// Pages the pool's identities; `HideDisabled` is recorded in the call's name, not applied.
    public override func listIdentities(_ input: CI.ListIdentitiesInput) async throws -> CI.ListIdentitiesResponse {
        try called(input.hideDisabled == true ? "ListIdentities(hide)" : "ListIdentities")
        let (items, next) = page(identities[input.identityPoolId] ?? [], input.nextToken, limit: input.maxResults)
        return CI.ListIdentitiesResponse(identityPoolId: input.identityPoolId, identities: items, nextToken: next)
    }

    /// The identity as listed in any pool; one not listed has a Google login and no dates.
    public override func describeIdentity(_ input: CI.DescribeIdentityInput) async throws -> CI.IdentityDescription {
        try called("DescribeIdentity")
        let listed = identities.values.lazy.flatMap { $0 }.first { $0.identityId == input.identityId }
        return listed ?? CI.IdentityDescription(identityId: input.identityId, logins: ["accounts.google.com"])
    }

    // MARK: Changes, applied to the resources so a test can read them back

    public override func adminDisableUser(_ input: IDP.AdminDisableUserRequest) async throws -> IDP.AdminDisableUserResponse {
        try setEnabled(false, "AdminDisableUser", input.userPoolId, input.username)
        return IDP.AdminDisableUserResponse()
    }

    public override func adminEnableUser(_ input: IDP.AdminEnableUserRequest) async throws -> IDP.AdminEnableUserResponse {
        try setEnabled(true, "AdminEnableUser", input.userPoolId, input.username)
        return IDP.AdminEnableUserResponse()
    }

    public override func adminDeleteUser(_ input: IDP.AdminDeleteUserRequest) async throws {
        try record("AdminDeleteUser")
        mutate { $0.users[input.userPoolId]?.removeAll { $0.username == input.username } }
    }

    public override func deleteGroup(_ input: IDP.DeleteGroupRequest) async throws {
        try record("DeleteGroup")
        mutate { $0.groups[input.userPoolId]?.removeAll { $0.groupName == input.groupName } }
    }

    public override func updateGroup(_ input: IDP.UpdateGroupRequest) async throws -> IDP.UpdateGroupResponse {
        try record("UpdateGroup")
        var updated: IDP.GroupType?
        mutate { backend in
            guard let index = backend.groups[input.userPoolId]?.firstIndex(where: { $0.groupName == input.groupName }) else { return }
            // As the service does: what is left out is reset.
            backend.groups[input.userPoolId]![index].description = input.description
            backend.groups[input.userPoolId]![index].roleArn = input.roleArn
            backend.groups[input.userPoolId]![index].precedence = input.precedence
            updated = backend.groups[input.userPoolId]![index]
        }
        return IDP.UpdateGroupResponse(group: updated)
    }

    public override func adminGetDevice(_ input: IDP.AdminGetDeviceRequest) async throws -> IDP.AdminGetDeviceResponse {
        try record("AdminGetDevice")
        let device = devices[input.username]?.first { $0.deviceKey == input.deviceKey } ?? IDP.DeviceType(deviceKey: input.deviceKey)
        return IDP.AdminGetDeviceResponse(device: device)
    }

    public override func listResourceServers(_ input: IDP.ListResourceServersRequest) async throws -> IDP.ListResourceServersResponse {
        try record("ListResourceServers")
        let (items, next) = pageOf(resourceServers[input.userPoolId] ?? [], input.nextToken, limit: input.maxResults)
        return IDP.ListResourceServersResponse(resourceServers: items, nextToken: next)
    }

    public override func describeResourceServer(_ input: IDP.DescribeResourceServerRequest) async throws -> IDP.DescribeResourceServerResponse {
        try record("DescribeResourceServer")
        let server = resourceServers[input.userPoolId]?.first { $0.identifier == input.identifier }
            ?? IDP.ResourceServerType(identifier: input.identifier)
        return IDP.DescribeResourceServerResponse(resourceServer: server)
    }

    private func setEnabled(_ enabled: Bool, _ operation: String, _ pool: String, _ username: String) throws {
        try record(operation)
        mutate { backend in
            guard let index = backend.users[pool]?.firstIndex(where: { $0.username == username }) else { return }
            backend.users[pool]![index].enabled = enabled
        }
    }
}
