import COpenSSL
import Foundation

/// RSA public keys and RSASSA-PKCS1-v1_5 with SHA-256 (JWS `RS256`, RFC 7518 §3.3), checked by
/// libcrypto.
public struct RSAPublicKey: Sendable, Hashable {
    /// The modulus, big-endian unsigned.
    public let modulus: [UInt8]
    /// The public exponent, big-endian unsigned.
    public let exponent: [UInt8]

    public init(modulus: [UInt8], exponent: [UInt8]) {
        self.modulus = modulus
        self.exponent = exponent
    }

    /// The modulus size in bits (leading zero bytes not counted).
    public var bits: Int {
        let trimmed = modulus.drop(while: { $0 == 0 })
        guard let first = trimmed.first else { return 0 }
        return (trimmed.count - 1) * 8 + (8 - first.leadingZeroBitCount)
    }

    /// Whether `signature` is this key's RS256 signature of `message`.
    /// - Throws: `RSAKeyError` when libcrypto cannot build a key from the numbers.
    public func verifySHA256(signature: [UInt8], message: [UInt8]) throws -> Bool {
        let result = modulus.withUnsafeBufferPointer { n in
            exponent.withUnsafeBufferPointer { e in
                message.withUnsafeBufferPointer { m in
                    signature.withUnsafeBufferPointer { s in
                        copenssl_rsa_verify_sha256(n.baseAddress, n.count, e.baseAddress, e.count,
                                                   m.baseAddress, m.count, s.baseAddress, s.count)
                    }
                }
            }
        }
        guard result >= 0 else { throw RSAKeyError() }
        return result == 1
    }
}

/// The numbers given do not make an RSA public key.
public struct RSAKeyError: Error, CustomStringConvertible, Equatable {
    public init() {}
    public var description: String { "the modulus and exponent do not make an RSA public key" }
}
