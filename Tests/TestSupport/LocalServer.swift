import AWSCore
import Foundation

/// A helper server from `scripts/emulator/` running as a child process on a free loopback port.
///
/// The script prints its base URL as its only line on stdout once it accepts requests, and
/// exits by itself when this process goes away (`--watch-parent`), so no test leaves one behind.
public final class LocalServer: @unchecked Sendable {
    public let url: String
    private let process: Process

    /// The repository's top folder, found from this file's place in it.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Starts `scripts/emulator/<script>` and waits for its URL line.
    public init(script: String, arguments: [String] = []) throws {
        let process = Process()
        process.executableURL = ProjectPython.url
        let path = Self.repositoryRoot.appendingPathComponent("scripts/emulator/\(script)").path
        process.arguments = [path, "--watch-parent"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONUNBUFFERED"] = "1"
        // The emulator must never reach a real metadata service or AWS.
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.standardError
        try process.run()
        let line = Self.firstLine(of: out.fileHandleForReading, within: Self.startTimeout)
        guard let text = line, text.hasPrefix("http://127.0.0.1:") || text.hasPrefix("https://127.0.0.1:") else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw LocalServerError.didNotStart(script: script, output: line ?? "nothing within \(Int(Self.startTimeout)) seconds")
        }
        self.url = text
        self.process = process
    }

    /// How long a server may take to print its URL; moto's first start takes a few seconds.
    static let startTimeout: TimeInterval = 60

    /// The first line the server prints, trimmed; nil when none comes within `seconds` (a hung
    /// server must not hold the test run) or the output ends first.
    static func firstLine(of handle: FileHandle, within seconds: TimeInterval) -> String? {
        final class Box: @unchecked Sendable { var line: String? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var line = Data()
            while true {
                let byte = handle.readData(ofLength: 1)
                if byte.isEmpty || byte.first == UInt8(ascii: "\n") { break }
                line.append(byte)
            }
            if !line.isEmpty { box.line = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.line
    }

    /// Stops the server: SIGTERM, then SIGKILL if it is still there after two seconds.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }
}

public enum LocalServerError: Error, CustomStringConvertible {
    case didNotStart(script: String, output: String)

    public var description: String {
        switch self {
        case .didNotStart(let script, let output):
            return "\(script) did not start (first line: \"\(output)\"); is moto[server] installed? Run scripts/test."
        }
    }
}

/// The moto-based Cognito emulator, started once for the whole test run on first use, behind a
/// signature check: `fault_server.py` in its signing mode, which checks every request's Signature
/// Version 4 with botocore's signer against `scripts/emulator/test_keys.json` and the temporary
/// keys the emulator hands out, and refuses a wrong signature as the service would. Moto itself
/// accepts any signature, so without the check no test would notice a broken signer.
public enum TestEmulator {
    /// The key pair the emulator-backed tests sign with (its secret is in `test_keys.json`).
    public static let keys = Credentials(accessKeyId: "AKIAEMULATOR00000001", secretAccessKey: "emulator-secret")

    /// ``keys`` as the variables the binary reads.
    public static let keyEnvironment = ["AWS_ACCESS_KEY_ID": keys.accessKeyId, "AWS_SECRET_ACCESS_KEY": keys.secretAccessKey]

    private static let emulator = Result { try LocalServer(script: "server.py") }
    private static let checked = Result {
        try LocalServer(script: "fault_server.py", arguments: [
            "--upstream", try emulator.get().url,
            "--keys", LocalServer.repositoryRoot.appendingPathComponent("scripts/emulator/test_keys.json").path,
        ])
    }

    /// The base URL the tests talk to, e.g. `http://127.0.0.1:40123`: the signature check in
    /// front of the emulator.
    public static func url() throws -> String {
        try checked.get().url
    }

    /// The emulator's own URL, without the check (for judges that read state apart from the client).
    public static func uncheckedURL() throws -> String {
        try emulator.get().url
    }
}
