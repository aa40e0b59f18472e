import CognitoAPI

/// A user's MFA methods, as `AdminGetUser` reports them and `AdminSetUserMFAPreference` sets them.
public struct MFASettings: Sendable, Equatable {
    public enum Method: String, Sendable, CaseIterable {
        case sms = "SMS_MFA", totp = "SOFTWARE_TOKEN_MFA", email = "EMAIL_OTP"
    }
    /// The methods the user may be asked for.
    public var enabled: Set<Method>
    /// The one asked for first; it must be enabled.
    public var preferred: Method?

    public init(enabled: Set<Method>, preferred: Method?) {
        self.enabled = enabled
        self.preferred = preferred
    }

    public init(_ user: CognitoIdentityProvider.AdminGetUserResponse) {
        enabled = Set((user.userMFASettingList ?? []).compactMap(Method.init(rawValue:)))
        preferred = user.preferredMfaSetting.flatMap(Method.init(rawValue:))
    }
}

/// MFA, remembered devices and sign-in events of one user.
public enum UserSecurity {
    /// Reads the MFA settings (`AdminGetUser`).
    public static func mfa(_ backend: any CognitoBackend, pool: String, username: String) async throws -> MFASettings {
        MFASettings(try await backend.adminGetUser(.init(userPoolId: pool, username: username)))
    }

    /// Sets the MFA settings (`AdminSetUserMFAPreference`); a preferred method must be enabled.
    /// - Throws: `UpdateError` for a preferred method that is not enabled; nothing is sent then.
    public static func setMFA(_ backend: any CognitoBackend, pool: String, username: String, _ settings: MFASettings) async throws {
        if let preferred = settings.preferred, !settings.enabled.contains(preferred) {
            throw UpdateError("The preferred method must be one of the enabled ones.")
        }
        func method(_ kind: MFASettings.Method) -> (enabled: Bool, preferred: Bool) {
            (settings.enabled.contains(kind), settings.preferred == kind)
        }
        let sms = method(.sms), totp = method(.totp), email = method(.email)
        _ = try await backend.adminSetUserMFAPreference(.init(
            smsMfaSettings: .init(enabled: sms.enabled, preferredMfa: sms.preferred),
            softwareTokenMfaSettings: .init(enabled: totp.enabled, preferredMfa: totp.preferred),
            emailMfaSettings: .init(enabled: email.enabled, preferredMfa: email.preferred),
            username: username, userPoolId: pool))
    }

    /// Marks a device remembered or not (`AdminUpdateDeviceStatus`).
    public static func setRemembered(_ backend: any CognitoBackend, pool: String, username: String, device: String,
                                     remembered: Bool) async throws {
        _ = try await backend.adminUpdateDeviceStatus(.init(userPoolId: pool, username: username, deviceKey: device,
                                                            deviceRememberedStatus: remembered ? .remembered : .notRemembered))
    }

    /// Forgets a device (`AdminForgetDevice`): the user is asked for MFA on it again.
    public static func forget(_ backend: any CognitoBackend, pool: String, username: String, device: String) async throws {
        try await backend.adminForgetDevice(.init(userPoolId: pool, username: username, deviceKey: device))
    }

    /// Tells Cognito's threat protection whether a sign-in was the user's (`AdminUpdateAuthEventFeedback`).
    public static func feedback(_ backend: any CognitoBackend, pool: String, username: String, event: String, valid: Bool) async throws {
        _ = try await backend.adminUpdateAuthEventFeedback(.init(userPoolId: pool, username: username, eventId: event,
                                                                  feedbackValue: valid ? .valid : .invalid))
    }
}

/// An external identity linked to a user (the `identities` attribute Cognito keeps).
public struct LinkedIdentity: Sendable, Equatable {
    public var providerName: String
    public var userId: String
    public var providerType: String?
    public var created: String?

    /// The links the user's `identities` attribute lists; a value that is not the JSON array
    /// Cognito writes gives none.
    public static func parse(_ attribute: String?) -> [LinkedIdentity] {
        guard let attribute, let data = attribute.data(using: .utf8),
              let value = try? JSONValue(json: data), case .array(let items) = value else { return [] }
        return items.compactMap { item in
            guard let provider = item["providerName"]?.text, let user = item["userId"]?.text else { return nil }
            return LinkedIdentity(providerName: provider, userId: user, providerType: item["providerType"]?.text,
                                  created: item["dateCreated"]?.text)
        }
    }
}

extension UserSecurity {
    /// The identities linked to the user.
    public static func linked(_ backend: any CognitoBackend, pool: String, username: String) async throws -> [LinkedIdentity] {
        let user = try await backend.adminGetUser(.init(userPoolId: pool, username: username))
        return LinkedIdentity.parse(user.userAttributes?.first { $0.name == "identities" }?.value)
    }

    /// Links an external provider's user to this user (`AdminLinkProviderForUser`): signing in
    /// through the provider then signs in as this user.
    public static func link(_ backend: any CognitoBackend, pool: String, username: String, provider: String,
                            attributeName: String, attributeValue: String) async throws {
        _ = try await backend.adminLinkProviderForUser(.init(
            userPoolId: pool,
            destinationUser: .init(providerName: "Cognito", providerAttributeValue: username),
            sourceUser: .init(providerName: provider, providerAttributeName: attributeName, providerAttributeValue: attributeValue)))
    }

    /// Unlinks a provider's user (`AdminDisableProviderForUser`).
    public static func unlink(_ backend: any CognitoBackend, pool: String, provider: String, userId: String) async throws {
        _ = try await backend.adminDisableProviderForUser(.init(
            userPoolId: pool, user: .init(providerName: provider, providerAttributeName: "Cognito_Subject", providerAttributeValue: userId)))
    }
}
