import AWSCore
import Foundation
import CognitoAPI

/// Where a backend points, for the header: the profile, the region, a non-AWS endpoint and
/// whether mutating calls are refused.
public struct BackendInfo: Sendable, Equatable {
    public var profile: String
    public var region: String
    /// Shown only when calls do not go to AWS's own endpoint (e.g. the local emulator).
    public var endpoint: String?
    public var readOnly: Bool
    /// A profile marked `protected: true`: every change asks for the resource's name.
    public var protected: Bool
    /// The rate of each quota category calls are paced at (category → requests per second);
    /// empty when calls are not limited, and then plans state the published defaults.
    public var rates: [String: Double]

    public init(profile: String, region: String, endpoint: String? = nil, readOnly: Bool = false, protected: Bool = false,
                rates: [String: Double] = [:]) {
        self.profile = profile
        self.region = region
        self.endpoint = endpoint
        self.readOnly = readOnly
        self.protected = protected
        self.rates = rates
    }

    /// The quota `operation` counts against in this session, at the rate calls are paced at.
    public func quota(of operation: String) -> OperationQuota? {
        OperationQuota.of(operation, rates: rates)
    }
}

/// Where calls go: every operation of both services (`CognitoOperations`, generated from the
/// model) and where they point. `ClientBackend` forwards to the generated clients; tests answer
/// from memory over `UnansweredBackend`, which fails on any operation a test did not set up.
public protocol CognitoBackend: CognitoOperations {
    var info: BackendInfo { get }
    /// How the session's rate limiter stands (throttles so far, slowed categories); nil when
    /// calls are not limited.
    var rateLimitStatus: RateLimitStatus? { get }
    /// The keys, clock and credential endpoints of sign-in, token checks and temporary
    /// credentials; nil where the backend has none (they are then refused with a sentence).
    var tokenServices: TokenServices? { get }
    /// The same backend for another region: the same profile, credentials and limits, calls
    /// signed for `region` (and sent to the configured endpoint, when there is one).
    /// - Throws: when this backend cannot point elsewhere.
    func inRegion(_ region: String) throws -> any CognitoBackend
    /// When the credentials calls are signed with expire (IAM Identity Center, assumed roles,
    /// `credential_process`, …), resolving them if need be; nil when they do not expire.
    /// - Throws: why there are no credentials (an SSO session to log in to again, …).
    func credentialExpiration() async throws -> Date?
}

extension CognitoBackend {
    public var rateLimitStatus: RateLimitStatus? { nil }
    public var tokenServices: TokenServices? { nil }
    public func credentialExpiration() async throws -> Date? { nil }
    public func inRegion(_ region: String) throws -> any CognitoBackend {
        throw UpdateError("This backend answers for \(info.region) only, not \(region).")
    }
}

/// Makes a backend for another profile or region (`p`, `R`, `:profile`, `:region`); the app
/// supplies it because only the app knows how to build sessions. Errors it throws are shown as
/// one sentence and the console stays where it was.
public typealias BackendFactory = @Sendable (_ profile: String, _ region: String?) throws -> any CognitoBackend
