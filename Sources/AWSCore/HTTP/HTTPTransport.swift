import Foundation

/// Sends one HTTP request and returns the response. Implementations never block a thread of
/// Swift's cooperative pool, and a cancelled task aborts its transfer.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// Transport settings: timeouts, trust, proxies and identification.
public struct TransportOptions: Sendable, Equatable {
    /// Time allowed to open a connection (TCP and TLS).
    public var connectTimeout: Duration = .seconds(10)
    /// Time allowed for one whole exchange, connection included.
    public var totalTimeout: Duration = .seconds(60)
    /// A PEM file of certificate authorities to trust instead of the system's (`AWS_CA_BUNDLE`,
    /// `ca_bundle`). Verification itself is never turned off.
    public var caBundlePath: String?
    /// The `User-Agent` header.
    public var userAgent: String = "cognito-tui/\(CognitoTUIVersion.current)"
    /// Proxy settings from `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY` (either case); libcurl reads the
    /// same variables itself, but it reads the process environment, and ours is injected.
    public var proxy: ProxySettings = ProxySettings()

    public init() {}
}

/// Proxies taken from the usual environment variables.
public struct ProxySettings: Sendable, Equatable {
    public var httpsProxy: String?
    public var httpProxy: String?
    public var noProxy: String?

    public init(httpsProxy: String? = nil, httpProxy: String? = nil, noProxy: String? = nil) {
        self.httpsProxy = httpsProxy
        self.httpProxy = httpProxy
        self.noProxy = noProxy
    }

    /// Reads `HTTPS_PROXY`/`https_proxy`, `HTTP_PROXY`/`http_proxy`, `NO_PROXY`/`no_proxy`.
    public init(environment: [String: String]) {
        func pick(_ names: String...) -> String? {
            for name in names { if let v = environment[name], !v.isEmpty { return v } }
            return nil
        }
        self.init(httpsProxy: pick("HTTPS_PROXY", "https_proxy"),
                  httpProxy: pick("HTTP_PROXY", "http_proxy"),
                  noProxy: pick("NO_PROXY", "no_proxy"))
    }

    /// The proxy for a URL scheme, or nil for a direct connection.
    public func proxy(forScheme scheme: String) -> String? {
        scheme == "https" ? httpsProxy : httpProxy
    }
}

/// The version printed by `--version` and sent in the `User-Agent`.
public enum CognitoTUIVersion {
    public static let current = "0.1.0"
}
