import Foundation
import Testing
@testable import AWSCore

// Test doubles for the configuration and credential tests. (The file name follows the
// `Credential*Tests.swift` pattern of the files this part of the project owns.)
// No test here reads the real ~/.aws, the real environment, or reaches 169.254.169.254.

/// The home folder of every test machine.
let testHome = "/home/tester"
/// A fixed "now": 2030-01-01T00:00:00Z.
let testNow = Date(timeIntervalSince1970: 1_893_456_000)

/// A file system in memory, by absolute path.
final class MemoryFiles: FileAccess, @unchecked Sendable {
    private let lock = NSLock()
    private var contents: [String: Data]
    /// Paths that throw when read, to stand for unreadable files.
    var unreadable: Set<String> = []

    init(_ files: [String: String] = [:]) {
        contents = files.mapValues { Data($0.utf8) }
    }

    func read(_ path: String) throws -> Data? {
        lock.lock(); defer { lock.unlock() }
        if unreadable.contains(path) { throw CocoaError(.fileReadNoPermission) }
        return contents[path]
    }

    func writePrivate(_ path: String, _ data: Data) throws {
        lock.lock(); defer { lock.unlock() }
        contents[path] = data
    }

    func set(_ path: String, _ text: String) {
        lock.lock(); defer { lock.unlock() }
        contents[path] = Data(text.utf8)
    }

    func setData(_ path: String, _ data: Data) {
        lock.lock(); defer { lock.unlock() }
        contents[path] = data
    }
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = testNow) { current = start }

    var now: Date {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    func advance(by seconds: TimeInterval) {
        lock.lock(); defer { lock.unlock() }
        current += seconds
    }
}

/// Builds a machine: environment (HOME set, instance metadata disabled unless overridden),
/// the two AWS files, and other files by path.
func makeContext(environment: [String: String] = [:], config: String? = nil, credentials: String? = nil,
                 files: MemoryFiles = MemoryFiles(), clock: TestClock = TestClock(),
                 processRunner: any ProcessRunning = ScriptedProcessRunner(),
                 prompt: (@Sendable (String) -> String?)? = nil) -> RuntimeContext {
    var env = ["HOME": testHome, "AWS_EC2_METADATA_DISABLED": "true"]
    env.merge(environment) { _, new in new }
    if let config { files.set("\(testHome)/.aws/config", config) }
    if let credentials { files.set("\(testHome)/.aws/credentials", credentials) }
    return RuntimeContext(environment: env.filter { !$0.value.isEmpty }, files: files, now: { clock.now },
                          sleep: { _ in }, processRunner: processRunner, prompt: prompt)
}

/// A `credential_process` stand-in that records what it was asked to run.
final class ScriptedProcessRunner: ProcessRunning, @unchecked Sendable {
    private let lock = NSLock()
    private var output: ProcessOutput
    private(set) var commandLines: [String] = []
    private(set) var environments: [[String: String]] = []

    init(status: Int32 = 0, stdout: String = "", stderr: String = "") {
        output = ProcessOutput(status: status, stdout: Data(stdout.utf8), stderr: Data(stderr.utf8))
    }

    func run(commandLine: String, environment: [String: String], timeout: Duration?) async throws -> ProcessOutput {
        lock.withLock {
            commandLines.append(commandLine)
            environments.append(environment)
            return output
        }
    }
}

/// An STS stand-in: records each request with the credentials that signed it.
final class RecordingSTS: STSCalling, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var assumeRoleCalls: [(request: AssumeRoleRequest, signedWith: Credentials)] = []
    private(set) var webIdentityCalls: [AssumeRoleWithWebIdentityRequest] = []
    var failure: (any Error)?
    var expiration: Date? = testNow + 3600

    func assumeRole(_ request: AssumeRoleRequest, credentials: Credentials) async throws -> Credentials {
        try lock.withLock {
            assumeRoleCalls.append((request, credentials))
            if let failure { throw failure }
            return Credentials(accessKeyId: "ASIA-ROLE-\(assumeRoleCalls.count)", secretAccessKey: "role-secret",
                               sessionToken: "role-token", expiration: expiration, source: "sts")
        }
    }

    func assumeRoleWithWebIdentity(_ request: AssumeRoleWithWebIdentityRequest) async throws -> Credentials {
        try lock.withLock {
            webIdentityCalls.append(request)
            if let failure { throw failure }
            return Credentials(accessKeyId: "ASIA-WEB-\(webIdentityCalls.count)", secretAccessKey: "web-secret",
                               sessionToken: "web-token", expiration: expiration, source: "sts")
        }
    }
}

/// An HTTP stand-in: answers with a handler and records the requests.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var requests: [HTTPRequest] = []
    private let handler: @Sendable (HTTPRequest) async throws -> HTTPResponse

    init(_ handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse = { _ in HTTPResponse(status: 404) }) {
        self.handler = handler
    }

    /// Answers by `METHOD path` from a table; anything else is a 404.
    convenience init(routes: [String: HTTPResponse]) {
        self.init { request in routes["\(request.method) \(request.path)"] ?? HTTPResponse(status: 404) }
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        record(request)
        return try await handler(request)
    }

    private func record(_ request: HTTPRequest) {
        lock.lock(); defer { lock.unlock() }
        requests.append(request)
    }
}

/// A provider that counts its calls and answers from a closure.
final class CountingProvider: CredentialProvider, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var calls = 0
    private let answer: @Sendable (Int) async throws -> Credentials

    init(_ answer: @escaping @Sendable (Int) async throws -> Credentials) { self.answer = answer }

    convenience init(notConfigured note: String? = nil) {
        self.init { _ in throw CredentialSourceNotConfigured(note: note) }
    }

    convenience init(key: String, expiration: Date? = nil) {
        self.init { _ in Credentials(accessKeyId: key, secretAccessKey: "s", expiration: expiration) }
    }

    func credentials() async throws -> Credentials {
        let call = increment()
        return try await answer(call)
    }

    private func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        calls += 1
        return calls
    }
}

func json(_ status: Int, _ body: String) -> HTTPResponse {
    HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]), body: Data(body.utf8))
}

/// The message of an `AWSClientError`, or the error's description.
func message(of error: any Error) -> String {
    (error as? AWSClientError)?.description ?? String(describing: error)
}

/// A value set from a `@Sendable` closure and read by the test.
final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
