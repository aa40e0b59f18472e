import COpenSSL
import Foundation

/// An unsigned integer of any size, big-endian bytes without leading zeros, with the arithmetic
/// SRP needs done by libcrypto's BIGNUM.
public struct BigUnsigned: Sendable, Hashable, CustomStringConvertible {
    /// Big-endian magnitude; empty for zero.
    public let bytes: [UInt8]

    /// From big-endian bytes (leading zeros are dropped).
    public init<S: Sequence>(bytes: S) where S.Element == UInt8 {
        self.bytes = Array(bytes.drop(while: { $0 == 0 }))
    }

    /// From hexadecimal digits (either case, an odd count allowed); nil for anything else.
    public init?(hex: String) {
        var digits = Array(hex.utf8)
        guard !digits.isEmpty else { return nil }
        if digits.count % 2 == 1 { digits.insert(UInt8(ascii: "0"), at: 0) }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        self.init(bytes: out)
    }

    public init(_ value: UInt64) {
        var big = value.bigEndian
        self.init(bytes: withUnsafeBytes(of: &big) { Array($0) })
    }

    public var isZero: Bool { bytes.isEmpty }

    /// Lower-case hexadecimal without leading zeros ("0" for zero).
    public var hex: String {
        let text = Digest.hex(bytes)
        let trimmed = text.drop(while: { $0 == "0" })
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    public var description: String { hex }

    public static func + (a: BigUnsigned, b: BigUnsigned) -> BigUnsigned {
        apply(COPENSSL_BN_ADD, a, b, nil, capacity: max(a.bytes.count, b.bytes.count) + 1)
    }

    public static func * (a: BigUnsigned, b: BigUnsigned) -> BigUnsigned {
        apply(COPENSSL_BN_MUL, a, b, nil, capacity: a.bytes.count + b.bytes.count + 1)
    }

    /// self mod m. `m` must not be zero.
    public func modulo(_ m: BigUnsigned) -> BigUnsigned {
        Self.apply(COPENSSL_BN_MOD, self, BigUnsigned(0), m, capacity: m.bytes.count)
    }

    /// (self − b) mod m, never negative. `m` must not be zero.
    public func subtracting(_ b: BigUnsigned, modulo m: BigUnsigned) -> BigUnsigned {
        Self.apply(COPENSSL_BN_MOD_SUB, self, b, m, capacity: m.bytes.count)
    }

    /// (self × b) mod m. `m` must not be zero.
    public func multiplied(by b: BigUnsigned, modulo m: BigUnsigned) -> BigUnsigned {
        Self.apply(COPENSSL_BN_MOD_MUL, self, b, m, capacity: m.bytes.count)
    }

    /// self ^ exponent mod m, in constant time. `m` must not be zero.
    public func power(_ exponent: BigUnsigned, modulo m: BigUnsigned) -> BigUnsigned {
        Self.apply(COPENSSL_BN_MOD_EXP, self, exponent, m, capacity: m.bytes.count)
    }

    /// `count` bytes from libcrypto's random generator.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        guard copenssl_random_bytes(&out, count) == 1 else {
            preconditionFailure("libcrypto's random generator failed")
        }
        return out
    }

    private static func apply(_ op: copenssl_bn_op, _ a: BigUnsigned, _ b: BigUnsigned, _ m: BigUnsigned?,
                              capacity: Int) -> BigUnsigned {
        precondition(m.map { !$0.isZero } ?? true, "a modulus of zero")
        var out = [UInt8](repeating: 0, count: max(capacity, 1))
        var length = 0
        let modulus = m?.bytes ?? []
        let ok = a.bytes.withUnsafeBufferPointer { pa in
            b.bytes.withUnsafeBufferPointer { pb in
                modulus.withUnsafeBufferPointer { pm in
                    copenssl_bn_apply(op, pa.baseAddress, pa.count, pb.baseAddress, pb.count,
                                      pm.baseAddress, pm.count, &out, out.count, &length)
                }
            }
        }
        // The capacities above always hold the result; failing here means libcrypto ran out of memory.
        precondition(ok == 1, "libcrypto's BIGNUM arithmetic failed")
        return BigUnsigned(bytes: out.prefix(length))
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
