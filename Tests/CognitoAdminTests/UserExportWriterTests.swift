import CognitoAdmin
import CognitoAPI
import Foundation
import Testing

/// The export formats from literals: the user-import CSV's rules, CSV columns fixed by the
/// schema, JSON arrays written a batch at a time.
@Suite("User export: formats and the user-import rules", .timeLimit(.minutes(5)))
struct UserExportWriterTests {
    typealias User = CognitoIdentityProvider.UserType

    static let header = ["name", "email", "email_verified", "birthdate", "phone_number_verified", "address", "updated_at",
                         "custom:tier", "cognito:mfa_enabled", "cognito:username"]

    static func user(_ name: String, _ attributes: [String: String], mfa: Bool = false) -> User {
        User(username: name, attributes: attributes.sorted { $0.key < $1.key }.map { .init(name: $0.key, value: $0.value) },
             enabled: true, userStatus: .confirmed, mfaOptions: mfa ? [.init(deliveryMedium: .sms, attributeName: "phone_number")] : [])
    }

    func importText(_ mfa: CognitoIdentityProvider.UserPoolMfaType, _ users: [ExportedUser]) throws -> (String, [String]) {
        var writer = UserExportWriter(format: .cognitoImport, pool: .init(mfaConfiguration: mfa), withGroups: false,
                                      importHeader: Self.header)
        let (rows, warnings) = try writer.batch(users)
        return (writer.header() + rows + writer.footer(), warnings)
    }

    @Test("an import row: header's columns, unquoted values, \\, for commas, mm/dd/yyyy, true/false")
    func importRow() throws {
        let ann = Self.user("ann", ["email": "ann@example.com", "email_verified": "True", "birthdate": "1985-02-01",
                                    "custom:tier": "gold, plus", "name": #"Ann "A" Lee"#, "updated_at": "1717000000"])
        let (text, warnings) = try importText(.off, [ExportedUser(user: ann)])
        #expect(text == Self.header.joined(separator: ",") + "\n"
            + #"Ann "A" Lee,ann@example.com,true,02/01/1985,false,,1717000000,gold\, plus,false,ann"# + "\n")
        #expect(warnings.isEmpty)
    }

    @Test("cognito:mfa_enabled: true where MFA is required, the user's own where it is optional")
    func importMFA() throws {
        let plain = Self.user("bob", [:]), sms = Self.user("carol", [:], mfa: true)
        let on = try importText(.on, [ExportedUser(user: plain)]).0
        #expect(on.hasSuffix(",true,bob\n"))
        let optional = try importText(.optional, [ExportedUser(user: plain, mfaEnabled: true), ExportedUser(user: plain),
                                                  ExportedUser(user: sms)]).0
        #expect(optional.split(separator: "\n").dropFirst().map { $0.split(separator: ",").suffix(2).joined(separator: ",") }
            == ["true,bob", "false,bob", "true,carol"])
    }

    @Test("what the import format cannot hold is written as near as it can and named")
    func importWarnings() throws {
        let long = String(repeating: "x", count: 16_001)
        let (text, warnings) = try importText(.off, [ExportedUser(user: Self.user("dave", ["address": "1 Main St\nTown", "name": long]))])
        #expect(text.contains(",1 Main St Town,"))
        #expect(warnings.count == 2)
        #expect(warnings.first == "dave: the line breaks in address are written as spaces, as the import CSV cannot hold them")
        #expect(warnings.last?.hasPrefix("dave: the row has 16") == true)
    }

    @Test("CSV columns come from the schema before any user; an attribute outside it is named once")
    func csvColumns() throws {
        let pool = CognitoIdentityProvider.UserPoolType(schemaAttributes: [.init(name: "email"), .init(name: "custom:tier")])
        var writer = UserExportWriter(format: .csv, pool: pool, withGroups: true)
        #expect(writer.columns.prefix(6) == ["Username", "UserStatus", "Enabled", "UserCreateDate", "UserLastModifiedDate", "sub"])
        #expect(writer.columns.suffix(2) == ["custom:tier", "Groups"])
        let odd = Self.user("erin", ["custom:other": "1", "custom:tier": "a,\"b\""])
        let (rows, warnings) = try writer.batch([ExportedUser(user: odd, groups: ["g1"]), ExportedUser(user: odd, groups: [])])
        #expect(warnings == ["the attribute custom:other is not in the pool's schema and is left out of the CSV"])
        let lines = rows.components(separatedBy: "\r\n")
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[0].hasPrefix("erin,CONFIRMED,true,") && lines[0].hasSuffix(#","a,""b""","[""g1""]""#))
        #expect(lines[1].hasSuffix(#","a,""b""",[]"#))
    }

    @Test("a JSON export is one array however many batches, and [] for none")
    func jsonBatches() throws {
        var writer = UserExportWriter(format: .json, pool: .init(), withGroups: false)
        var text = writer.header()
        text += try writer.batch([ExportedUser(user: Self.user("a", [:]))]).text
        text += try writer.batch([]).text
        text += try writer.batch([ExportedUser(user: Self.user("b", [:]))]).text
        text += writer.footer()
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        #expect(parsed?.compactMap { $0["Username"] as? String } == ["a", "b"])
        let empty = UserExportWriter(format: .json, pool: .init(), withGroups: false)
        #expect(empty.header() + empty.footer() == "[]\n")
    }
}
