import AWSCore
import CognitoAPI
import ConsoleModel
import Foundation

/// The changes the fake answers, applied to its resources so a test can read them back.
extension FakeBackend {
    public func adminDisableUser(_ input: IDP.AdminDisableUserRequest) async throws -> IDP.AdminDisableUserResponse {
        try setEnabled(false, "AdminDisableUser", input.userPoolId, input.username)
        return IDP.AdminDisableUserResponse()
    }

    public func adminEnableUser(_ input: IDP.AdminEnableUserRequest) async throws -> IDP.AdminEnableUserResponse {
        try setEnabled(true, "AdminEnableUser", input.userPoolId, input.username)
        return IDP.AdminEnableUserResponse()
    }

    public func adminDeleteUser(_ input: IDP.AdminDeleteUserRequest) async throws {
        try record("AdminDeleteUser")
        mutate { $0.users[input.userPoolId]?.removeAll { $0.username == input.username } }
    }

    public func deleteGroup(_ input: IDP.DeleteGroupRequest) async throws {
        try record("DeleteGroup")
        mutate { $0.groups[input.userPoolId]?.removeAll { $0.groupName == input.groupName } }
    }

    public func updateGroup(_ input: IDP.UpdateGroupRequest) async throws -> IDP.UpdateGroupResponse {
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

    public func adminGetDevice(_ input: IDP.AdminGetDeviceRequest) async throws -> IDP.AdminGetDeviceResponse {
        try record("AdminGetDevice")
        let device = devices[input.username]?.first { $0.deviceKey == input.deviceKey } ?? IDP.DeviceType(deviceKey: input.deviceKey)
        return IDP.AdminGetDeviceResponse(device: device)
    }

    public func listResourceServers(_ input: IDP.ListResourceServersRequest) async throws -> IDP.ListResourceServersResponse {
        try record("ListResourceServers")
        let (items, next) = pageOf(resourceServers[input.userPoolId] ?? [], input.nextToken, limit: input.maxResults)
        return IDP.ListResourceServersResponse(resourceServers: items, nextToken: next)
    }

    public func describeResourceServer(_ input: IDP.DescribeResourceServerRequest) async throws -> IDP.DescribeResourceServerResponse {
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
