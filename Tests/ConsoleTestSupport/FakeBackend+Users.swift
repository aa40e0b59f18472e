import CognitoAPI
import Foundation

extension FakeBackend {
    /// A backend with two pools, the first, `pool-a` (`us-east-1_A`), holding `userCount` users
    /// named `user000`… (every fifth disabled), the group `admins` and the app client `web`
    /// (`client1`, with a secret).
    public static func withUsers(_ userCount: Int, pageSize: Int = 10) -> FakeBackend {
        let backend = FakeBackend()
        backend.pageSize = pageSize
        backend.pools = [
            IDP.UserPoolType(id: "us-east-1_A", name: "pool-a", mfaConfiguration: .optional, estimatedNumberOfUsers: userCount,
                             domain: "pool-a-login", arn: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_A"),
            IDP.UserPoolType(id: "us-east-1_B", name: "pool-b"),
        ]
        backend.users["us-east-1_A"] = (0..<userCount).map { index in
            IDP.UserType(username: String(format: "user%03d", index),
                         attributes: [.init(name: "sub", value: sub(index)),
                                      .init(name: "email", value: String(format: "u%03d@example.com", index))],
                         enabled: index % 5 != 0, userStatus: .confirmed)
        }
        backend.groups["us-east-1_A"] = [IDP.GroupType(groupName: "admins", userPoolId: "us-east-1_A", description: "Administrators", precedence: 1)]
        backend.clients["us-east-1_A"] = [IDP.UserPoolClientType(userPoolId: "us-east-1_A", clientName: "web", clientId: "client1",
                                                                 clientSecret: "s3cr3t-value")]
        return backend
    }

    /// A `sub` for the user numbered `index`: lowercase hexadecimal in the UUID's shape, its
    /// first digit spread over all sixteen, as real ones are (so scans over sub prefixes find
    /// every user).
    public static func sub(_ index: Int) -> String {
        let spread = UInt32(truncatingIfNeeded: index &* 2_654_435_761)
        return String(format: "%08x-0000-4000-8000-%012x", spread, index)
    }
}
