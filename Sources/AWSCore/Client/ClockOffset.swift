import Foundation

/// How far the service's clock is from this machine's, learnt from a reply that refused a request
/// as signed at the wrong time. Requests are signed at `now + offset` from then on, by every
/// client that shares it (a session's clients share one).
public final class ClockOffset: @unchecked Sendable {
    private let lock = NSLock()
    private var value: TimeInterval = 0

    public init() {}

    /// Seconds to add to this machine's clock to get the service's; 0 until a skew was seen.
    public var seconds: TimeInterval {
        lock.lock(); defer { lock.unlock() }
        return value
    }

    func set(_ seconds: TimeInterval) {
        lock.lock(); value = seconds; lock.unlock()
    }
}

/// Recognises a refusal caused by the client's clock ("Clock skew" in the AWS SDKs and Tools
/// Reference Guide): SigV4 signatures are valid within five minutes of the service's time.
enum ClockSkew {
    /// Codes that by themselves say the request's time was wrong.
    static let timeCodes: Set<String> = ["RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture"]
    /// Codes for a refused signature in general; the message says when time was the reason
    /// ("Signature expired: 20300101T120000Z is now earlier than …", "Signature not yet current").
    static let signatureCodes: Set<String> = ["InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure"]
    static let timeWords = ["signature expired", "signature not yet current", "skew"]
    /// A difference smaller than this is not worth correcting: the refusal had another cause.
    static let smallestCorrection: TimeInterval = 60

    /// The offset to sign with from now on, or nil when the failure is not a clock problem or
    /// the reply does not say what time the service has.
    ///
    /// - Parameters:
    ///   - error: the decoded failure.
    ///   - serverDate: the reply's `Date` header.
    ///   - signedAt: the time the refused request was signed with.
    ///   - now: this machine's clock when the reply arrived.
    static func correction(for error: AWSServiceError, serverDate: String?, signedAt: Date, now: Date) -> TimeInterval? {
        let message = error.message.lowercased()
        guard timeCodes.contains(error.code)
                || (signatureCodes.contains(error.code) && timeWords.contains(where: message.contains)) else { return nil }
        guard let serverDate, let date = HTTPDate.parse(serverDate) else { return nil }
        guard abs(date.timeIntervalSince(signedAt)) >= smallestCorrection else { return nil }
        return date.timeIntervalSince(now)
    }
}
