import Foundation
import Testing
import TestSupport

/// `pools list` against a service that answers every page empty with a new token.
@Suite("Commands against endless empty pages", .timeLimit(.minutes(5)))
struct EndlessPagingCommandTests {
    @Test("pools list stops after the limit with one sentence and the unreadable-reply status")
    func poolsListStops() throws {
        let server = try StrictServer(reply: #"{"UserPools": [], "NextToken": "token-{n}"}"#)
        let home = try TemporaryHome()
        let environment = BinaryRunner.baseEnvironment(home: home.path)
            .merging(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret"]) { $1 }
        let result = try BinaryRunner.run(["pools", "list", "--endpoint-url", server.url, "--region", "us-east-1"],
                                          environment: environment)
        #expect(result.status == 4)
        #expect(result.stderr
                == "cognito-tui: The service returned 1000 empty pages in a row, each with a new token, so paging stopped there.\n")
        #expect(result.stdout.isEmpty)
    }
}
