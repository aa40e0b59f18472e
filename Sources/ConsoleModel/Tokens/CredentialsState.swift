import AWSCore
import CognitoAdmin
import Foundation

/// Temporary credentials an identity pool issued: for whom, the keys (masked until revealed),
/// when they expire, and the role they carry (STS `GetCallerIdentity` signed with them).
public struct CredentialsState: Sendable, Equatable {
    /// Names the pane (two issues are two panes).
    public let ticket: Int
    public let identityPoolId: String
    public let identityId: String?
    /// How they were obtained, in words: "the enhanced flow, as a guest".
    public let how: String
    public let credentials: Credentials
    /// The ARN `GetCallerIdentity` names; nil until it answers.
    public var callerArn: String?
    public var callerFailure: String?
    /// The ticket of the `GetCallerIdentity` in flight.
    public var asking: Int?
    public var revealed = false
    public var scroll = 0

    public init(ticket: Int, identityPoolId: String, identityId: String?, how: String, credentials: Credentials) {
        self.ticket = ticket
        self.identityPoolId = identityPoolId
        self.identityId = identityId
        self.how = how
        self.credentials = credentials
    }

    /// The region of the pool: where STS is asked.
    public var region: String { identityPoolId.split(separator: ":").first.map(String.init) ?? "" }

    var needsCaller: Bool { callerArn == nil && callerFailure == nil && asking == nil }

    /// The sections the view draws; the expiry counts down from `now`.
    public func sections(now: Date) -> [DetailView.Section] {
        func secret(_ key: String, _ value: String?) -> [(key: String, value: String)] {
            guard let value else { return [(key, ValueText.none)] }
            return TokenTabState.masked(value, revealed: revealed, key: key)
        }
        var keys = secret("access key id", credentials.accessKeyId)
        keys += secret("secret access key", credentials.secretAccessKey)
        keys += secret("session token", credentials.sessionToken)
        let expiry: String
        if let expiration = credentials.expiration {
            let left = Int(expiration.timeIntervalSince(now).rounded(.down))
            expiry = left > 0 ? "in \(TimeWords.span(left)) (\(TimeWords.stamp(expiration)))"
                : "expired \(TimeWords.span(-left)) ago (\(TimeWords.stamp(expiration)))"
        } else {
            expiry = "never"
        }
        let role: String
        if let callerArn {
            role = callerArn
        } else {
            role = callerFailure ?? "asking STS GetCallerIdentity…"
        }
        return [
            DetailView.Section("Identity", [("identity pool", identityPoolId), ("identity id", identityId ?? ValueText.none),
                                            ("obtained by", how)]),
            DetailView.Section("Credentials", keys + [("expires", expiry)]),
            DetailView.Section("Acting as (GetCallerIdentity)", [("arn", role), ("role", Self.roleName(callerArn) ?? ValueText.none)]),
        ]
    }

    /// `arn:aws:sts::123:assumed-role/NAME/session` → `NAME`.
    static func roleName(_ arn: String?) -> String? {
        guard let arn, let range = arn.range(of: ":assumed-role/") else { return nil }
        return arn[range.upperBound...].split(separator: "/").first.map(String.init)
    }

    var lineCount: Int {
        let sections = sections(now: Date(timeIntervalSince1970: 0))
        return sections.reduce(0) { $0 + 1 + $1.rows.count } + sections.count - 1
    }
}
