import AWSCore
import CognitoAdmin
import CognitoAPI
import ConsoleTestSupport
import Foundation
import Testing

/// Each operator of the condition language over a scan of a small pool in the emulator: the
/// users found are exactly those the condition names, whether the service answered a clause
/// (one chain with its filter) or the pool was scanned whole.
@Suite("User conditions against the emulator", .timeLimit(.minutes(5)))
struct UserConditionEmulatorTests {
    static let seeded = Task<String, Error> {
        let backend = try EmulatorBackend.make()
        let pool = try #require(try await backend.createUserPool(.init(poolName: EmulatorBackend.unique("where"))).userPool?.id)
        _ = try await backend.addCustomAttributes(.init(userPoolId: pool, customAttributes: [
            .init(name: "seats", attributeDataType: .number), .init(name: "tier", attributeDataType: .string),
        ]))
        let users: [(String, [String: String])] = [
            ("ann", ["email": "ann@example.com", "given_name": "Ann", "custom:seats": "12", "custom:tier": "gold"]),
            ("ann2", ["email": "ANN@example.com", "given_name": "ANN", "custom:seats": "3"]),
            ("bob", ["email": "bob@example.org", "given_name": "Bob", "custom:tier": "silver \"plus\""]),
            ("carol", ["phone_number": "+442071838750", "custom:seats": "7", "custom:tier": "gold"]),
            ("dave", [:]),
        ]
        for (name, attributes) in users {
            _ = try await backend.adminCreateUser(.init(
                userPoolId: pool, username: name, userAttributes: attributes.map { .init(name: $0.key, value: $0.value) },
                messageAction: .suppress))
        }
        _ = try await backend.adminDisableUser(.init(userPoolId: pool, username: "bob"))
        _ = try await backend.adminSetUserPassword(.init(userPoolId: pool, username: "carol", password: "Passw0rd!carol", permanent: true))
        return pool
    }

    /// The usernames a scan for `text` finds, and the number of chains it used.
    func find(_ text: String) async throws -> (names: Set<String>, chains: Int) {
        let scan = UserScan(backend: try EmulatorBackend.make(), pool: try await Self.seeded.value,
                            condition: try UserCondition.parse(text))
        let found = Found()
        _ = try await scan.run { users, _ in found.add(users.map(\.username)) }
        return (found.names, scan.chainFilters.count)
    }

    final class Found: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [String] = []
        func add(_ names: [String]) { lock.withLock { all += names } }
        var names: Set<String> { lock.withLock { Set(all) } }
    }

    static let cases: [(condition: String, expected: Set<String>, chains: Int)] = [
        // The service answers email = without regard to case; the local check keeps the exact one.
        (#"email = "ann@example.com""#, ["ann"], 1),
        (#"email != "ann@example.com""#, ["ann2", "bob", "carol", "dave"], 16),
        (#"given_name ^= "An""#, ["ann"], 1),
        (#"email $= "@example.com""#, ["ann", "ann2"], 16),
        (#"custom:tier *= "\"plus\"""#, ["bob"], 16),
        (#"email ~ "(?i)^ann@""#, ["ann", "ann2"], 16),
        (#"custom:seats < "10""#, ["ann2", "carol"], 16),
        (#"custom:seats > "5""#, ["ann", "carol"], 16),
        (#"created > "2000-01-01" and created < "2100-01-01""#, ["ann", "ann2", "bob", "carol", "dave"], 16),
        (#"modified < "2000-01-01""#, [], 16),
        (#"status = "confirmed""#, ["carol"], 1),
        (#"enabled = "no""#, ["bob"], 1),
        (#"username ^= "ann" and custom:seats > "5""#, ["ann"], 1),
        (#"custom:tier = "gold" and phone_number ^= "+44""#, ["carol"], 1),
    ]

    @Test("each operator finds exactly the users it names", arguments: cases)
    func operatorFinds(_ item: (condition: String, expected: Set<String>, chains: Int)) async throws {
        let (names, chains) = try await find(item.condition)
        #expect(names == item.expected)
        #expect(chains == item.chains)
    }
}
