import AWSCore
import CognitoAPI
import Foundation
import Testing

/// User pools and what hangs off them, through the typed client against the emulator. Every test
/// makes its own pool.
@Suite("Cognito user pools against the emulator", .timeLimit(.minutes(5)))
struct UserPoolEmulatorTests {
    @Test("a user pool is created, described, updated, listed, given attributes and MFA, and deleted")
    func poolLifecycle() async throws {
        let idp = try Emulator.identityProvider()
        let name = Emulator.unique("lifecycle")
        let created = try await idp.createUserPool(.init(
            poolName: name, policies: .init(passwordPolicy: .init(minimumLength: 10)), mfaConfiguration: .off))
        let poolId = try #require(created.userPool?.id)
        #expect(created.userPool?.name == name)
        #expect(created.userPool?.policies?.passwordPolicy?.minimumLength == 10)

        // UpdateUserPool resets what it is not given, so the policy goes along with the new tags.
        _ = try await idp.updateUserPool(.init(userPoolId: poolId, policies: created.userPool?.policies,
                                               userPoolTags: ["team": "ops"]))
        let described = try #require(try await idp.describeUserPool(.init(userPoolId: poolId)).userPool)
        #expect(described.userPoolTags == ["team": "ops"])
        #expect(described.policies?.passwordPolicy?.minimumLength == 10)

        var found = 0
        for try await pool in idp.listUserPoolsItems(.init(maxResults: 60)) where pool.id == poolId { found += 1 }
        #expect(found == 1)

        _ = try await idp.addCustomAttributes(.init(userPoolId: poolId, customAttributes: [
            .init(name: "team", attributeDataType: .string, mutable: true),
        ]))
        let attributes = try await idp.describeUserPool(.init(userPoolId: poolId)).userPool?.schemaAttributes ?? []
        #expect(attributes.contains { $0.name == "custom:team" })

        _ = try await idp.setUserPoolMfaConfig(.init(
            userPoolId: poolId, softwareTokenMfaConfiguration: .init(enabled: true), mfaConfiguration: .optional))
        let mfa = try await idp.getUserPoolMfaConfig(.init(userPoolId: poolId))
        #expect(mfa.mfaConfiguration == .optional)
        #expect(mfa.softwareTokenMfaConfiguration?.enabled == true)

        try await idp.deleteUserPool(.init(userPoolId: poolId))
        await #expect {
            _ = try await idp.describeUserPool(.init(userPoolId: poolId))
        } throws: { error in
            (error as? AWSServiceError)?.is(.resourceNotFoundException) == true
        }
    }

    @Test("app clients are created, described, updated, paged and deleted")
    func appClients() async throws {
        let idp = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(idp)
        var ids: [String] = []
        for index in 0..<3 {
            let client = try await idp.createUserPoolClient(.init(
                userPoolId: poolId, clientName: "client\(index)", generateSecret: index == 0,
                explicitAuthFlows: [.allowAdminUserPasswordAuth, .allowRefreshTokenAuth]))
            ids.append(try #require(client.userPoolClient?.clientId))
        }
        let first = try #require(try await idp.describeUserPoolClient(.init(userPoolId: poolId, clientId: ids[0])).userPoolClient)
        #expect(first.clientSecret?.isEmpty == false)
        #expect(first.explicitAuthFlows == [.allowAdminUserPasswordAuth, .allowRefreshTokenAuth])

        let updated = try await idp.updateUserPoolClient(.init(userPoolId: poolId, clientId: ids[1], clientName: "renamed"))
        #expect(updated.userPoolClient?.clientName == "renamed")

        var listed: [String] = []
        for try await client in idp.listUserPoolClientsItems(.init(userPoolId: poolId, maxResults: 1)) {
            listed.append(client.clientId ?? "")
        }
        #expect(listed.sorted() == ids.sorted())

        try await idp.deleteUserPoolClient(.init(userPoolId: poolId, clientId: ids[2]))
        let remaining = try await idp.listUserPoolClients(.init(userPoolId: poolId, maxResults: 60)).userPoolClients ?? []
        #expect(Set(remaining.compactMap(\.clientId)) == Set(ids.prefix(2)))
    }

    @Test("a domain is created, described, updated and deleted")
    func domains() async throws {
        let idp = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(idp)
        let domain = Emulator.unique("login")
        _ = try await idp.createUserPoolDomain(.init(domain: domain, userPoolId: poolId))
        let described = try await idp.describeUserPoolDomain(.init(domain: domain))
        #expect(described.domainDescription?.userPoolId == poolId)
        #expect(described.domainDescription?.domain == domain)

        _ = try await idp.updateUserPoolDomain(.init(domain: domain, userPoolId: poolId, managedLoginVersion: 2))
        _ = try await idp.deleteUserPoolDomain(.init(domain: domain, userPoolId: poolId))
        let after = try await idp.describeUserPoolDomain(.init(domain: domain))
        #expect(after.domainDescription?.userPoolId == nil)
    }

    @Test("identity providers are created, described, updated, paged and deleted")
    func identityProviders() async throws {
        let idp = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(idp)
        let details = ["client_id": "abc", "client_secret": "shh", "authorize_scopes": "openid email",
                       "oidc_issuer": "https://issuer.example.com", "attributes_request_method": "GET"]
        for name in ["OktaA", "OktaB", "OktaC"] {
            let created = try await idp.createIdentityProvider(.init(
                userPoolId: poolId, providerName: name, providerType: .oidc, providerDetails: details,
                attributeMapping: ["email": "email"]))
            #expect(created.identityProvider.providerName == name)
        }
        let described = try await idp.describeIdentityProvider(.init(userPoolId: poolId, providerName: "OktaA"))
        #expect(described.identityProvider.providerType == .oidc)
        #expect(described.identityProvider.attributeMapping == ["email": "email"])

        let updated = try await idp.updateIdentityProvider(.init(
            userPoolId: poolId, providerName: "OktaA", attributeMapping: ["email": "mail"]))
        #expect(updated.identityProvider.attributeMapping?["email"] == "mail")

        var names: [String] = []
        for try await provider in idp.listIdentityProvidersItems(.init(userPoolId: poolId, maxResults: 2)) {
            names.append(provider.providerName ?? "")
        }
        #expect(names.sorted() == ["OktaA", "OktaB", "OktaC"])

        try await idp.deleteIdentityProvider(.init(userPoolId: poolId, providerName: "OktaB"))
        let left = try await idp.listIdentityProviders(.init(userPoolId: poolId, maxResults: 60)).providers
        #expect(Set(left.compactMap(\.providerName)) == ["OktaA", "OktaC"])
    }

    @Test("resource servers are created, described and paged")
    func resourceServers() async throws {
        let idp = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(idp)
        for index in 0..<3 {
            let created = try await idp.createResourceServer(.init(
                userPoolId: poolId, identifier: "https://api\(index).example.com", name: "api\(index)",
                scopes: [.init(scopeName: "read", scopeDescription: "Read access")]))
            #expect(created.resourceServer.identifier == "https://api\(index).example.com")
        }
        let described = try await idp.describeResourceServer(.init(userPoolId: poolId, identifier: "https://api1.example.com"))
        #expect(described.resourceServer.scopes == [.init(scopeName: "read", scopeDescription: "Read access")])

        var identifiers: [String] = []
        for try await server in idp.listResourceServersItems(.init(userPoolId: poolId, maxResults: 2)) {
            identifiers.append(server.identifier ?? "")
        }
        #expect(identifiers.sorted() == (0..<3).map { "https://api\($0).example.com" })
    }
}
