import AWSCore
import CognitoAPI
import Foundation
import Testing

/// Paginators against scripted replies: when they stop and what they send.
@Suite("Paginators", .timeLimit(.minutes(5)))
struct PaginatorTests {
    func client(_ replies: [String]) -> (CognitoIdentityProviderClient, RecordingTransport) {
        let transport = RecordingTransport(replies: replies.map(RecordingTransport.json))
        return (CognitoIdentityProviderClient(Offline.awsClient(.cognitoIdentityProvider, transport: transport)), transport)
    }

    func tokensSent(_ transport: RecordingTransport, member: String) throws -> [String?] {
        try transport.requests.map { request in
            let body = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
            return body[member] as? String
        }
    }

    @Test("pages are followed until the token is absent, sending each token once")
    func followsTokens() async throws {
        let (idp, transport) = client([
            #"{"Groups":[{"GroupName":"a"}],"NextToken":"t1"}"#,
            #"{"Groups":[{"GroupName":"b"}],"NextToken":"t2"}"#,
            #"{"Groups":[{"GroupName":"c"}]}"#,
        ])
        var names: [String] = []
        for try await group in idp.listGroupsItems(.init(userPoolId: "us-east-1_abc")) {
            names.append(group.groupName ?? "")
        }
        #expect(names == ["a", "b", "c"])
        #expect(try tokensSent(transport, member: "NextToken") == [nil, "t1", "t2"])
    }

    @Test("an empty page that carries a token is not the end")
    func emptyPagesWithToken() async throws {
        let (idp, _) = client([
            #"{"Users":[],"PaginationToken":"t1"}"#,
            #"{"Users":[],"PaginationToken":"t2"}"#,
            #"{"Users":[{"Username":"z"}]}"#,
        ])
        var users: [String] = []
        for try await user in idp.listUsersItems(.init(userPoolId: "us-east-1_abc")) {
            users.append(user.username ?? "")
        }
        #expect(users == ["z"])
    }

    @Test("a token the service already gave ends the listing instead of looping")
    func repeatedToken() async throws {
        let (idp, transport) = client([
            #"{"Groups":[{"GroupName":"a"}],"NextToken":"same"}"#,
            #"{"Groups":[{"GroupName":"b"}],"NextToken":"same"}"#,
            #"{"Groups":[{"GroupName":"never"}]}"#,
        ])
        var pages = 0
        for try await _ in idp.listGroupsPages(.init(userPoolId: "us-east-1_abc")) { pages += 1 }
        #expect(pages == 2)
        #expect(transport.requests.count == 2)
    }

    @Test("an empty token ends the listing")
    func emptyToken() async throws {
        let (idp, transport) = client([#"{"Groups":[],"NextToken":""}"#, #"{"Groups":[]}"#])
        var pages = 0
        for try await _ in idp.listGroupsPages(.init(userPoolId: "us-east-1_abc")) { pages += 1 }
        #expect(pages == 1)
        #expect(transport.requests.count == 1)
    }

    @Test("a token in the input resumes the listing there and counts as already seen")
    func resume() async throws {
        let (idp, transport) = client([#"{"Groups":[{"GroupName":"x"}],"NextToken":"start"}"#])
        var pages = 0
        for try await _ in idp.listGroupsPages(.init(userPoolId: "us-east-1_abc", nextToken: "start")) { pages += 1 }
        #expect(pages == 1)
        #expect(try tokensSent(transport, member: "NextToken") == ["start"])
    }

    @Test("nothing is fetched until the sequence is iterated")
    func lazy() {
        let (idp, transport) = client([])
        _ = idp.listUsersPages(.init(userPoolId: "us-east-1_abc"))
        #expect(transport.requests.isEmpty)
    }

    @Test("ListIdentities pages by NextToken although the paginator file omits it")
    func listIdentities() async throws {
        let transport = RecordingTransport(replies: [
            RecordingTransport.json(#"{"IdentityPoolId":"p","Identities":[{"IdentityId":"1"}],"NextToken":"n"}"#),
            RecordingTransport.json(#"{"IdentityPoolId":"p","Identities":[{"IdentityId":"2"}]}"#),
        ])
        let identity = CognitoIdentityClient(Offline.awsClient(.cognitoIdentity, transport: transport))
        var ids: [String] = []
        let input = CognitoIdentity.ListIdentitiesInput(identityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000", maxResults: 60)
        for try await item in identity.listIdentitiesItems(input) { ids.append(item.identityId ?? "") }
        #expect(ids == ["1", "2"])
    }
}
