import Foundation

/// `scripts/emulator/strict_server.py`: an endpoint that checks what a real service checks before
/// it reads a request — the signing time against its own clock (which may be set off), expired
/// session tokens — answers like the service, and can serve HTTPS with a given certificate.
public final class StrictServer: @unchecked Sendable {
    public let server: LocalServer
    public var url: String { server.url }

    /// - Parameters:
    ///   - clockOffset: seconds the server's clock is ahead of this machine's.
    ///   - expiredTokens: session tokens refused as expired.
    ///   - reply: the body of every accepted request; `{n}` is replaced by its number.
    ///   - tls: a certificate chain and key file to serve HTTPS with.
    public init(clockOffset: Double = 0, expiredTokens: [String] = [], reply: String? = nil,
                tls: (certificate: String, key: String)? = nil) throws {
        var arguments = ["--clock-offset", String(clockOffset)]
        for token in expiredTokens { arguments += ["--expired-token", token] }
        if let reply { arguments += ["--reply", reply] }
        if let tls { arguments += ["--tls", tls.certificate, tls.key] }
        server = try LocalServer(script: "strict_server.py", arguments: arguments)
    }

    /// A request the server received, and how it answered.
    public struct Recorded: Decodable, Sendable {
        public var target: String
        public var amzDate: String
        public var token: String?
        public var status: Int
    }

    /// Every request so far (plain HTTP servers only).
    public func requests() throws -> [Recorded] {
        try JSONDecoder().decode([Recorded].self, from: FaultServer.exchange(method: "GET", url: url + "/__requests", body: nil))
    }
}
