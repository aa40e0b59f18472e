import Foundation
import Testing
@testable import AWSCore

@Suite("ISO 8601 timestamps: one parser and formatter for the runtime", .timeLimit(.minutes(5)))
struct ISO8601Tests {
    static let noon = Date(timeIntervalSince1970: 1_893_499_200)  // 2030-01-01T12:00:00Z

    @Test("the forms AWS writes are read", arguments: [
        ("2030-01-01T12:00:00Z", 0.0),
        ("2030-01-01T12:00:00.250Z", 0.25),
        ("2030-01-01T12:00:00.5z", 0.5),
        ("2030-01-01t12:00:00Z", 0.0),
        ("2030-01-01T13:30:00+01:30", 0.0),
        ("2030-01-01T07:00:00-0500", 0.0),
        ("2030-01-01T12:00:00.123456789Z", 0.123456789),
    ])
    func parses(text: String, fraction: Double) throws {
        let date = try #require(ISO8601.parse(text))
        #expect(abs(date.timeIntervalSince(Self.noon) - fraction) < 1e-6)
    }

    @Test("anything else is not a time", arguments: [
        "", "2030-01-01", "2030-01-01T12:00:00", "2030-01-01 12:00:00Z", "2030-13-01T12:00:00Z",
        "2030-02-29T12:00:00Z", "2030-01-01T24:00:00Z", "2030-01-01T12:60:00Z", "2030-01-01T12:00:00.Z",
        "2030-01-01T12:00:00Zjunk", "2030-1-01T12:00:00Z", "tomorrow", "2030-01-01T12:00:00+25:00",
    ])
    func rejects(text: String) {
        #expect(ISO8601.parse(text) == nil)
    }

    @Test("leap days are dates in leap years only")
    func leapDays() {
        #expect(ISO8601.parse("2028-02-29T00:00:00Z") != nil)
        #expect(ISO8601.parse("2000-02-29T00:00:00Z") != nil)
        #expect(ISO8601.parse("2100-02-29T00:00:00Z") == nil)
    }

    @Test("times are written in UTC to the second, as Foundation's formatter writes them")
    func formatsLikeFoundation() {
        let reference = ISO8601DateFormatter()
        for seconds in stride(from: -2_208_988_800.0, to: 4_102_444_800, by: 7_654_321.987) {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ISO8601.format(date) == reference.string(from: date))
        }
        #expect(ISO8601.format(Self.noon.addingTimeInterval(0.999)) == "2030-01-01T12:00:00Z")
    }

    @Test("what is written reads back as the same second")
    func roundTrip() throws {
        for seconds in stride(from: -86_400.0 * 800, to: 86_400 * 50_000, by: 86_400 * 97.3) {
            let date = Date(timeIntervalSince1970: seconds.rounded(.down))
            #expect(ISO8601.parse(ISO8601.format(date)) == date)
        }
    }

    @Test("STS expirations and credential-file times use the same parser")
    func callersShareIt() throws {
        let body = Data("""
            <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>AKID</AccessKeyId>
            <SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>
            <Expiration>2030-01-01T12:00:00.5Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>
            """.utf8)
        let credentials = try STSClient.credentials(from: AWSResponse(status: 200, body: body, requestId: nil),
                                                    operation: "AssumeRole", source: "test")
        #expect(credentials.expiration == Self.noon + 0.5)
        #expect(CredentialSupport.parseTimestamp(" 2030-01-01T12:00:00 UTC ") == Self.noon)
    }
}
