import AWSCore
import CognitoAPI

/// The admin user lifecycle, one function per thing an administrator does to a user. Each is
/// one or two calls; the console's actions and the command line both call these.
public enum UserAdmin {
    /// Disables sign-in for the user (`AdminDisableUser`); existing tokens stay valid until they expire.
    public static func disable(_ backend: any CognitoBackend, pool: String, username: String) async throws {
        _ = try await backend.adminDisableUser(.init(userPoolId: pool, username: username))
    }

    /// Enables sign-in again (`AdminEnableUser`).
    public static func enable(_ backend: any CognitoBackend, pool: String, username: String) async throws {
        _ = try await backend.adminEnableUser(.init(userPoolId: pool, username: username))
    }

    /// Deletes the user (`AdminDeleteUser`); this cannot be undone.
    public static func delete(_ backend: any CognitoBackend, pool: String, username: String) async throws {
        try await backend.adminDeleteUser(.init(userPoolId: pool, username: username))
    }

    /// Signs the user out of every device (`AdminUserGlobalSignOut`): their refresh tokens stop
    /// working; access and ID tokens already issued stay valid until they expire.
    public static func signOutEverywhere(_ backend: any CognitoBackend, pool: String, username: String) async throws {
        _ = try await backend.adminUserGlobalSignOut(.init(userPoolId: pool, username: username))
    }

    /// Reads the user (`AdminGetUser`).
    public static func get(_ backend: any CognitoBackend, pool: String, username: String) async throws -> UserRecord {
        UserRecord(try await backend.adminGetUser(.init(userPoolId: pool, username: username)))
    }
}
