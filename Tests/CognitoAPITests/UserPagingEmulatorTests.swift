import AWSCore
import CognitoAPI
import Foundation
import Testing

/// Paginators over long listings against the emulator: every item comes back exactly once.
@Suite("User-pool paginators against the emulator", .timeLimit(.minutes(5)))
struct UserPagingEmulatorTests {
    /// Runs `body` for 0..<count, a few at a time.
    static func concurrently(_ count: Int, width: Int = 6, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<width {
                group.addTask {
                    for index in stride(from: lane, to: count, by: width) { try await body(index) }
                }
            }
            try await group.waitForAll()
        }
    }

    static func name(_ prefix: String, _ index: Int) -> String {
        prefix + String(format: "%03d", index)
    }

    @Test("300 users are listed by ListUsers pages, each exactly once")
    func users() async throws {
        let idp = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(idp)
        try await Self.concurrently(300) { index in
            _ = try await idp.adminCreateUser(.init(userPoolId: poolId, username: Self.name("user", index), messageAction: .suppress))
        }
        var seen: [String] = []
        var pages = 0
        for try await page in idp.listUsersPages(.init(userPoolId: poolId, limit: 60)) {
            pages += 1
            seen += (page.users ?? []).compactMap(\.username)
        }
        #expect(pages >= 5)
        #expect(seen.count == 300)
        #expect(Set(seen) == Set((0..<300).map { Self.name("user", $0) }))

        var items = 0
        for try await _ in idp.listUsersItems(.init(userPoolId: poolId, limit: 17)) { items += 1 }
        #expect(items == 300)
    }

    @Test("300 groups are listed by ListGroups pages, each exactly once")
    func groups() async throws {
        let idp = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(idp)
        try await Self.concurrently(300) { index in
            _ = try await idp.createGroup(.init(groupName: Self.name("group", index), userPoolId: poolId))
        }
        var seen: [String] = []
        for try await group in idp.listGroupsItems(.init(userPoolId: poolId, limit: 60)) {
            seen.append(group.groupName ?? "")
        }
        #expect(seen.count == 300)
        #expect(Set(seen) == Set((0..<300).map { Self.name("group", $0) }))
    }

    @Test("a group's 150 members and a member's 130 groups page each exactly once")
    func membershipPaging() async throws {
        let idp = try Emulator.identityProvider()
        let poolId = try await Emulator.userPool(idp)
        _ = try await idp.createGroup(.init(groupName: "everyone", userPoolId: poolId))
        _ = try await idp.adminCreateUser(.init(userPoolId: poolId, username: "joiner", messageAction: .suppress))
        try await Self.concurrently(150) { index in
            let user = Self.name("member", index)
            _ = try await idp.adminCreateUser(.init(userPoolId: poolId, username: user, messageAction: .suppress))
            try await idp.adminAddUserToGroup(.init(userPoolId: poolId, username: user, groupName: "everyone"))
        }
        try await Self.concurrently(130) { index in
            let group = Self.name("team", index)
            _ = try await idp.createGroup(.init(groupName: group, userPoolId: poolId))
            try await idp.adminAddUserToGroup(.init(userPoolId: poolId, username: "joiner", groupName: group))
        }

        var members: [String] = []
        for try await user in idp.listUsersInGroupItems(.init(userPoolId: poolId, groupName: "everyone", limit: 40)) {
            members.append(user.username ?? "")
        }
        #expect(members.count == 150)
        #expect(Set(members) == Set((0..<150).map { Self.name("member", $0) }))

        var groups: [String] = []
        for try await group in idp.adminListGroupsForUserItems(.init(username: "joiner", userPoolId: poolId, limit: 25)) {
            groups.append(group.groupName ?? "")
        }
        #expect(groups.count == 130)
        #expect(Set(groups) == Set((0..<130).map { Self.name("team", $0) }))
    }
}
