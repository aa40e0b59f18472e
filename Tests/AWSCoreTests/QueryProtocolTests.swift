import Foundation
import Testing
@testable import AWSCore

@Suite("AWS query protocol replies", .timeLimit(.minutes(5)))
struct QueryProtocolTests {
    @Test("an error reply whose XML has an element name that is not UTF-8 is an unreadable reply, not a crash")
    func invalidUTF8ElementName() throws {
        // Found by the error-decoder fuzzer: Foundation's XMLParser crashed on it.
        let body = try #require(Data(base64Encoded: "PGh0/////////////////////////////////////21sPjxib2R5fmw+PGJvZDAvYm9keT48L2h0ZgA8aHRtbD48NWY8aHRtbD48Ym9kMC9ib2R5PjwvaHRmADxodG1sPjxib2R5PjUwMiBCYWQgR2F0ZXdheTwvYm9kbWw+eT48L2h0bWw+"))
        let error = QueryProtocol.decodeError(HTTPResponse(status: 502, body: body), operation: "AssumeRole")
        #expect(!(error is AWSServiceError), "no service error can be read from it: \(error)")
        #expect(XMLTree.parse(body) == nil)
    }

    @Test("a well-formed STS error still reads its code and message")
    func wellFormed() throws {
        let body = Data("""
            <ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code>\
            <Message>The security token included in the request is expired</Message></Error>\
            <RequestId>r-1</RequestId></ErrorResponse>
            """.utf8)
        let error = try #require(QueryProtocol.decodeError(HTTPResponse(status: 400, body: body), operation: "AssumeRole") as? AWSServiceError)
        #expect(error.code == "ExpiredToken")
        #expect(error.requestId == "r-1")
    }
}
