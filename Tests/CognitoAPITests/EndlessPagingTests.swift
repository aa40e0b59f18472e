import AWSCore
import CognitoAPI
import Foundation
import Testing
import TestSupport

/// A service that answers every page empty, each time with a new token, would keep a paginator
/// going forever; it stops after `TokenTrail.emptyPageLimit` of them, with one sentence.
@Suite("Paginators against endless empty pages", .timeLimit(.minutes(5)))
struct EndlessPagingTests {
    @Test("the paginator stops after the limit of empty pages and throws one sentence")
    func paginatorStops() async throws {
        let server = try StrictServer(reply: #"{"UserPools": [], "NextToken": "token-{n}"}"#)
        let client = AWSClient(service: .cognitoIdentityProvider, region: "us-east-1", endpoint: Endpoint(url: server.url)!,
                               credentials: FixedCredentials(Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret")),
                               transport: CurlTransport(), context: RuntimeContext(environment: [:]))
        let idp = CognitoIdentityProviderClient(client)
        let error = await #expect(throws: EndlessEmptyPages.self) {
            for try await _ in idp.listUserPoolsItems(.init(maxResults: 60)) {}
        }
        #expect(error?.description == "The service returned 1000 empty pages in a row, each with a new token, so paging stopped there.")
        #expect(try server.requests().count == TokenTrail.emptyPageLimit)
    }
}
