import AWSCore
import CognitoAPI

/// How far a scan has gone.
public struct ScanProgress: Sendable, Equatable {
    /// Users the service has returned so far.
    public var scanned: Int
    /// The pool's `EstimatedNumberOfUsers` (DescribeUserPool), nil when it could not be read.
    public var estimated: Int?
    /// Users that met the condition so far.
    public var matches: Int
    /// ListUsers pages received so far.
    public var pages: Int

    public init(scanned: Int = 0, estimated: Int? = nil, matches: Int = 0, pages: Int = 0) {
        self.scanned = scanned
        self.estimated = estimated
        self.matches = matches
        self.pages = pages
    }
}

/// Lists a pool's users at the quota rather than one page per round trip, keeping those that
/// meet a condition.
///
/// ListUsers returns at most 60 users a page and each page needs the previous one's token, so a
/// single chain of pages goes no faster than the service answers. A full scan is therefore split
/// into sixteen chains over disjoint server filters, `sub ^= "0"` … `sub ^= "f"` (every user's
/// `sub` is a UUID in lowercase hexadecimal), run together; the session's rate limiter paces
/// every call (`UserList`), so together they run at the quota and never above it. When the
/// condition has a clause the service can answer (`UserCondition.serverFilter`), one chain with
/// that filter is used instead, and so is one chain without a filter for a pool the service
/// estimates at two pages or less. Every user returned is checked against the whole condition.
///
/// Pages are handed on one at a time, in the order they arrive, while the next pages are being
/// fetched; at most one page per chain is in flight, so memory stays flat whatever the pool's
/// size. Cancelling the task stops the scan: waits and calls under way end with
/// `CancellationError`.
public struct UserScan: Sendable {
    public let backend: any CognitoBackend
    public let pool: String
    public let condition: UserCondition?
    public let partitioned: Bool

    /// The page size asked for: the most ListUsers returns.
    static let pageSize = 60
    /// The first characters a `sub` can start with.
    static let subPrefixes = Array("0123456789abcdef")

    /// - Parameters:
    ///   - backend: where calls go; its client's rate limiter paces them.
    ///   - pool: the user pool's id.
    ///   - condition: the users to keep; nil keeps all.
    ///   - partitioned: split a scan without a server filter into parallel chains; false lists
    ///     through one chain.
    public init(backend: any CognitoBackend, pool: String, condition: UserCondition? = nil, partitioned: Bool = true) {
        self.backend = backend
        self.pool = pool
        self.condition = condition
        self.partitioned = partitioned
    }

    /// A pool the service estimates at no more than this many users (two pages) is listed
    /// through one chain: sixteen chains would cost more calls than they save.
    static let smallPool = 2 * pageSize

    /// The server filter of each chain a scan of a large pool uses; nil lists without one.
    public var chainFilters: [String?] {
        if let filter = condition?.serverFilter { return [filter] }
        guard partitioned else { return [nil] }
        return Self.subPrefixes.map { "sub ^= \"\($0)\"" }
    }

    /// Calls `onBatch` with each page's matches (possibly empty) and the progress so far; returns the final progress.
    ///
    /// `onBatch` is called for one page at a time, never concurrently; the scan waits for it
    /// before it hands on the next page (pages already asked for keep coming meanwhile).
    /// - Throws: what a call or `onBatch` throws (the other chains are then cancelled), or
    ///   `CancellationError`.
    public func run(_ onBatch: @escaping @Sendable ([UserRecord], ScanProgress) async throws -> Void) async throws -> ScanProgress {
        try await runUsers { users, progress in try await onBatch(users.map(UserRecord.init), progress) }
    }

    /// `run`, handing on the users as ListUsers returned them (the service's shape, for JSON output).
    public func runUsers(_ onBatch: @escaping @Sendable ([CognitoIdentityProvider.UserType], ScanProgress) async throws -> Void)
        async throws -> ScanProgress {
        var progress = ScanProgress(estimated: try await estimatedUsers())
        let filters = chainFilters(estimated: progress.estimated)
        try await withThrowingTaskGroup(of: Page.self) { group in
            var trails = [TokenTrail](repeating: TokenTrail(), count: filters.count)
            for (chain, filter) in filters.enumerated() {
                group.addTask { try await fetch(chain: chain, filter: filter, token: nil) }
            }
            while let page = try await group.next() {
                try Task.checkCancellation()
                if let token = try trails[page.chain].next(after: page.next, items: page.users.count) {
                    let filter = filters[page.chain]
                    group.addTask { try await fetch(chain: page.chain, filter: filter, token: token) }
                }
                let found = condition.map { condition in page.users.filter { condition.matches(UserRecord($0)) } } ?? page.users
                progress.pages += 1
                progress.scanned += page.users.count
                progress.matches += found.count
                try await onBatch(found, progress)
            }
        }
        return progress
    }

    /// The chains for a pool of about `estimated` users.
    func chainFilters(estimated: Int?) -> [String?] {
        let filters = chainFilters
        if filters.count > 1, let estimated, estimated <= Self.smallPool { return [nil] }
        return filters
    }

    struct Page: Sendable {
        var chain: Int
        var users: [CognitoIdentityProvider.UserType]
        var next: String?
    }

    func fetch(chain: Int, filter: String?, token: String?) async throws -> Page {
        let (users, next) = try await Paging.listUsers.page(.init(userPoolId: pool, filter: filter), token: token,
                                                            limit: Self.pageSize) { try await backend.listUsers($0) }
        return Page(chain: chain, users: users, next: next)
    }

    /// The pool's estimated number of users, for progress; nil when DescribeUserPool is refused
    /// or fails (the scan itself says whether the pool is there).
    func estimatedUsers() async throws -> Int? {
        do {
            return try await backend.describeUserPool(.init(userPoolId: pool)).userPool?.estimatedNumberOfUsers
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            try Task.checkCancellation()
            return nil
        }
    }
}
