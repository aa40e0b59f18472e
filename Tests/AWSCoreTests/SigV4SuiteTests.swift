import Foundation
import Testing
@testable import AWSCore

/// One case of the AWS Signature Version 4 test suite (Fixtures/sigv4, Apache-2.0, see its
/// LICENSE and NOTICE).
struct SigV4Case: CustomTestStringConvertible, Sendable {
    let name: String
    let directory: URL

    var testDescription: String { name }

    static func all() -> [SigV4Case] {
        guard let root = Bundle.module.url(forResource: "Fixtures/sigv4/v4", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: root.path)
        else { return [] }
        return names.sorted().map { SigV4Case(name: $0, directory: root.appendingPathComponent($0)) }
    }

    func text(_ file: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
    }

    struct Context: Decodable {
        struct Keys: Decodable {
            let access_key_id: String
            let secret_access_key: String
            let token: String?
        }
        let credentials: Keys
        let expiration_in_seconds: Int
        let normalize: Bool
        let region: String
        let service: String
        let sign_body: Bool
        let timestamp: String
        let omit_session_token: Bool?
    }

    func context() throws -> Context {
        try JSONDecoder().decode(Context.self, from: Data(try text("context.json").utf8))
    }

    func signer() throws -> (SigV4Signer, Date) {
        let ctx = try context()
        var signer = SigV4Signer(
            credentials: Credentials(accessKeyId: ctx.credentials.access_key_id,
                                     secretAccessKey: ctx.credentials.secret_access_key,
                                     sessionToken: ctx.credentials.token),
            region: ctx.region, service: ctx.service)
        signer.normalizePath = ctx.normalize
        signer.signBodyHeader = ctx.sign_body
        signer.omitSessionTokenFromSignature = ctx.omit_session_token ?? false
        let date = try #require(ISO8601DateFormatter().date(from: ctx.timestamp))
        return (signer, date)
    }

    func request() throws -> HTTPRequest {
        try RawHTTPMessage(try text("request.txt")).request()
    }
}

/// An HTTP/1.1 request as the suite writes it: request line, headers (continuation lines start
/// with white space), a blank line, the body.
struct RawHTTPMessage {
    var method = ""
    var target = ""
    var headers: [(String, String)] = []
    var body = ""

    init(_ text: String) throws {
        let (head, body) = text.splitOnce("\n\n")
        self.body = body ?? ""
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst()
        let methodEnd = try #require(requestLine.firstIndex(of: " "))
        let versionStart = try #require(requestLine.range(of: " HTTP/", options: .backwards))
        method = String(requestLine[..<methodEnd])
        target = String(requestLine[requestLine.index(after: methodEnd)..<versionStart.lowerBound])
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].1 += "\n" + line
            } else {
                let (name, value) = line.splitOnce(":")
                headers.append((name, value ?? ""))
            }
        }
    }

    func request() throws -> HTTPRequest {
        let host = try #require(headers.first { $0.0.lowercased() == "host" }?.1)
        let (path, query) = target.splitOnce("?")
        return HTTPRequest(method: method, endpoint: Endpoint(host: host), path: path, query: query ?? "",
                           headers: HTTPHeaders(headers), body: Data(body.utf8))
    }

    /// Headers as a sorted list of `name:value` with lower-case names, so that two messages
    /// compare regardless of field order.
    var normalizedHeaders: [String] {
        headers.map { $0.0.lowercased() + ":" + $0.1 }.sorted()
    }
}

extension String {
    func splitOnce(_ separator: String) -> (String, String?) {
        guard let range = range(of: separator) else { return (self, nil) }
        return (String(self[..<range.lowerBound]), String(self[range.upperBound...]))
    }
}

@Suite("Signature Version 4 test suite", .timeLimit(.minutes(5)))
struct SigV4SuiteTests {
    @Test("the suite ships all 38 cases")
    func suiteIsComplete() {
        #expect(SigV4Case.all().count == 38)
    }

    @Test("header signing matches canonical request, string to sign, signature and signed request",
          arguments: SigV4Case.all())
    func headerSigning(_ testCase: SigV4Case) throws {
        let (signer, date) = try testCase.signer()
        let result = signer.signHeaders(try testCase.request(), date: date)
        #expect(result.canonicalRequest == (try testCase.text("header-canonical-request.txt")))
        #expect(result.stringToSign == (try testCase.text("header-string-to-sign.txt")))
        #expect(result.signature == (try testCase.text("header-signature.txt")))
        let expected = try RawHTTPMessage(try testCase.text("header-signed-request.txt"))
        let signedHeaders = result.request.headers.map { ($0.name, $0.value) }
        #expect(signedHeaders.map { $0.0.lowercased() + ":" + $0.1 }.sorted() == expected.normalizedHeaders)
        #expect(result.request.method == expected.method)
    }

    @Test("query presigning matches canonical request, string to sign, signature and signed request",
          arguments: SigV4Case.all())
    func queryPresigning(_ testCase: SigV4Case) throws {
        let (signer, date) = try testCase.signer()
        let ctx = try testCase.context()
        let result = signer.presign(try testCase.request(), date: date, expires: ctx.expiration_in_seconds)
        #expect(result.canonicalRequest == (try testCase.text("query-canonical-request.txt")))
        #expect(result.stringToSign == (try testCase.text("query-string-to-sign.txt")))
        #expect(result.signature == (try testCase.text("query-signature.txt")))
        let expected = try RawHTTPMessage(try testCase.text("query-signed-request.txt"))
        let (path, query) = expected.target.splitOnce("?")
        #expect(result.request.path == path)
        #expect(result.request.query == query)
    }
}
