import AWSCore
import CognitoAPI
import Foundation
import Testing

/// Users, groups and sign-in through the typed client against the emulator. Every test makes its
/// own pool.
@Suite("Cognito users and groups against the emulator", .timeLimit(.minutes(5)))
struct UserEmulatorTests {
    typealias IDP = CognitoIdentityProvider

    static func attribute(_ user: IDP.AdminGetUserResponse, _ name: String) -> String? {
        user.userAttributes?.first { $0.name == name }?.value
    }

    @Test("groups are created, read, updated, listed and deleted")
    func groups() async throws {
        let idp = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(idp)
        let created = try await idp.createGroup(.init(groupName: "admins", userPoolId: poolId, description: "Admins", precedence: 1))
        #expect(created.group?.groupName == "admins")
        _ = try await idp.createGroup(.init(groupName: "readers", userPoolId: poolId))

        let updated = try await idp.updateGroup(.init(groupName: "admins", userPoolId: poolId, description: "Operators",
                                                      roleArn: "arn:aws:iam::123456789012:role/ops"))
        #expect(updated.group?.roleArn == "arn:aws:iam::123456789012:role/ops")
        let read = try await idp.getGroup(.init(groupName: "admins", userPoolId: poolId))
        #expect(read.group?.description == "Operators")

        try await idp.deleteGroup(.init(groupName: "readers", userPoolId: poolId))
        let names = try await idp.listGroups(.init(userPoolId: poolId)).groups?.compactMap(\.groupName)
        #expect(names == ["admins"])
    }

    @Test("the admin user lifecycle: create, read, attributes, disable, enable, reset, set password, delete")
    func adminLifecycle() async throws {
        let idp = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(idp)
        let created = try await idp.adminCreateUser(.init(
            userPoolId: poolId, username: "alice",
            userAttributes: [.init(name: "email", value: "alice@example.com"), .init(name: "email_verified", value: "true"),
                             .init(name: "name", value: "Alice"), .init(name: "locale", value: "en")],
            temporaryPassword: "Temp-Passw0rd!", messageAction: .suppress))
        #expect(created.user?.userStatus == .forceChangePassword)

        _ = try await idp.adminUpdateUserAttributes(.init(userPoolId: poolId, username: "alice",
                                                          userAttributes: [.init(name: "name", value: "Alice A.")]))
        _ = try await idp.adminDeleteUserAttributes(.init(userPoolId: poolId, username: "alice", userAttributeNames: ["locale"]))
        var user = try await idp.adminGetUser(.init(userPoolId: poolId, username: "alice"))
        #expect(Self.attribute(user, "name") == "Alice A.")
        #expect(Self.attribute(user, "locale") == nil)

        _ = try await idp.adminDisableUser(.init(userPoolId: poolId, username: "alice"))
        #expect(try await idp.adminGetUser(.init(userPoolId: poolId, username: "alice")).enabled == false)
        _ = try await idp.adminEnableUser(.init(userPoolId: poolId, username: "alice"))
        #expect(try await idp.adminGetUser(.init(userPoolId: poolId, username: "alice")).enabled == true)

        _ = try await idp.adminSetUserPassword(.init(userPoolId: poolId, username: "alice", password: "Perm-Passw0rd!", permanent: true))
        user = try await idp.adminGetUser(.init(userPoolId: poolId, username: "alice"))
        #expect(user.userStatus == .confirmed)
        _ = try await idp.adminResetUserPassword(.init(userPoolId: poolId, username: "alice"))
        #expect(try await idp.adminGetUser(.init(userPoolId: poolId, username: "alice")).userStatus == .resetRequired)

        try await idp.adminDeleteUser(.init(userPoolId: poolId, username: "alice"))
        await #expect {
            _ = try await idp.adminGetUser(.init(userPoolId: poolId, username: "alice"))
        } throws: { error in
            (error as? AWSServiceError)?.is(.userNotFoundException) == true
        }
    }

    @Test("group membership is added, listed both ways and removed")
    func membership() async throws {
        let idp = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(idp)
        _ = try await idp.createGroup(.init(groupName: "ops", userPoolId: poolId))
        _ = try await idp.adminCreateUser(.init(userPoolId: poolId, username: "bob", messageAction: .suppress))
        try await idp.adminAddUserToGroup(.init(userPoolId: poolId, username: "bob", groupName: "ops"))

        let members = try await idp.listUsersInGroup(.init(userPoolId: poolId, groupName: "ops")).users?.compactMap(\.username)
        #expect(members == ["bob"])
        let groups = try await idp.adminListGroupsForUser(.init(username: "bob", userPoolId: poolId)).groups?.compactMap(\.groupName)
        #expect(groups == ["ops"])

        try await idp.adminRemoveUserFromGroup(.init(userPoolId: poolId, username: "bob", groupName: "ops"))
        #expect(try await idp.listUsersInGroup(.init(userPoolId: poolId, groupName: "ops")).users == [])
    }

    @Test("ListUsers filters by attribute")
    func listUsersFilter() async throws {
        let idp = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(idp)
        for name in ["carol", "dave"] {
            _ = try await idp.adminCreateUser(.init(userPoolId: poolId, username: name,
                                                    userAttributes: [.init(name: "email", value: "\(name)@example.com")],
                                                    messageAction: .suppress))
        }
        let found = try await idp.listUsers(.init(userPoolId: poolId, filter: #"email = "dave@example.com""#))
        #expect(found.users?.compactMap(\.username) == ["dave"])
    }

    @Test("AdminInitiateAuth answers a new user with NEW_PASSWORD_REQUIRED, and the response signs in")
    func adminAuth() async throws {
        let idp = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(idp)
        let client = try await idp.createUserPoolClient(.init(userPoolId: poolId, clientName: "admin-app",
                                                              explicitAuthFlows: [.allowAdminUserPasswordAuth]))
        let clientId = try #require(client.userPoolClient?.clientId)
        _ = try await idp.adminCreateUser(.init(userPoolId: poolId, username: "erin", temporaryPassword: "Temp-Passw0rd!",
                                                messageAction: .suppress))

        let challenge = try await idp.adminInitiateAuth(.init(
            userPoolId: poolId, clientId: clientId, authFlow: .adminUserPasswordAuth,
            authParameters: ["USERNAME": "erin", "PASSWORD": "Temp-Passw0rd!"]))
        #expect(challenge.challengeName == .newPasswordRequired)
        let session = try #require(challenge.session)

        let signedIn = try await idp.adminRespondToAuthChallenge(.init(
            userPoolId: poolId, clientId: clientId, challengeName: .newPasswordRequired,
            challengeResponses: ["USERNAME": "erin", "NEW_PASSWORD": "New-Passw0rd!"], session: session))
        #expect(signedIn.authenticationResult?.accessToken?.isEmpty == false)
        #expect(signedIn.authenticationResult?.tokenType == "Bearer")

        _ = try await idp.adminSetUserMFAPreference(.init(softwareTokenMfaSettings: .init(enabled: false, preferredMfa: false),
                                                          username: "erin", userPoolId: poolId))
        _ = try await idp.adminUserGlobalSignOut(.init(userPoolId: poolId, username: "erin"))
    }

    @Test("the unsigned self-service calls: sign up, confirm, sign in, profile, password, MFA, sign out")
    func selfService() async throws {
        let admin = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(admin)
        let client = try await admin.createUserPoolClient(.init(userPoolId: poolId, clientName: "app",
                                                                explicitAuthFlows: [.allowUserPasswordAuth]))
        let clientId = try #require(client.userPoolClient?.clientId)
        let app = CognitoIdentityProviderClient(try Emulator.awsClient(.cognitoIdentityProvider, credentials: nil))

        let signUp = try await app.signUp(.init(clientId: clientId, username: "frank", password: "Frank-Passw0rd!",
                                                userAttributes: [.init(name: "email", value: "frank@example.com")]))
        #expect(!signUp.userConfirmed)
        _ = try await app.confirmSignUp(.init(clientId: clientId, username: "frank", confirmationCode: "123456"))

        let auth = try await app.initiateAuth(.init(authFlow: .userPasswordAuth,
                                                    authParameters: ["USERNAME": "frank", "PASSWORD": "Frank-Passw0rd!"],
                                                    clientId: clientId))
        let token = try #require(auth.authenticationResult?.accessToken)

        let me = try await app.getUser(.init(accessToken: token))
        #expect(me.username == "frank")
        _ = try await app.updateUserAttributes(.init(userAttributes: [.init(name: "name", value: "Frank")], accessToken: token))
        #expect(try await app.getUser(.init(accessToken: token)).userAttributes.contains { $0.name == "name" && $0.value == "Frank" })

        _ = try await app.changePassword(.init(previousPassword: "Frank-Passw0rd!", proposedPassword: "Frank-Passw0rd2!", accessToken: token))

        let secret = try await app.associateSoftwareToken(.init(accessToken: token))
        #expect(secret.secretCode?.isEmpty == false)
        let verified = try await app.verifySoftwareToken(.init(accessToken: token, userCode: "123456"))
        #expect(verified.status == .success)
        _ = try await app.setUserMFAPreference(.init(softwareTokenMfaSettings: .init(enabled: true, preferredMfa: false),
                                                     accessToken: token))

        let forgot = try await app.forgotPassword(.init(clientId: clientId, username: "frank"))
        #expect(forgot.codeDeliveryDetails != nil)
        _ = try await app.confirmForgotPassword(.init(clientId: clientId, username: "frank", confirmationCode: "123456",
                                                      password: "Frank-Passw0rd3!"))
        _ = try await app.globalSignOut(.init(accessToken: token))
        await #expect {
            _ = try await app.getUser(.init(accessToken: token))
        } throws: { error in
            (error as? AWSServiceError)?.is(.notAuthorizedException) == true
        }
    }

    @Test("RespondToAuthChallenge completes a sign-in that needs a new password")
    func respondToChallenge() async throws {
        let admin = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(admin)
        let client = try await admin.createUserPoolClient(.init(userPoolId: poolId, clientName: "app",
                                                                explicitAuthFlows: [.allowUserPasswordAuth]))
        let clientId = try #require(client.userPoolClient?.clientId)
        _ = try await admin.adminCreateUser(.init(userPoolId: poolId, username: "gina", temporaryPassword: "Temp-Passw0rd!",
                                                  messageAction: .suppress))
        let app = CognitoIdentityProviderClient(try Emulator.awsClient(.cognitoIdentityProvider, credentials: nil))
        let challenge = try await app.initiateAuth(.init(authFlow: .userPasswordAuth,
                                                         authParameters: ["USERNAME": "gina", "PASSWORD": "Temp-Passw0rd!"],
                                                         clientId: clientId))
        #expect(challenge.challengeName == .newPasswordRequired)
        let done = try await app.respondToAuthChallenge(.init(
            clientId: clientId, challengeName: .newPasswordRequired, session: challenge.session,
            challengeResponses: ["USERNAME": "gina", "NEW_PASSWORD": "Gina-Passw0rd!"]))
        #expect(done.authenticationResult?.idToken?.isEmpty == false)
    }

    @Test("AdminConfirmSignUp confirms a signed-up user")
    func adminConfirm() async throws {
        let admin = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(admin)
        let clientId = try #require(try await admin.createUserPoolClient(.init(userPoolId: poolId, clientName: "app")).userPoolClient?.clientId)
        _ = try await admin.signUp(.init(clientId: clientId, username: "hank", password: "Hank-Passw0rd!"))
        #expect(try await admin.adminGetUser(.init(userPoolId: poolId, username: "hank")).userStatus == .unconfirmed)
        _ = try await admin.adminConfirmSignUp(.init(userPoolId: poolId, username: "hank"))
        #expect(try await admin.adminGetUser(.init(userPoolId: poolId, username: "hank")).userStatus == .confirmed)
    }
}
