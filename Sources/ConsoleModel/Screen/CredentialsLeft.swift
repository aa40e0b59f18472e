import Foundation

/// How long the credentials of the profile in use have left, as the header says it:
/// `creds 3h05m`, `creds 42m`, `creds <1m`, `creds expired`.
public struct CredentialsLeft: Sendable, Equatable {
    public var text: String
    /// Ten minutes or less left, or none: the header warns.
    public var ending: Bool

    public init(_ expiry: Date, now: Date) {
        let seconds = Int(expiry.timeIntervalSince(now).rounded(.down))
        let minutes = seconds / 60
        switch seconds {
        case ..<1: text = "creds expired"
        case ..<60: text = "creds <1m"
        case ..<3600: text = "creds \(minutes)m"
        default: text = "creds \(minutes / 60)h" + String(format: "%02dm", minutes % 60)
        }
        ending = seconds <= 600
    }
}
