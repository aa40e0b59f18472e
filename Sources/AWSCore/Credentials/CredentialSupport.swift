import Foundation

/// Small pieces the credential providers share: timestamps, JSON and HTTP with a time limit.
enum CredentialSupport {
    /// Parses the ISO 8601 times credential sources write: `2024-05-01T12:00:00Z`, with or without
    /// fractional seconds, with an offset, or with the `UTC` suffix older AWS CLI versions wrote
    /// into the SSO token cache.
    static func parseTimestamp(_ text: String) -> Date? {
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("UTC") { text = String(text.dropLast(3)).trimmingCharacters(in: .whitespaces) + "Z" }
        return ISO8601.parse(text)
    }

    /// The text as a JSON object, or nil.
    static func jsonObject(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// A string field; numbers are not strings.
    static func string(_ object: [String: Any], _ key: String) -> String? {
        guard let value = object[key] as? String, !value.isEmpty else { return nil }
        return value
    }

    /// The first line of a command's error output, trimmed and kept short.
    static func firstLine(_ data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).lazy
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
        guard let line else { return nil }
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }

    /// Sends a request, giving up after `timeout`: the metadata services are expected to answer at
    /// once, and a machine without them must not wait long (botocore uses 1 s for instance
    /// metadata and 2 s for container credentials). The losing task is cancelled, which aborts
    /// the transfer.
    static func send(_ request: HTTPRequest, over transport: any HTTPTransport,
                     timeout: Duration) async throws -> HTTPResponse {
        try await withThrowingTaskGroup(of: HTTPResponse?.self) { group in
            group.addTask { try await transport.send(request) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw AWSClientError.transport(TransportFailure(
                    kind: .ambiguous, detail: "no reply within \(timeout)", url: request.urlString))
            }
            return response
        }
    }

    /// An `HTTPRequest` for an absolute http(s) URL, or nil when it is not one.
    static func request(method: String, url: String, headers: HTTPHeaders = HTTPHeaders()) -> HTTPRequest? {
        guard let components = URLComponents(string: url), let endpoint = endpoint(components) else { return nil }
        let path = components.path.isEmpty ? "/" : components.path
        return HTTPRequest(method: method, endpoint: endpoint, path: path,
                           query: components.percentEncodedQuery ?? "", headers: headers)
    }

    /// The scheme, host and port of an http(s) URL with nothing after them but `/`, or nil.
    static func endpoint(url: String) -> Endpoint? {
        guard let components = URLComponents(string: url),
              components.path.isEmpty || components.path == "/", components.query == nil else { return nil }
        return endpoint(components)
    }

    /// Foundation on Linux keeps the brackets of an IPv6 host (`[fd00:ec2::254]`); `Endpoint`
    /// wants the bare address, as it adds them back itself.
    private static func endpoint(_ components: URLComponents) -> Endpoint? {
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              var host = components.host, !host.isEmpty else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return Endpoint(scheme: scheme, host: host, port: components.port)
    }

    /// The text of a file or body, trimmed of spaces and line ends.
    static func trimmedText(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
