import Foundation

/// A scripted HTTP server (`scripts/emulator/fault_server.py`): tests queue the replies it gives,
/// including resets, early closes and slow answers, then read back the requests it received.
/// It also stands in for the instance metadata service, the container credentials endpoint and
/// the IAM Identity Center portal.
public final class FaultServer: @unchecked Sendable {
    public let server: LocalServer
    public var url: String { server.url }

    public init() throws {
        server = try LocalServer(script: "fault_server.py")
    }

    /// One scripted reply.
    public struct Reply: Encodable, Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: String
        public var delay: Double
        public var action: String

        public init(status: Int = 200, headers: [String: String] = [:], body: String = "{}",
                    delay: Double = 0, action: String = "reply") {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.action = action
        }

        public static func json(_ status: Int, _ body: String, requestId: String = "req-1") -> Reply {
            Reply(status: status,
                  headers: ["Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": requestId],
                  body: body)
        }
        public static let reset = Reply(action: "reset")
        public static let close = Reply(action: "close")
        public static func slow(_ seconds: Double) -> Reply { Reply(delay: seconds, action: "hang") }
    }

    /// A request the server received.
    public struct Recorded: Decodable, Sendable {
        public var method: String
        public var path: String
        public var query: String
        public var headers: [String: String]
        public var body: String
    }

    /// Replaces the queue of replies (and forgets earlier requests).
    public func script(_ replies: [Reply]) throws {
        struct Body: Encodable { var responses: [Reply] }
        _ = try Self.exchange(method: "POST", url: url + "/__script",
                              body: try JSONEncoder().encode(Body(responses: replies)))
    }

    /// Every request received since the last `script`.
    public func requests() throws -> [Recorded] {
        let data = try Self.exchange(method: "GET", url: url + "/__requests", body: nil)
        return try JSONDecoder().decode([Recorded].self, from: data)
    }

    /// A blocking exchange with the control API, kept apart from the transport under test.
    static func exchange(method: String, url: String, body: Data?) throws -> Data {
        let process = Process()
        process.executableURL = ProjectPython.url
        var args = ["-c", """
            import sys, urllib.request
            data = sys.stdin.buffer.read() if sys.argv[2] == 'POST' else None
            req = urllib.request.Request(sys.argv[1], data=data, method=sys.argv[2])
            sys.stdout.buffer.write(urllib.request.urlopen(req, timeout=10).read())
            """]
        args += [url, method]
        process.arguments = args
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        if let body { input.fileHandleForWriting.write(body) }
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw LocalServerError.didNotStart(script: "control", output: url) }
        return data
    }
}
