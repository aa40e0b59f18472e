import Foundation

/// One HTTP request as the signer and the transport see it.
///
/// `path` and `query` are kept as given (the path unencoded, the query as written), because the
/// signer must canonicalise exactly what is sent.
public struct HTTPRequest: Sendable {
    public var method: String
    public var endpoint: Endpoint
    /// The path, not percent-encoded (for example `/` or `/example space/`).
    public var path: String
    /// The query string without `?`, as it goes on the wire.
    public var query: String
    public var headers: HTTPHeaders
    public var body: Data
    /// The transport must not send this request a second time by itself, e.g. again on a fresh
    /// connection after a kept-alive one broke without a reply: it may change data, and the
    /// first send may have been applied. Such a failure is reported instead, as ambiguous.
    public var sendAtMostOnce: Bool

    public init(method: String, endpoint: Endpoint, path: String = "/", query: String = "",
                headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(), sendAtMostOnce: Bool = false) {
        self.method = method
        self.endpoint = endpoint
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.sendAtMostOnce = sendAtMostOnce
    }

    /// The URL handed to the transport: the path percent-encoded once, the query as it is.
    public var urlString: String {
        var url = endpoint.baseURL + SigV4Encoding.encodePath(path)
        if !query.isEmpty { url += "?" + query }
        return url
    }
}

/// Where a service is reached: scheme, host, optional port and a path prefix.
public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?

    public init(scheme: String = "https", host: String, port: Int? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// Parses `https://host[:port][/]`; nil when it is not an http(s) URL with a host.
    public init?(url: String) {
        guard let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.path.isEmpty || components.path == "/",
              components.query == nil
        else { return nil }
        self.init(scheme: scheme, host: host, port: components.port)
    }

    /// The value of the `Host` header: the port is included only when it is not the default.
    public var hostHeader: String {
        let bracketed = host.contains(Character(":")) ? "[\(host)]" : host
        guard let port else { return bracketed }
        if (scheme == "https" && port == 443) || (scheme == "http" && port == 80) { return bracketed }
        return "\(bracketed):\(port)"
    }

    public var baseURL: String { "\(scheme)://\(hostHeader)" }

    /// True for addresses on this machine: loopback names and ranges.
    public var isLoopback: Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h == "localhost" || h == "::1" { return true }
        // An IPv4 literal in 127.0.0.0/8, not a name that merely starts with "127.".
        let octets = h.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.first == "127" else { return false }
        return octets.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && UInt8($0) != nil }
    }

    public var description: String { baseURL }
}

/// One HTTP response.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data
    /// How many new connections the exchange opened: 0 when a kept-alive one was reused.
    public var newConnections: Int

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(), newConnections: Int = 1) {
        self.status = status
        self.headers = headers
        self.body = body
        self.newConnections = newConnections
    }
}
