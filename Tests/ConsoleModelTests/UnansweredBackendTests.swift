import CognitoAPI
import ConsoleTestSupport
import Testing

/// The test fakes' base: an operation nobody answers fails the test and throws, naming the
/// operation; a subclass answers what it overrides.
@Suite("Unanswered backend", .timeLimit(.minutes(5)))
struct UnansweredBackendTests {
    /// A fake that answers GetGroup only.
    final class GroupsOnly: UnansweredBackend, @unchecked Sendable {
        override func getGroup(_ input: CognitoIdentityProvider.GetGroupRequest) async throws
            -> CognitoIdentityProvider.GetGroupResponse {
            CognitoIdentityProvider.GetGroupResponse(
                group: CognitoIdentityProvider.GroupType(groupName: input.groupName, userPoolId: input.userPoolId))
        }
    }

    /// Runs `body`, expecting exactly the issue the hook records for `operation`; returns what
    /// `body` threw.
    func unanswered(_ operation: String, _ body: () async throws -> Void) async -> (any Error)? {
        var thrown: (any Error)?
        await withKnownIssue {
            do { try await body() } catch { thrown = error }
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("no answer for") && $0.rawValue.contains(" \(operation);") }
        }
        return thrown
    }

    @Test("an operation the fake does not answer records an issue and throws UnansweredCall naming it")
    func unansweredOperation() async {
        let backend = UnansweredBackend()
        let error = await unanswered("ListUsers") {
            _ = try await backend.listUsers(CognitoIdentityProvider.ListUsersRequest(userPoolId: "us-east-1_abc"))
        }
        #expect(error as? UnansweredCall == UnansweredCall(service: .cognitoIdentityProvider, operation: "ListUsers"))
    }

    @Test("an operation without output is unanswered too, rather than silently done")
    func unansweredWithoutOutput() async {
        let backend = UnansweredBackend()
        let error = await unanswered("SetIdentityPoolRoles") {
            try await backend.setIdentityPoolRoles(
                CognitoIdentity.SetIdentityPoolRolesInput(identityPoolId: "us-east-1:0000", roles: [:]))
        }
        #expect(error as? UnansweredCall == UnansweredCall(service: .cognitoIdentity, operation: "SetIdentityPoolRoles"))
    }

    @Test("an operation both services have names the service it was called on")
    func sameNameInBothServices() async {
        let backend = UnansweredBackend()
        let error = await unanswered("TagResource") {
            _ = try await backend.tagResource(
                CognitoIdentity.TagResourceInput(resourceArn: "arn:aws:cognito-identity:us-east-1:1:identitypool/x", tags: [:]))
        }
        #expect(error as? UnansweredCall == UnansweredCall(service: .cognitoIdentity, operation: "TagResource"))
    }

    @Test("a subclass answers the operation it overrides, and only that one")
    func overridden() async throws {
        let backend = GroupsOnly()
        let reply = try await backend.getGroup(
            CognitoIdentityProvider.GetGroupRequest(groupName: "admins", userPoolId: "us-east-1_abc"))
        #expect(reply.group?.groupName == "admins")
        let error = await unanswered("ListGroups") {
            _ = try await backend.listGroups(CognitoIdentityProvider.ListGroupsRequest(userPoolId: "us-east-1_abc"))
        }
        #expect(error as? UnansweredCall == UnansweredCall(service: .cognitoIdentityProvider, operation: "ListGroups"))
    }

    @Test("calls through the JSON entry point reach the same methods")
    func throughJSON() async {
        let backend = GroupsOnly()
        let group = try? await backend.call(CognitoIdentityProvider.Operations.getGroup,
                                            json: .object(["GroupName": .string("ops"), "UserPoolId": .string("us-east-1_abc")]))
        #expect(group == .object(["Group": .object(["GroupName": .string("ops"), "UserPoolId": .string("us-east-1_abc")])]))
        let error = await unanswered("DeleteGroup") {
            _ = try await backend.call(CognitoIdentityProvider.Operations.deleteGroup,
                                       json: .object(["GroupName": .string("ops"), "UserPoolId": .string("us-east-1_abc")]))
        }
        #expect(error as? UnansweredCall == UnansweredCall(service: .cognitoIdentityProvider, operation: "DeleteGroup"))
    }
}
