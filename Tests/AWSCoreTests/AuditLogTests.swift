import Foundation
import Testing
@testable import AWSCore

/// Files in memory that remember how each was made: the audit log and the trace must go
/// through `FileAccess`, and only through its private operations.
final class AppendRecordingFiles: FileAccess, @unchecked Sendable {
    private let lock = NSLock()
    private var contents: [String: Data] = [:]
    private var modes: [String: Int] = [:]
    /// Paths whose writes fail, as a full disk or a read-only folder would.
    var failing: Set<String> = []

    func read(_ path: String) throws -> Data? { lock.withLock { contents[path] } }

    func writePrivate(_ path: String, _ data: Data) throws {
        try lock.withLock {
            if failing.contains(path) { throw FileAccessError(path: path, reason: "No space left on device", operation: .written) }
            contents[path] = data
            modes[path] = 0o600
        }
    }

    func appendPrivate(_ path: String, _ data: Data) throws {
        try lock.withLock {
            if failing.contains(path) { throw FileAccessError(path: path, reason: "No space left on device", operation: .written) }
            if contents[path] == nil { modes[path] = 0o600 }
            contents[path, default: Data()].append(data)
        }
    }

    func text(_ path: String) -> String? { lock.withLock { contents[path].map { String(decoding: $0, as: UTF8.self) } } }
    func mode(_ path: String) -> Int? { lock.withLock { modes[path] } }
}

/// Collects the sentences an observer reports.
final class Messages: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    var all: [String] { lock.withLock { list } }
    func add(_ text: String) { lock.withLock { list.append(text) } }
}

@Suite("Audit log and --log-file through the injected file access", .timeLimit(.minutes(5)))
struct AuditLogTests {
    /// A place on the real disk that must stay untouched: the log goes to memory.
    static let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("audit-\(UUID().uuidString)/cognito-tui/audit.jsonl").path
    static let started = Date(timeIntervalSince1970: 1_893_456_000)

    func record(_ operation: String, mutates: Bool, error: String? = nil) -> CallRecord {
        CallRecord(service: "cognito-idp", operation: operation, started: Self.started, duration: 0.25,
                   status: error == nil ? 200 : 400, attempts: 1, requestId: "req-1", errorCode: error,
                   mutates: mutates, redactedInput: mutates ? #"{"Username":"alice"}"# : nil,
                   region: "us-east-1", endpoint: "https://cognito-idp.us-east-1.amazonaws.com")
    }

    @Test("changes are appended as JSON lines to a private file; reads are not logged")
    func appendsLines() throws {
        let files = AppendRecordingFiles()
        let messages = Messages()
        let log = AuditLog(path: Self.path, profile: "prod", files: files, onError: { messages.add($0) })
        log.didFinish(record("AdminDisableUser", mutates: true))
        log.didFinish(record("ListUsers", mutates: false))
        log.didFinish(record("AdminDeleteUser", mutates: true, error: "UserNotFoundException"))
        let text = try #require(files.text(Self.path))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && text.hasSuffix("\n"))
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["time"] as? String == "2030-01-01T00:00:00Z")
        #expect(first["operation"] as? String == "AdminDisableUser")
        #expect(first["profile"] as? String == "prod")
        #expect(first["outcome"] as? String == "ok")
        #expect((first["input"] as? [String: Any])?["Username"] as? String == "alice")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["outcome"] as? String == "failed" && second["error"] as? String == "UserNotFoundException")
        #expect(files.mode(Self.path) == 0o600)
        #expect(messages.all.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: Self.path), "the log went to the real disk")
    }

    @Test("a log that cannot be written is reported once, in one sentence")
    func writeFailureReportedOnce() {
        let files = AppendRecordingFiles()
        files.failing = [Self.path]
        let messages = Messages()
        let log = AuditLog(path: Self.path, files: files, onError: { messages.add($0) })
        log.didFinish(record("AdminDisableUser", mutates: true))
        log.didFinish(record("AdminEnableUser", mutates: true))
        #expect(messages.all == ["The audit log \(Self.path) cannot be written: no space left on device."])
    }

    @Test("the --log-file trace appends through the file access, created private")
    func traceAppends() throws {
        let files = AppendRecordingFiles()
        let trace = try LogFile.trace(path: "/logs/trace.log", files: files)
        #expect(files.text("/logs/trace.log") == "", "the file is created before the first call")
        #expect(files.mode("/logs/trace.log") == 0o600)
        trace.didFinish(record("ListUsers", mutates: false))
        trace.didFinish(record("ListGroups", mutates: false))
        let text = try #require(files.text("/logs/trace.log"))
        #expect(text.contains("=== ListUsers: 200") && text.contains("=== ListGroups: 200"))
        #expect(text.components(separatedBy: "\n").count == 3)
    }

    @Test("a --log-file that cannot be opened stops the command before any call")
    func traceOpenFailure() {
        let files = AppendRecordingFiles()
        files.failing = ["/logs/trace.log"]
        #expect(throws: AWSClientError.configuration(
            "The log file `/logs/trace.log` cannot be opened: no space left on device.")) {
            _ = try LogFile.trace(path: "/logs/trace.log", files: files)
        }
    }

    @Test("the real file system appends in place, creating the file 0600 and its folder 0700")
    func localFilesAppendPrivately() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("append-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/state/audit.jsonl"
        try LocalFiles().appendPrivate(path, Data("one\n".utf8))
        try LocalFiles().appendPrivate(path, Data("two\n".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\ntwo\n")
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: root + "/state")[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
    }

    @Test("the real file system says why an append failed")
    func localFilesAppendFailure() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("append-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        // A folder where the file should be.
        try FileManager.default.createDirectory(atPath: root + "/audit.jsonl", withIntermediateDirectories: true)
        #expect(throws: FileAccessError.self) { try LocalFiles().appendPrivate(root + "/audit.jsonl", Data("x".utf8)) }
        do { try LocalFiles().appendPrivate(root + "/audit.jsonl", Data("x".utf8)) } catch {
            #expect("\(error)" == "\(root)/audit.jsonl cannot be written: is a directory")
        }
    }
}
