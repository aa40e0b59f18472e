import Foundation

/// AWS credentials: an access key pair, an optional session token and when they stop working.
public struct Credentials: Sendable, Equatable {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    public var expiration: Date?
    /// Which source produced them, for messages and `--debug` (never the secret).
    public var source: String

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil,
                expiration: Date? = nil, source: String = "static") {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
    }
}

/// Signature Version 4 signing, as a value: credentials, region and service in; the date is a
/// parameter of every call so that signing is a pure function.
///
/// The steps follow "Create a signed AWS API request" in the AWS IAM User Guide:
/// 1. canonical request, 2. string to sign, 3. signing key, 4. signature, 5. add it to the request.
public struct SigV4Signer: Sendable {
    public var credentials: Credentials
    public var region: String
    public var service: String
    /// Remove `.` and `..` segments and repeated slashes from the path before signing (every
    /// service but S3).
    public var normalizePath: Bool = true
    /// Add `X-Amz-Content-SHA256` with the body's hash.
    public var signBodyHeader: Bool = false
    /// Add the session token after signing instead of signing it (a few services want this).
    public var omitSessionTokenFromSignature: Bool = false
    /// Where derived signing keys are kept between requests: the client's (or session's) cache.
    /// Without one, every signature derives its key afresh.
    public var keyCache: SigningKeyCache?

    static let algorithm = "AWS4-HMAC-SHA256"

    public init(credentials: Credentials, region: String, service: String, keyCache: SigningKeyCache? = nil) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.keyCache = keyCache
    }

    /// The parts of one signature, exposed for tests and `--debug`.
    public struct Result: Sendable {
        public var canonicalRequest: String
        public var stringToSign: String
        public var signature: String
        public var request: HTTPRequest
    }

    // MARK: Header signing

    /// Signs the request with an `Authorization` header.
    public func signHeaders(_ request: HTTPRequest, date: Date) -> Result {
        var request = request
        let stamp = Timestamp(date)
        if !request.headers.contains("host") {
            request.headers.add("Host", request.endpoint.hostHeader)
        }
        request.headers.set("X-Amz-Date", stamp.long)
        let payloadHash = Digest.hex(Digest.sha256(request.body))
        if signBodyHeader {
            request.headers.set("X-Amz-Content-SHA256", payloadHash)
        }
        if let token = credentials.sessionToken, !omitSessionTokenFromSignature {
            request.headers.set("X-Amz-Security-Token", token)
        }
        let headers = canonicalHeaders(request.headers)
        let canonical = canonicalRequest(
            method: request.method, path: request.path, query: canonicalQuery(request.query),
            headers: headers, payloadHash: payloadHash)
        let toSign = stringToSign(canonical, stamp: stamp)
        let signature = sign(toSign, stamp: stamp)
        request.headers.set(
            "Authorization",
            "\(Self.algorithm) Credential=\(credentials.accessKeyId)/\(scope(stamp)), "
                + "SignedHeaders=\(headers.signedNames), Signature=\(signature)")
        if let token = credentials.sessionToken, omitSessionTokenFromSignature {
            request.headers.set("X-Amz-Security-Token", token)
        }
        return Result(canonicalRequest: canonical, stringToSign: toSign, signature: signature, request: request)
    }

    // MARK: Query presigning

    /// Signs the request in its query string, valid for `expires` seconds from `date`.
    public func presign(_ request: HTTPRequest, date: Date, expires: Int) -> Result {
        var request = request
        let stamp = Timestamp(date)
        if !request.headers.contains("host") {
            request.headers.add("Host", request.endpoint.hostHeader)
        }
        let headers = canonicalHeaders(request.headers)
        var added: [(String, String)] = [
            ("X-Amz-Algorithm", Self.algorithm),
            ("X-Amz-Credential", "\(credentials.accessKeyId)/\(scope(stamp))"),
            ("X-Amz-Date", stamp.long),
            ("X-Amz-SignedHeaders", headers.signedNames),
            ("X-Amz-Expires", String(expires)),
        ]
        if let token = credentials.sessionToken, !omitSessionTokenFromSignature {
            added.append(("X-Amz-Security-Token", token))
        }
        let signedQuery = [request.query, SigV4Encoding.formEncode(added)]
            .filter { !$0.isEmpty }.joined(separator: "&")
        let payloadHash = Digest.hex(Digest.sha256(request.body))
        let canonical = canonicalRequest(
            method: request.method, path: request.path, query: canonicalQuery(signedQuery),
            headers: headers, payloadHash: payloadHash)
        let toSign = stringToSign(canonical, stamp: stamp)
        let signature = sign(toSign, stamp: stamp)
        var trailer: [(String, String)] = []
        if let token = credentials.sessionToken, omitSessionTokenFromSignature {
            trailer.append(("X-Amz-Security-Token", token))
        }
        trailer.append(("X-Amz-Signature", signature))
        request.query = signedQuery + "&" + SigV4Encoding.formEncode(trailer)
        return Result(canonicalRequest: canonical, stringToSign: toSign, signature: signature, request: request)
    }

    // MARK: Step 1: the canonical request

    struct CanonicalHeaders {
        var lines: String
        var signedNames: String
    }

    /// Lower-case names, sorted; values trimmed with inner runs of white space folded to one
    /// space; repeated names joined with commas in their original order.
    func canonicalHeaders(_ headers: HTTPHeaders) -> CanonicalHeaders {
        var entries: [(name: String, value: String)] = []
        entries.reserveCapacity(headers.fields.count)
        for field in headers {
            let name = Self.asciiLowercased(field.name)
            if name == "authorization" || name == "user-agent" || name == "expect" { continue }
            entries.append((name, Self.foldWhitespace(field.value)))
        }
        // A stable sort keeps repeated names in their original order for joining.
        let order = entries.indices.sorted { entries[$0].name == entries[$1].name ? $0 < $1 : entries[$0].name < entries[$1].name }
        var lines = ""
        var names: [String] = []
        for index in order {
            let entry = entries[index]
            if names.last == entry.name {
                lines.removeLast()
                lines += "," + entry.value + "\n"
            } else {
                names.append(entry.name)
                lines += entry.name + ":" + entry.value + "\n"
            }
        }
        return CanonicalHeaders(lines: lines, signedNames: names.joined(separator: ";"))
    }

    /// Lower-cases ASCII letters only, as header names are ASCII.
    static func asciiLowercased(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) { return text }
        return String(decoding: text.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    static func foldWhitespace(_ value: String) -> String {
        // Most values need nothing done: no leading, trailing, repeated or non-space white space.
        var previousSpace = true
        var clean = true
        for byte in value.utf8 {
            let space = byte == 0x20
            if byte == 0x09 || byte == 0x0a || byte == 0x0d || (space && previousSpace) { clean = false; break }
            previousSpace = space
        }
        if clean && !previousSpace { return value }
        if value.isEmpty { return value }
        var out = ""
        var pendingSpace = false
        for scalar in value.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Parameters decoded, re-encoded and sorted by name, then value.
    func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        var pairs: [(String, String)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = SigV4Encoding.encode(SigV4Encoding.decode(String(pieces[0])))
            let value = pieces.count > 1 ? SigV4Encoding.encode(SigV4Encoding.decode(String(pieces[1]))) : ""
            pairs.append((name, value))
        }
        pairs.sort { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return pairs.map { $0.0 + "=" + $0.1 }.joined(separator: "&")
    }

    func canonicalPath(_ path: String) -> String {
        let raw = path.isEmpty ? "/" : path
        return SigV4Encoding.encodePath(normalizePath ? Self.removeDotSegments(raw) : raw)
    }

    /// RFC 3986 section 5.2.4, plus folding of repeated slashes.
    static func removeDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        for segment in segments {
            switch segment {
            case ".": continue
            case "..": if !output.isEmpty { output.removeLast() }
            default: output.append(segment)
            }
        }
        var result = "/" + output.joined(separator: "/")
        let last = segments.last
        if result != "/" && (path.hasSuffix("/") || last == "." || last == "..") { result += "/" }
        return result
    }

    func canonicalRequest(method: String, path: String, query: String,
                          headers: CanonicalHeaders, payloadHash: String) -> String {
        [method, canonicalPath(path), query, headers.lines, headers.signedNames, payloadHash]
            .joined(separator: "\n")
    }

    // MARK: Steps 2 to 4

    func scope(_ stamp: Timestamp) -> String {
        "\(stamp.short)/\(region)/\(service)/aws4_request"
    }

    func stringToSign(_ canonicalRequest: String, stamp: Timestamp) -> String {
        [Self.algorithm, stamp.long, scope(stamp), Digest.hex(Digest.sha256(canonicalRequest))]
            .joined(separator: "\n")
    }

    func signingKey(_ stamp: Timestamp) -> [UInt8] {
        guard let keyCache else { return deriveSigningKey(stamp) }
        let scope = SigningKeyCache.Scope(secret: credentials.secretAccessKey, date: stamp.short,
                                          region: region, service: service)
        if let key = keyCache.key(for: scope) { return key }
        let key = deriveSigningKey(stamp)
        keyCache.store(key, for: scope)
        return key
    }

    func deriveSigningKey(_ stamp: Timestamp) -> [UInt8] {
        let kDate = Digest.hmacSHA256(key: Array(("AWS4" + credentials.secretAccessKey).utf8), stamp.short)
        let kRegion = Digest.hmacSHA256(key: kDate, region)
        let kService = Digest.hmacSHA256(key: kRegion, service)
        return Digest.hmacSHA256(key: kService, "aws4_request")
    }

    func sign(_ stringToSign: String, stamp: Timestamp) -> String {
        Digest.hex(Digest.hmacSHA256(key: signingKey(stamp), stringToSign))
    }

    /// `20150830T123600Z` and `20150830`, in UTC.
    struct Timestamp {
        var long: String
        var short: String

        init(_ date: Date) {
            var time = time_t(date.timeIntervalSince1970.rounded(.down))
            var parts = tm()
            gmtime_r(&time, &parts)
            let y = Int(parts.tm_year) + 1900, mo = Int(parts.tm_mon) + 1, d = Int(parts.tm_mday)
            let h = Int(parts.tm_hour), mi = Int(parts.tm_min), s = Int(parts.tm_sec)
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            short = "\(y)\(two(mo))\(two(d))"
            long = "\(short)T\(two(h))\(two(mi))\(two(s))Z"
        }
    }
}

/// Derived signing keys, kept by whoever owns the cache (an `AWSSession` shares one among its
/// clients; a client made alone has its own). The key depends only on the secret, the day, the
/// region and the service ("Derive a signing key" in the SigV4 chapter of the IAM User Guide),
/// so it is derived once a day per scope rather than with four HMACs per request.
public final class SigningKeyCache: @unchecked Sendable {
    struct Scope: Hashable {
        var secret: String
        var date: String
        var region: String
        var service: String
    }

    /// A handful of scopes are live at once; past this many, everything is dropped rather than
    /// tracking age.
    static let capacity = 32
    private let lock = NSLock()
    private var keys: [Scope: [UInt8]] = [:]

    public init() {}

    /// How many keys are held.
    var count: Int { lock.withLock { keys.count } }

    func key(for scope: Scope) -> [UInt8]? {
        lock.withLock { keys[scope] }
    }

    func store(_ key: [UInt8], for scope: Scope) {
        lock.withLock {
            if keys.count >= Self.capacity { keys.removeAll() }
            keys[scope] = key
        }
    }
}
