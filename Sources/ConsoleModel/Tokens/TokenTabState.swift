import CognitoAdmin
import CognitoAPI
import Foundation

/// One token in the inspector: the token (masked until revealed), what it says, and how its
/// verification came out.
public struct TokenTabState: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case id = "ID token"
        case access = "Access token"
        case refresh = "Refresh token"
        case other = "Token"
    }

    public let kind: Kind
    public let token: String
    public let origin: TokenOrigin
    /// Nil for the refresh token (Cognito encrypts it: nothing to decode) or text that is not a JWT.
    public let jwt: JSONWebToken?
    public var verification: TokenVerification?
    /// Why it could not be verified at all (no key source); one sentence.
    public var verifyFailure: String?
    /// The ticket of the verification in flight.
    public var verifying: Int?
    public var revealed = false
    public var scroll = 0

    public init(_ kind: Kind, _ token: String, origin: TokenOrigin) {
        self.kind = kind
        self.token = token
        self.origin = origin
        jwt = kind == .refresh ? nil : try? JSONWebToken(compact: token)
    }

    /// What the token must match: a sign-in's pool, client and `token_use`; for a pasted token,
    /// the pool its issuer names (and nothing to compare the audience with).
    public var expectations: TokenExpectations {
        guard origin.signedIn else { return TokenExpectations() }
        return TokenExpectations(userPoolId: origin.userPoolId, clientId: origin.clientId,
                                 tokenUse: kind == .id ? .id : kind == .access ? .access : nil)
    }

    /// Whether it is verified when shown (a JWT not yet checked).
    var needsVerification: Bool { jwt != nil && verification == nil && verifyFailure == nil && verifying == nil }

    /// The token as shown: dots until revealed, then in lines of 64 characters.
    static func masked(_ secret: String, revealed: Bool, key: String) -> [(key: String, value: String)] {
        guard revealed else {
            return [(key, "•••••••• (\(NumberText.grouped(secret.count)) characters; v reveals, y copies)")]
        }
        var rows: [(key: String, value: String)] = []
        var rest = Substring(secret)
        while !rest.isEmpty {
            rows.append((rows.isEmpty ? key : "", String(rest.prefix(64))))
            rest = rest.dropFirst(64)
        }
        return rows
    }

    /// The sections the inspector draws, with times relative to `now`.
    public func sections(now: Date) -> [DetailView.Section] {
        var sections = [DetailView.Section("Token", Self.masked(token, revealed: revealed, key: "token"))]
        guard let jwt else {
            sections[0].rows.append(("", kind == .refresh
                ? "Cognito encrypts refresh tokens: there is nothing to decode. x revokes it."
                : "This text is not a JWT."))
            return sections
        }
        let summary = TokenSummary(jwt)
        var picked: [(key: String, value: String)] = []
        picked.append(("token_use", summary.use?.rawValue ?? ValueText.none))
        picked.append(("user pool", summary.userPoolId ?? ValueText.none))
        picked.append(("client", summary.clientId ?? ValueText.none))
        picked.append(("username", summary.username ?? ValueText.none))
        picked.append(("sub", summary.subject ?? ValueText.none))
        if let d = summary.issuedAt { picked.append(("issued", TimeWords.both(d, now: now))) }
        if let d = summary.authTime { picked.append(("signed in", TimeWords.both(d, now: now))) }
        if let d = summary.expiresAt {
            picked.append((d > now ? "expires" : "expired", TimeWords.both(d, now: now)))
        }
        picked.append(("cognito:groups", summary.groups.isEmpty ? ValueText.none : summary.groups.joined(separator: ", ")))
        picked.append(("cognito:roles", summary.roles.isEmpty ? ValueText.none : summary.roles.joined(separator: ", ")))
        picked.append(("cognito:preferred_role", summary.preferredRole ?? ValueText.none))
        if !summary.scopes.isEmpty { picked.append(("scope", summary.scopes.joined(separator: " "))) }
        sections.append(DetailView.Section("Summary", picked))
        sections.append(DetailView.Section("Verification", checkRows))
        sections.append(DetailView.Section("Header", jwt.header.keys.sorted().map { ($0, Self.compact(jwt.header[$0]!)) }))
        sections.append(DetailView.Section("Claims", jwt.claims.keys.sorted().map { ($0, Self.compact(jwt.claims[$0]!)) }))
        return sections
    }

    /// Each check, pass or fail, with what it found.
    var checkRows: [(key: String, value: String)] {
        if let verifyFailure { return [("", verifyFailure)] }
        guard let verification else { return [("", "checking…")] }
        return verification.checks.map { check in
            let mark = check.outcome == .passed ? "pass" : check.outcome == .failed ? "FAIL" : "skip"
            return (check.kind.rawValue, "\(mark)  \(check.detail)")
        }
    }

    /// Lines the sections take, for scrolling (the count does not depend on the time).
    var lineCount: Int {
        let sections = sections(now: Date(timeIntervalSince1970: 0))
        return sections.reduce(0) { $0 + 1 + $1.rows.count } + sections.count - 1
    }

    static func compact(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
    }
}
