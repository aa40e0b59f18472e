import AWSCore
import Foundation

/// Files in memory, for code that reads and writes through `FileAccess`.
public final class MemoryFiles: FileAccess, @unchecked Sendable {
    private let lock = NSLock()
    private var contents: [String: Data]

    public init(_ files: [String: String] = [:]) {
        contents = files.mapValues { Data($0.utf8) }
    }

    public func read(_ path: String) throws -> Data? { lock.withLock { contents[path] } }
    public func writePrivate(_ path: String, _ data: Data) throws { lock.withLock { contents[path] = data } }
    public func appendPrivate(_ path: String, _ data: Data) throws { lock.withLock { contents[path, default: Data()].append(data) } }
}
