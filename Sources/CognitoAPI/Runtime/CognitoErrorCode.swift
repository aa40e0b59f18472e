import AWSCore

/// An error code of either Cognito service; the static members are the codes the models declare.
///
/// Match a service error with `error.is(.userNotFoundException)`.
public struct CognitoErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
}

extension AWSServiceError {
    /// The error code as a `CognitoErrorCode`.
    public var cognitoCode: CognitoErrorCode { CognitoErrorCode(rawValue: code) }

    /// Whether the service answered with this code: `error.is(.userNotFoundException)`.
    public func `is`(_ code: CognitoErrorCode) -> Bool { self.code == code.rawValue }
}
