@testable import AWSCore
import CognitoAPI
import ConsoleModel
import ConsoleTestSupport
import Foundation
import Testing

/// `o`: the selected resource's page in the AWS console, shown and copied.
@MainActor
@Suite("o: the AWS console's page of the selection", .timeLimit(.minutes(5)))
struct ConsoleLinkTests {
    typealias IDP = CognitoIdentityProvider

    static func requests(_ model: ConsoleViewModel) -> () -> [FrontEndRequest] {
        final class Box { var requests: [FrontEndRequest] = [] }
        let box = Box()
        model.onRequest = { box.requests.append($0) }
        return { box.requests }
    }

    @Test("on a user whose name has a plus and a space, o copies the user's page with the name percent-encoded and shows it")
    func userNameIsEncoded() async throws {
        let backend = FakeBackend.withUsers(0)
        backend.users["us-east-1_A"] = [IDP.UserType(username: "ann smith+test", enabled: true, userStatus: .confirmed)]
        let model = ActionTests.model(backend, start: .userPool(id: "us-east-1_A", name: "pool-a"))
        model.handle(.key(.character("2")))
        await model.settle()
        let sent = Self.requests(model)
        model.handle(.key(.character("o")))
        let url = "https://us-east-1.console.aws.amazon.com/cognito/v2/idp/user-pools/us-east-1_A/user-management/users/details/ann%20smith%2Btest?region=us-east-1"
        #expect(sent() == [.copyToClipboard(url)])
        #expect(model.screen.overlay == .note(title: "AWS console: user ann smith+test", lines: [url]))
        #expect(model.screen.message == StatusMessage(.info, "Copied the AWS console's page of user ann smith+test to the clipboard."))
        model.handle(.key(.character("x")))
        #expect(model.screen.overlay == nil, "any key closes it")
    }

    @Test("on the user pools, o links the selected pool in the session's region")
    func userPool() async throws {
        let model = ActionTests.model(.withUsers(1), start: .userPools)
        await model.settle()
        let sent = Self.requests(model)
        model.handle(.key(.character("o")))
        #expect(sent() == [.copyToClipboard("https://us-east-1.console.aws.amazon.com/cognito/v2/idp/user-pools/us-east-1_A?region=us-east-1")])
    }

    @Test("on an identity pool, o links its page with the colon of its id encoded")
    func identityPool() async throws {
        let backend = FakeBackend.withUsers(0)
        backend.identityPools = Showcase.identityPools
        let model = ActionTests.model(backend, start: .identityPools)
        await model.settle()
        let sent = Self.requests(model)
        model.handle(.key(.character("o")))
        let id = Showcase.identityPoolID.replacingOccurrences(of: ":", with: "%3A")
        #expect(sent() == [.copyToClipboard("https://us-east-1.console.aws.amazon.com/cognito/v2/identity/identity-pools/\(id)/?region=us-east-1")])
    }

    @Test("on a pool's Domain tab, o links the pool's domain page")
    func domainTab() async throws {
        let model = ActionTests.model(.withUsers(1), start: .userPool(id: "us-east-1_A", name: "pool-a"))
        let domain = try #require(ResourceRegistry.tabs(of: .userPool).firstIndex { $0.title == "Domain" })
        model.handle(.key(.character(Character(String(domain + 1)))))
        await model.settle()
        let sent = Self.requests(model)
        model.handle(.key(.character("o")))
        #expect(sent() == [.copyToClipboard("https://us-east-1.console.aws.amazon.com/cognito/v2/idp/user-pools/us-east-1_A/branding/domain?region=us-east-1")])
    }

    @Test("on a device, which the console has no page for, o says so and copies nothing")
    func noPage() async throws {
        let backend = FakeBackend.withUsers(2)
        backend.devices["user001"] = [IDP.DeviceType(deviceKey: "us-east-1_dev1")]
        let model = ActionTests.model(backend, start: .user(poolID: "us-east-1_A", username: "user001"))
        model.handle(.key(.character("3")))
        await model.settle()
        let sent = Self.requests(model)
        model.handle(.key(.character("o")))
        #expect(sent().isEmpty)
        #expect(model.screen.overlay == nil)
        #expect(model.screen.message == StatusMessage(.warning, "AWS console URL: the AWS console has no page for a device."))
    }

    @Test("on an identity, which the console has no page for either, o says so")
    func noPageForIdentity() async throws {
        let backend = FakeBackend.withUsers(0)
        backend.identityPools = Showcase.identityPools
        backend.identities[Showcase.identityPoolID] = [CognitoIdentity.IdentityDescription(identityId: "eu-west-1:11111111-2222-4333-8444-555555555555")]
        let model = ActionTests.model(backend, start: .identityPool(id: Showcase.identityPoolID, name: Showcase.identityPoolName))
        let tab = try #require(ResourceRegistry.tabs(of: .identityPool).firstIndex { $0.title == "Identities" })
        model.handle(.key(.character(Character(String(tab + 1)))))
        await model.settle()
        let sent = Self.requests(model)
        model.handle(.key(.character("o")))
        #expect(sent().isEmpty)
        #expect(model.screen.message == StatusMessage(.warning, "AWS console URL: the AWS console has no page for an identity."))
    }

    @Test("every console page names only ids its kind's path has, and a resource below a pool names the pool")
    func templatesFitTheirKinds() throws {
        let placeholder = try Regex(#"\{([0-9]+)\}"#)
        for descriptor in ResourceRegistry.descriptors {
            guard let page = descriptor.consolePage else { continue }
            let named = page.template.matches(of: placeholder).compactMap { Int(page.template[$0.range].dropFirst().dropLast()) }
            #expect(named.contains(0), "\(descriptor.kind) does not name its pool: \(page.template)")
            #expect(named.allSatisfy { $0 < descriptor.depth }, "\(descriptor.kind) names an id it does not have: \(page.template)")
        }
    }

    @Test("the console's address follows the region's partition")
    func partitions() {
        let ref = ResourceRef(.userPool, ["cn-north-1_A"])
        let page = ConsolePage("idp/user-pools/{0}")
        #expect(page.url(ref, region: "cn-north-1") == "https://console.amazonaws.cn/cognito/v2/idp/user-pools/cn-north-1_A?region=cn-north-1")
        #expect(page.url(ref, region: "us-gov-west-1").hasPrefix("https://console.amazonaws-us-gov.com/cognito/v2/"))
        #expect(page.url(ref, region: "eu-west-1").hasPrefix("https://eu-west-1.console.aws.amazon.com/cognito/v2/"))
    }
}
