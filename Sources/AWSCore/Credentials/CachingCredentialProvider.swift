import Foundation

/// Keeps the credentials a provider gave and asks it again only as they near their expiration;
/// concurrent callers share one refresh.
///
/// Two windows, as the AWS SDKs use them (botocore's advisory and mandatory refresh): inside the
/// advisory window a refresh is tried but the old credentials are still returned if it fails;
/// inside the mandatory window the old credentials are no longer returned. Credentials without an
/// expiration are kept for good.
public actor CachingCredentialProvider: CredentialProvider {
    private let base: any CredentialProvider
    private let now: @Sendable () -> Date
    private let advisoryWindow: TimeInterval
    private let mandatoryWindow: TimeInterval
    private var cached: Credentials?
    /// When `cached` was fetched, to scale the windows to short-lived credentials.
    private var fetchedAt: Date?
    private var refreshing: Task<Credentials, any Error>?

    /// - Parameters:
    ///   - base: the provider to ask.
    ///   - now: the clock, from the `RuntimeContext`.
    ///   - advisoryWindow: refresh this long before expiration, keeping the old ones on failure.
    ///   - mandatoryWindow: this close to expiration the old ones are not used any more.
    public init(_ base: any CredentialProvider, now: @escaping @Sendable () -> Date,
                advisoryWindow: Duration = .seconds(15 * 60), mandatoryWindow: Duration = .seconds(10 * 60)) {
        self.base = base
        self.now = now
        self.advisoryWindow = Self.seconds(advisoryWindow)
        self.mandatoryWindow = Self.seconds(min(mandatoryWindow, advisoryWindow))
    }

    /// The cached credentials while they are fresh enough, else new ones from the base provider.
    public func credentials() async throws -> Credentials {
        guard let cached, let expiration = cached.expiration else {
            if let cached { return cached }
            return try await refresh()
        }
        let current = now()
        let remaining = expiration.timeIntervalSince(current)
        // Credentials that live less than twice the window (a 15-minute role session, say) would
        // otherwise be refreshed on every call: scale both windows to half their lifetime.
        let lifetime = fetchedAt.map { expiration.timeIntervalSince($0) } ?? .infinity
        let advisory = min(advisoryWindow, lifetime / 2)
        let mandatory = min(mandatoryWindow, lifetime / 3)
        if remaining > advisory { return cached }
        if remaining > mandatory {
            // Advisory refresh: a failure here must not break calls that still have time.
            return (try? await refresh()) ?? cached
        }
        return try await refresh()
    }

    /// Forgets the cached credentials, so that the next call asks the base provider again
    /// (after the service rejected them, for instance).
    public func invalidate() async {
        cached = nil
    }

    private func refresh() async throws -> Credentials {
        if let refreshing { return try await refreshing.value }
        let base = self.base
        let task = Task { try await base.credentials() }
        refreshing = task
        defer { refreshing = nil }
        let fresh = try await task.value
        cached = fresh
        fetchedAt = now()
        return fresh
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
