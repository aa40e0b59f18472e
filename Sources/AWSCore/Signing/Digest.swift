import COpenSSL
import Foundation

/// SHA-256 and HMAC-SHA-256 from OpenSSL's libcrypto.
public enum Digest {
    /// SHA-256 of the bytes.
    public static func sha256<D: ContiguousBytes>(_ data: D) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        data.withUnsafeBytes { buffer in
            _ = copenssl_sha256(buffer.baseAddress, buffer.count, &out)
        }
        return out
    }

    public static func sha256(_ string: String) -> [UInt8] {
        sha256(Array(string.utf8))
    }

    /// HMAC-SHA-256 of the message under the key.
    public static func hmacSHA256<K: ContiguousBytes, M: ContiguousBytes>(key: K, _ message: M) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        key.withUnsafeBytes { k in
            message.withUnsafeBytes { m in
                _ = copenssl_hmac_sha256(k.baseAddress, k.count, m.baseAddress, m.count, &out)
            }
        }
        return out
    }

    public static func hmacSHA256<K: ContiguousBytes>(key: K, _ message: String) -> [UInt8] {
        hmacSHA256(key: key, Array(message.utf8))
    }

    /// Lower-case hexadecimal.
    public static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The SHA-256 of the empty string, used for empty bodies.
    public static let emptySHA256Hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
}
