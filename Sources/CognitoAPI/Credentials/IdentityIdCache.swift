import AWSCore
import Foundation

/// Where resolved identity ids are kept between credential fetches, keyed per identity pool and
/// user (as the AWS SDK for JavaScript keeps them in its storage).
public protocol IdentityIdCache: Sendable {
    func identityId(forKey key: String) async -> String?
    func setIdentityId(_ id: String, forKey key: String) async
    func removeIdentityId(forKey key: String) async
}

/// Identity ids in memory, for the life of the process (the default).
public actor MemoryIdentityIdCache: IdentityIdCache {
    private var ids: [String: String] = [:]

    public init() {}

    public func identityId(forKey key: String) -> String? { ids[key] }
    public func setIdentityId(_ id: String, forKey key: String) { ids[key] = id }
    public func removeIdentityId(forKey key: String) { ids[key] = nil }
}

/// Identity ids in a JSON file (an object of key → id), written readable by the owner only,
/// so that a guest or a user keeps the same identity across runs.
public actor FileIdentityIdCache: IdentityIdCache {
    private let path: String
    private let files: any FileAccess

    /// - Parameters:
    ///   - path: the file; made on first write.
    ///   - files: file access (`RuntimeContext.files`).
    public init(path: String, files: any FileAccess) {
        self.path = path
        self.files = files
    }

    public func identityId(forKey key: String) -> String? { load()[key] }

    public func setIdentityId(_ id: String, forKey key: String) {
        var ids = load()
        ids[key] = id
        save(ids)
    }

    public func removeIdentityId(forKey key: String) {
        var ids = load()
        guard ids.removeValue(forKey: key) != nil else { return }
        save(ids)
    }

    private func load() -> [String: String] {
        guard let data = try? files.read(path) else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: data)) ?? [:]
    }

    /// A cache that cannot be written only costs a `GetId` next time, so failures are ignored.
    private func save(_ ids: [String: String]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(ids) else { return }
        try? files.writePrivate(path, data)
    }
}
