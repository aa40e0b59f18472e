import CognitoAPI
import Foundation

/// How a user signs in: the `AuthFlow` of `InitiateAuth` (or `AdminInitiateAuth`).
public enum SignInFlow: String, Sendable, CaseIterable {
    /// `ADMIN_USER_PASSWORD_AUTH`: the password sent to `AdminInitiateAuth`, with the caller's IAM credentials.
    case admin = "ADMIN_USER_PASSWORD_AUTH"
    /// `USER_PASSWORD_AUTH`: the password sent to `InitiateAuth`.
    case password = "USER_PASSWORD_AUTH"
    /// `USER_SRP_AUTH`: the password proven by SRP and never sent.
    case srp = "USER_SRP_AUTH"
    /// `REFRESH_TOKEN_AUTH`: new ID and access tokens for a refresh token.
    case refresh = "REFRESH_TOKEN_AUTH"

    /// The `ExplicitAuthFlows` value an app client needs for this flow.
    public var explicitAuthFlow: CognitoIdentityProvider.ExplicitAuthFlowsType {
        switch self {
        case .admin: return .allowAdminUserPasswordAuth
        case .password: return .allowUserPasswordAuth
        case .srp: return .allowUserSrpAuth
        case .refresh: return .allowRefreshTokenAuth
        }
    }
}

/// The tokens of a finished sign-in. Its description masks them.
public struct SignInTokens: Sendable, Equatable, CustomStringConvertible {
    public let idToken: String?
    public let accessToken: String?
    /// Absent after `REFRESH_TOKEN_AUTH`, which keeps the refresh token it was given.
    public let refreshToken: String?
    public let expiresIn: Int?
    public let tokenType: String?

    public init(idToken: String?, accessToken: String?, refreshToken: String?, expiresIn: Int?, tokenType: String?) {
        self.idToken = idToken
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresIn = expiresIn
        self.tokenType = tokenType
    }

    init(_ result: CognitoIdentityProvider.AuthenticationResultType) {
        self.init(idToken: result.idToken, accessToken: result.accessToken, refreshToken: result.refreshToken,
                  expiresIn: result.expiresIn, tokenType: result.tokenType)
    }

    public var description: String {
        "SignInTokens(id: \(idToken == nil ? "none" : "•••"), access: \(accessToken == nil ? "none" : "•••"), "
            + "refresh: \(refreshToken == nil ? "none" : "•••"), expiresIn: \(expiresIn.map(String.init) ?? "?"))"
    }
}

/// Where a sign-in stands: done, or waiting for the answer to a challenge.
public enum SignInStep: Sendable, Equatable {
    case signedIn(SignInTokens)
    case challenge(SignInChallenge)
}

/// A challenge the service set, and what answering it asks of the user.
public struct SignInChallenge: Sendable, Equatable {
    /// What the challenge asks for.
    public enum Kind: Sendable, Equatable {
        /// `NEW_PASSWORD_REQUIRED`: a new password, and values for the attributes listed (the
        /// pool requires them and the user has none).
        case newPassword(requiredAttributes: [String])
        /// `SMS_MFA`: the code texted to `destination` (masked by the service).
        case smsCode(destination: String?)
        /// `EMAIL_OTP`: the code mailed to `destination`.
        case emailCode(destination: String?)
        /// `SOFTWARE_TOKEN_MFA`: the current code of the user's authenticator app.
        case totpCode
        /// `SELECT_MFA_TYPE`: one of `options` (`SMS_MFA`, `SOFTWARE_TOKEN_MFA`, `EMAIL_OTP`).
        case selectMFAType(options: [String])
        /// `MFA_SETUP`: an MFA method must be set up first; `options` from `MFAS_CAN_SETUP`.
        /// For `SOFTWARE_TOKEN_MFA`, call `SignIn.associateSoftwareToken` and answer with a code.
        case mfaSetup(options: [String])
        /// A challenge this library does not answer (`CUSTOM_CHALLENGE`, …).
        case unsupported
    }

    public let name: CognitoIdentityProvider.ChallengeNameType
    public let kind: Kind
    /// The service's parameters, as sent (`USERNAME`, `CODE_DELIVERY_DESTINATION`, …).
    public let parameters: [String: String]
    /// The user name the service knows the user by (answers carry it and their `SECRET_HASH` is over it).
    public let username: String
    /// The session that ties answers to this sign-in; replaced by `associateSoftwareToken`.
    public internal(set) var session: String?
    /// The flow the sign-in started with (admin flows answer through the admin operation).
    public let flow: SignInFlow

    /// What a challenge asks for, from its name and parameters.
    static func kind(_ name: CognitoIdentityProvider.ChallengeNameType, _ parameters: [String: String]) -> Kind {
        func list(_ key: String) -> [String] {
            // Lists come as JSON arrays in a string: "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]".
            guard let text = parameters[key] else { return [] }
            if let data = text.data(using: .utf8), let array = try? JSONDecoder().decode([String].self, from: data) { return array }
            return text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        }
        switch name {
        case .newPasswordRequired:
            // The attribute names come as `userAttributes.email`.
            return .newPassword(requiredAttributes: list("requiredAttributes").map {
                $0.hasPrefix("userAttributes.") ? String($0.dropFirst("userAttributes.".count)) : $0 })
        case .smsMfa: return .smsCode(destination: parameters["CODE_DELIVERY_DESTINATION"])
        case .emailOtp: return .emailCode(destination: parameters["CODE_DELIVERY_DESTINATION"])
        case .softwareTokenMfa: return .totpCode
        case .selectMfaType: return .selectMFAType(options: list("MFAS_CAN_CHOOSE"))
        case .mfaSetup: return .mfaSetup(options: list("MFAS_CAN_SETUP"))
        default: return .unsupported
        }
    }
}

/// An answer to a challenge.
public enum ChallengeAnswer: Sendable, Equatable {
    /// For `NEW_PASSWORD_REQUIRED`; `attributes` are the required ones (`name` → value).
    case newPassword(String, attributes: [String: String] = [:])
    /// For `SMS_MFA`, `EMAIL_OTP`, `SOFTWARE_TOKEN_MFA`, and `MFA_SETUP` after `associateSoftwareToken`.
    case code(String)
    /// For `SELECT_MFA_TYPE`.
    case mfaType(String)
}

/// An authenticator app's secret from `AssociateSoftwareToken`, and the `otpauth://` URI a QR
/// code carries. Its description masks the secret.
public struct TOTPSetup: Sendable, Equatable, CustomStringConvertible {
    public let secret: String
    public let uri: String

    public var description: String { "TOTPSetup(secret: •••)" }

    /// `otpauth://totp/<issuer>:<account>?secret=…&issuer=…` (the Key Uri Format of Google Authenticator).
    public init(secret: String, account: String, issuer: String) {
        self.secret = secret
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func escape(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s }
        uri = "otpauth://totp/\(escape(issuer)):\(escape(account))?secret=\(secret)&issuer=\(escape(issuer))"
    }
}

/// Why a sign-in cannot go on, before or without a call to the service.
public enum SignInError: Error, Equatable, CustomStringConvertible {
    /// The app client does not allow the flow (its `ExplicitAuthFlows`).
    case flowNotAllowed(SignInFlow, allowed: [String])
    /// The answer does not fit the challenge.
    case answerDoesNotFit(challenge: String)
    /// The challenge is not one this library answers.
    case unsupportedChallenge(String)
    /// The reply had neither tokens nor a challenge.
    case emptyReply(operation: String)
    /// The SRP values of the challenge are unusable.
    case srp(SRPError)
    /// `VerifySoftwareToken` did not accept the code.
    case softwareTokenNotVerified(status: String?)

    public var description: String {
        switch self {
        case .flowNotAllowed(let flow, let allowed):
            return "the app client does not allow \(flow.rawValue) (it allows \(allowed.isEmpty ? "no flows" : allowed.joined(separator: ", ")))"
        case .answerDoesNotFit(let challenge): return "that answer does not fit the \(challenge) challenge"
        case .unsupportedChallenge(let name): return "the \(name) challenge is not supported"
        case .emptyReply(let operation): return "\(operation) returned neither tokens nor a challenge"
        case .srp(let error): return error.description
        case .softwareTokenNotVerified(let status): return "the authenticator code was not accepted (\(status ?? "no status"))"
        }
    }
}
