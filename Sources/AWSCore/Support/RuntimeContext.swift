import Foundation

/// Every effect the runtime has on the world, injected: environment variables, files, the clock,
/// sleeping and running processes. Nothing below this type calls `getenv`, `Date()` or the file
/// system directly, so tests can describe a whole machine with values.
public struct RuntimeContext: Sendable {
    /// Environment variables as the process would see them.
    public var environment: [String: String]
    /// Reads and writes files.
    public var files: any FileAccess
    /// The current time.
    public var now: @Sendable () -> Date
    /// Suspends the caller; throws `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Runs an external command (for `credential_process`).
    public var processRunner: any ProcessRunning
    /// Asks the operator for a one-time code (for `mfa_serial`); nil when there is no terminal.
    public var prompt: (@Sendable (String) -> String?)?

    public init(
        environment: [String: String],
        files: any FileAccess = LocalFiles(),
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        processRunner: any ProcessRunning = LocalProcessRunner(),
        prompt: (@Sendable (String) -> String?)? = nil
    ) {
        self.environment = environment
        self.files = files
        self.now = now
        self.sleep = sleep
        self.processRunner = processRunner
        self.prompt = prompt
    }

    /// The context of the running process.
    public static func live() -> RuntimeContext {
        RuntimeContext(
            environment: ProcessInfo.processInfo.environment,
            prompt: TerminalPrompt.readCode
        )
    }

    /// The user's home directory: `HOME`, else the password database.
    public var homeDirectory: String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return NSHomeDirectory()
    }

    /// Expands a leading `~` the way the AWS CLI does for file settings.
    public func expandingTilde(_ path: String) -> String {
        if path == "~" { return homeDirectory }
        if path.hasPrefix("~/") { return homeDirectory + String(path.dropFirst(1)) }
        return path
    }

    /// A non-empty environment variable, or nil.
    public func env(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}

/// Reads and writes files.
public protocol FileAccess: Sendable {
    /// The file's bytes, or nil when it does not exist.
    func read(_ path: String) throws -> Data?
    /// Writes the file atomically, creating parent folders, readable by the owner only.
    func writePrivate(_ path: String, _ data: Data) throws
    /// Adds the bytes at the end of the file in one write, creating it (readable by the owner
    /// only) and its parent folders when missing; logs use this, so that lines written at the
    /// same time from several tasks or processes never interleave.
    func appendPrivate(_ path: String, _ data: Data) throws
}

extension FileAccess {
    /// Read, extend, write back: correct for stores only this process uses (tests' in-memory
    /// files); `LocalFiles` appends in place instead.
    public func appendPrivate(_ path: String, _ data: Data) throws {
        try writePrivate(path, (try read(path) ?? Data()) + data)
    }
}

/// A file that cannot be read or written.
public struct FileAccessError: LocalizedError, CustomStringConvertible {
    public enum Operation: String, Sendable { case read, written }

    public var path: String
    public var reason: String
    public var operation: Operation = .read
    public var description: String { "\(path) cannot be \(operation.rawValue): \(reason.lowercased())" }
    public var errorDescription: String? { reason.lowercased() }
}

/// The real file system.
public struct LocalFiles: FileAccess {
    public init() {}

    public func read(_ path: String) throws -> Data? {
        // Plain stdio, so that character devices such as /dev/null read as empty files.
        guard let file = fopen(path, "rb") else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw FileAccessError(path: path, reason: String(cString: strerror(code)))
        }
        defer { fclose(file) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n > 0 { data.append(buffer, count: n) }
            if n < buffer.count {
                if ferror(file) != 0 { throw FileAccessError(path: path, reason: String(cString: strerror(errno))) }
                break
            }
        }
        return data
    }

    public func writePrivate(_ path: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        try data.write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    public func appendPrivate(_ path: String, _ data: Data) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw FileAccessError(path: path, reason: Self.reason(error), operation: .written)
            }
        }
        // O_APPEND makes each write land at the end even with other writers; 0600 applies only
        // when the file is created, so a file the user made with other permissions keeps them.
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw FileAccessError(path: path, reason: String(cString: strerror(errno)), operation: .written)
        }
        defer { close(fd) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileAccessError(path: path, reason: String(cString: strerror(errno)), operation: .written)
                }
                offset += n
            }
        }
    }

    /// The system's words for a Foundation file error, without Foundation's sentence around them.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
