@testable import CognitoAPI
import Foundation
import Testing

/// The generated page fields against the operation tables: each writes and reads exactly the
/// members the operation's `pagination` names, with the model's page-size range.
@Suite("Page fields of every paginated operation", .timeLimit(.minutes(5)))
struct PageFieldsTests {
    static let paginated = CognitoService.allCases.flatMap(\.operations).filter { $0.pagination != nil }

    @Test("every paginated operation has page fields, and no other operation has")
    func everyOperation() {
        #expect(Paging.all.count == Self.paginated.count)
        #expect(Set(Paging.all.map(\.operation)) == Set(Self.paginated))
    }

    @Test("the token and the page size go into the members the metadata names", arguments: Paging.all.map(Probe.init))
    func request(probe: Probe) throws {
        let written = try probe.request(token: "token-7", limit: 7)
        let pagination = try #require(probe.operation.pagination)
        #expect(written[pagination.inputToken] == .string("token-7"))
        if let limitKey = pagination.limitKey {
            #expect(written[limitKey] == .integer(7))
        }
        let expected = probe.requiredMembers.union([pagination.inputToken]).union(pagination.limitKey.map { [$0] } ?? [])
        #expect(Set(written.keys) == expected, "nothing but the token and the page size is added")
        #expect(try probe.request(token: nil, limit: nil)[pagination.inputToken] == nil)
    }

    @Test("the next token and the items come from the members the metadata names", arguments: Paging.all.map(Probe.init))
    func reply(probe: Probe) throws {
        let (next, itemCount) = try probe.reply(token: "next-3", itemCount: 2)
        #expect(next == "next-3")
        #expect(itemCount == 2)
    }

    @Test("the page-size range is the model's range for the limit member", arguments: Paging.all.map(Probe.init))
    func limitRange(probe: Probe) throws {
        let pagination = try #require(probe.operation.pagination)
        guard let limitKey = pagination.limitKey else {
            #expect(probe.limitRange == nil)
            return
        }
        let schema = probe.operation.service.schema
        let member = try #require(schema.shape(probe.operation.input).members.first { $0.name == limitKey })
        let shape = schema.shape(member.shape)
        let range = try #require(probe.limitRange)
        #expect(Double(range.lowerBound) == shape.min)
        #expect(Double(range.upperBound) == shape.max)
    }

    @Test("a page size above the model's maximum is lowered to it: ListResourceServers takes at most 50")
    func clampsToMaximum() {
        let input = CognitoIdentityProvider.ListResourceServersRequest(userPoolId: "us-east-1_abc", maxResults: 10)
        #expect(Paging.listResourceServers.request(input, token: nil, limit: 60).maxResults == 50)
        #expect(Paging.listUsers.request(.init(userPoolId: "us-east-1_abc"), token: nil, limit: 60).limit == 60)
    }

    @Test("a page size below the model's minimum is raised to it; one inside the range is kept")
    func clampsToMinimum() {
        let input = CognitoIdentityProvider.ListResourceServersRequest(userPoolId: "us-east-1_abc", maxResults: 10)
        #expect(Paging.listResourceServers.request(input, token: nil, limit: 0).maxResults == 1)
        #expect(Paging.listResourceServers.request(input, token: nil, limit: 25).maxResults == 25)
    }

    @Test("no page size keeps the input's own, and a nil token clears the input's")
    func keepsInputLimit() {
        let input = CognitoIdentityProvider.ListGroupsRequest(userPoolId: "us-east-1_abc", limit: 12, nextToken: "old")
        let request = Paging.listGroups.request(input, token: nil)
        #expect(request.limit == 12)
        #expect(request.nextToken == nil)
    }

    @Test("page fetches one page with the token and the size, and hands back the reply's token as is")
    func onePage() async throws {
        let sent = SentRequests<CognitoIdentityProvider.ListUsersRequest>()
        let (users, next) = try await Paging.listUsers.page(.init(userPoolId: "us-east-1_abc"), token: "t1", limit: 60) {
            sent.append($0)
            // A repeated token is still handed back: the caller's pager owns the stop rule.
            return .init(users: [.init(username: "a"), .init(username: "b")], paginationToken: "t1")
        }
        #expect(users.map(\.username) == ["a", "b"])
        #expect(next == "t1")
        #expect(sent.all.map(\.paginationToken) == ["t1"])
        #expect(sent.all.map(\.limit) == [60])
    }

    @Test("pages from page fields follow an empty page with a token and stop on a repeated one")
    func pagesFollowTheTrail() async throws {
        let replies: [CognitoIdentityProvider.ListUsersResponse] = [
            .init(users: [], paginationToken: "t1"),
            .init(users: [.init(username: "a")], paginationToken: "t2"),
            .init(users: [.init(username: "b")], paginationToken: "t1"),
            .init(users: [.init(username: "never")]),
        ]
        let sent = SentRequests<CognitoIdentityProvider.ListUsersRequest>()
        var names: [String?] = []
        for try await user in Paging.listUsers.everyItem(.init(userPoolId: "us-east-1_abc"), fetch: {
            sent.append($0)
            return replies[sent.all.count - 1]
        }) {
            names.append(user.username)
        }
        #expect(names == ["a", "b"])
        #expect(sent.all.map(\.paginationToken) == [nil, "t1", "t2"])
    }
}

/// The requests a scripted fetch was given, in order.
final class SentRequests<Input: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [Input] = []

    func append(_ input: Input) { lock.withLock { requests.append(input) } }
    var all: [Input] { lock.withLock { requests } }
}
