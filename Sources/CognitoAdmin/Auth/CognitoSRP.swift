import AWSCore
import Foundation

/// The client side of SRP-6a as Amazon Cognito runs it for `USER_SRP_AUTH` (RFC 5054 with
/// Cognito's choices): the 3072-bit group of RFC 3526 §4 with g = 2, SHA-256, k = H(N | g),
/// x = H(salt | H(pool name | user id | ":" | password)), and a 16-byte key from HKDF
/// ("Caldera Derived Key") that signs the `PASSWORD_VERIFIER` claim.
///
/// Numbers are hashed as Cognito's clients hash them: as big-endian bytes of their hexadecimal
/// form padded to whole bytes, with a zero byte added when the top bit is set.
public struct CognitoSRP: Sendable {
    /// The group's prime N.
    public static let modulus = BigUnsigned(hex: """
        FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD\
        EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED\
        EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F\
        83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B\
        E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510\
        15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7\
        ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C\
        BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF
        """)!
    /// The generator g.
    public static let generator = BigUnsigned(2)
    /// The multiplier k = H(N | g).
    public static let multiplier = BigUnsigned(bytes: Digest.sha256(padded(modulus) + padded(generator)))

    /// The client's secret exponent a.
    let smallA: BigUnsigned
    /// The client's public value A = g^a mod N, sent as `SRP_A`.
    public let largeA: BigUnsigned

    /// A new exchange with a random a (128 bytes from libcrypto, reduced mod N).
    public init() {
        var a: BigUnsigned
        repeat { a = BigUnsigned(bytes: BigUnsigned.randomBytes(128)).modulo(Self.modulus) } while a.isZero
        self.init(smallA: a)
    }

    /// An exchange with a chosen a, for tests against other implementations.
    public init(smallA: BigUnsigned) {
        self.smallA = smallA
        largeA = Self.generator.power(smallA, modulo: Self.modulus)
    }

    /// `SRP_A` as `InitiateAuth` takes it: lower-case hexadecimal.
    public var srpA: String { largeA.hex }

    /// The answer to `PASSWORD_VERIFIER`: the base64 HMAC-SHA256, under the key the exchange
    /// derives, of the pool name (the part of the pool id after `_`), the user id for SRP, the
    /// secret block's bytes and the timestamp.
    /// - Throws: `SRPError` when the server's values are unusable (B ≡ 0 mod N, u = 0, bad encodings).
    public func passwordClaimSignature(userPoolId: String, userIdForSRP: String, password: String,
                                       saltHex: String, srpBHex: String, secretBlock: String,
                                       timestamp: String) throws -> String {
        guard let salt = BigUnsigned(hex: saltHex) else { throw SRPError.malformed("SALT") }
        guard let largeB = BigUnsigned(hex: srpBHex) else { throw SRPError.malformed("SRP_B") }
        guard let block = Data(base64Encoded: secretBlock) else { throw SRPError.malformed("SECRET_BLOCK") }
        let N = Self.modulus
        guard !largeB.modulo(N).isZero else { throw SRPError.unsafeServerValue("B mod N is zero") }
        let u = BigUnsigned(bytes: Digest.sha256(Self.padded(largeA) + Self.padded(largeB)))
        guard !u.isZero else { throw SRPError.unsafeServerValue("u is zero") }

        let poolName = Self.poolName(userPoolId)
        let identity = Digest.hex(Digest.sha256("\(poolName)\(userIdForSRP):\(password)"))
        // x hashes the salt's bytes followed by the bytes of the identity hash's hex digits.
        let x = BigUnsigned(bytes: Digest.sha256(Self.padded(salt) + BigUnsigned.hexBytes(identity)))
        // S = (B − k·g^x)^(a + u·x) mod N
        let gx = Self.generator.power(x, modulo: N)
        let base = largeB.subtracting(Self.multiplier.multiplied(by: gx, modulo: N), modulo: N)
        let S = base.power(smallA + u * x, modulo: N)
        let key = Self.hkdf(secret: Self.padded(S), salt: Self.padded(u))

        var message = Array(poolName.utf8) + Array(userIdForSRP.utf8)
        message += Array(block)
        message += Array(timestamp.utf8)
        return Data(Digest.hmacSHA256(key: key, message)).base64EncodedString()
    }

    /// The pool's name as SRP uses it: what follows the `_` of its id.
    static func poolName(_ userPoolId: String) -> String {
        userPoolId.split(separator: "_", maxSplits: 1).dropFirst().first.map(String.init) ?? userPoolId
    }

    /// HKDF-SHA256 (RFC 5869) with the info "Caldera Derived Key", first 16 bytes.
    static func hkdf(secret: [UInt8], salt: [UInt8]) -> [UInt8] {
        let prk = Digest.hmacSHA256(key: salt, secret)
        return Array(Digest.hmacSHA256(key: prk, Array("Caldera Derived Key".utf8) + [1]).prefix(16))
    }

    /// The bytes Cognito's clients hash for a number: whole bytes, and a leading zero byte
    /// when the top bit is set (so the value never reads as negative).
    static func padded(_ value: BigUnsigned) -> [UInt8] {
        let bytes = value.bytes.isEmpty ? [0] : value.bytes
        return bytes[0] & 0x80 != 0 ? [0] + bytes : bytes
    }
}

extension BigUnsigned {
    /// The bytes of hexadecimal text whose digit count is even.
    static func hexBytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        var out: [UInt8] = []
        var i = 0
        while i + 1 < digits.count {
            out.append(UInt8(String(decoding: digits[i...i + 1], as: UTF8.self), radix: 16) ?? 0)
            i += 2
        }
        return out
    }
}

/// Why the server's SRP values cannot be answered.
public enum SRPError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case unsafeServerValue(String)

    public var description: String {
        switch self {
        case .malformed(let name): return "the challenge's \(name) is malformed"
        case .unsafeServerValue(let why): return "the server's SRP values are unsafe (\(why))"
        }
    }
}

/// The `TIMESTAMP` of a `PASSWORD_VERIFIER` answer: `EEE MMM d HH:mm:ss UTC yyyy` in English,
/// in UTC, the day without a leading zero (`Tue Mar 3 07:05:09 UTC 2026`).
public enum CognitoTimestamp {
    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(days[(c.weekday ?? 1) - 1]) \(months[(c.month ?? 1) - 1]) \(c.day ?? 1) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) UTC \(c.year ?? 1970)"
    }
}
