import AWSCore
import CognitoAdmin
import Foundation
import Testing
import TestSupport

/// Our SRP computation against an independent one: pycognito (PyPI, pinned in
/// scripts/requirements.txt) given the same fixed random value, server values and clock.
@Suite("SRP against pycognito", .timeLimit(.minutes(5)))
struct SRPOracleTests {
    struct Vector: Codable, Sendable {
        var a: String
        var b: String
        var salt: String
        var pool = "us-east-1_Ab12Cd34E"
        var userId = "7c0d5f3e-8a51-4a0e-9b1e-3f3d2b8f1a11"
        var password = "Corr3ct-horse-b4ttery-st@ple"
        var secretBlock = Data((0..<96).map { UInt8(($0 * 37 + 11) % 256) }).base64EncodedString()
        var epoch: Double = 1_772_521_509 // Tue Mar 3 07:05:09 UTC 2026: a one-digit day
    }

    struct Oracle: Decodable {
        let A: String
        let signature: String
        let timestamp: String
    }

    static let script = #"""
import datetime, json, sys, types
from pycognito import aws_srp
v = json.loads(sys.argv[1])
fixed = datetime.datetime.fromtimestamp(v["epoch"], datetime.timezone.utc).replace(tzinfo=None)
class Clock(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return fixed
aws_srp.datetime = types.SimpleNamespace(datetime=Clock)
srp = aws_srp.AWSSRP(username="ann", password=v["password"], pool_id=v["pool"], client_id="client", client=object())
srp.small_a_value = int(v["a"], 16)
srp.large_a_value = srp.calculate_a()
answer = srp.process_challenge(
    {"USER_ID_FOR_SRP": v["userId"], "SALT": v["salt"], "SRP_B": v["b"], "SECRET_BLOCK": v["secretBlock"], "USERNAME": "ann"},
    {"USERNAME": "ann"})
print(json.dumps({"A": aws_srp.long_to_hex(srp.large_a_value), "signature": answer["PASSWORD_CLAIM_SIGNATURE"],
                  "timestamp": answer["TIMESTAMP"]}))
"""#

    static func oracle(_ vector: Vector) throws -> Oracle {
        let process = Process()
        process.executableURL = ProjectPython.url
        process.arguments = ["-c", script, String(decoding: try JSONEncoder().encode(vector), as: UTF8.self)]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "pycognito did not run (is scripts/requirements.txt installed?)")
        return try JSONDecoder().decode(Oracle.self, from: data)
    }

    static func hex(_ seed: String, bytes: Int) -> String {
        var out: [UInt8] = []
        var block = Digest.sha256(seed)
        while out.count < bytes { out += block; block = Digest.sha256(block) }
        return Digest.hex(out.prefix(bytes))
    }

    static let vectors: [Vector] = [
        // a and B of full size; a salt whose top bit is set (hashed with a zero byte in front).
        Vector(a: hex("a-1", bytes: 128), b: hex("b-1", bytes: 384), salt: "f1" + hex("salt-1", bytes: 15)),
        // a salt and a B whose top bit is clear; a short a.
        Vector(a: hex("a-2", bytes: 32), b: "1" + hex("b-2", bytes: 380), salt: "3c" + hex("salt-2", bytes: 15)),
        // an odd number of hex digits, as a number's hex often has.
        Vector(a: "8" + hex("a-3", bytes: 127), b: "abc" + hex("b-3", bytes: 200), salt: "7" + hex("salt-3", bytes: 15)),
    ]

    @Test("A and the PASSWORD_VERIFIER signature equal pycognito's for fixed values", arguments: vectors.indices)
    func matchesOracle(_ index: Int) throws {
        let v = Self.vectors[index]
        let expected = try Self.oracle(v)
        let srp = CognitoSRP(smallA: try #require(BigUnsigned(hex: v.a)))
        #expect(srp.srpA == expected.A)
        let timestamp = CognitoTimestamp.format(Date(timeIntervalSince1970: v.epoch))
        #expect(timestamp == expected.timestamp)
        let signature = try srp.passwordClaimSignature(
            userPoolId: v.pool, userIdForSRP: v.userId, password: v.password, saltHex: v.salt,
            srpBHex: v.b, secretBlock: v.secretBlock, timestamp: timestamp)
        #expect(signature == expected.signature)
    }

    @Test("the timestamp is English, UTC, with the day unpadded and the time padded")
    func timestamp() {
        #expect(CognitoTimestamp.format(Date(timeIntervalSince1970: 1_772_521_509)) == "Tue Mar 3 07:05:09 UTC 2026")
        #expect(CognitoTimestamp.format(Date(timeIntervalSince1970: 1_798_761_599)) == "Thu Dec 31 23:59:59 UTC 2026")
    }

    @Test("a B that is a multiple of N is refused")
    func unsafeB() {
        let srp = CognitoSRP(smallA: BigUnsigned(12345))
        #expect(throws: SRPError.unsafeServerValue("B mod N is zero")) {
            try srp.passwordClaimSignature(userPoolId: "us-east-1_X", userIdForSRP: "u", password: "p", saltHex: "01",
                                           srpBHex: CognitoSRP.modulus.hex, secretBlock: "AAAA", timestamp: "t")
        }
    }

    @Test("SECRET_HASH is the base64 HMAC-SHA256 of username and client id under the client secret")
    func secretHash() {
        // Computed independently: printf 'ann1example23456789' | openssl dgst -sha256 -hmac 'topsecret' -binary | base64
        #expect(SecretHash.compute(username: "ann", clientId: "1example23456789", clientSecret: "topsecret") == Self.openSSLSecretHash)
    }

    static let openSSLSecretHash = "JGb3IVvmOTSL1g4njdbmLRw3vWR6pS066bh/6ZOBkU4="
}
