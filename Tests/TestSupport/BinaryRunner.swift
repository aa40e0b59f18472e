import Foundation

/// Runs the built `cognito-tui` binary with an explicit environment and captures its output.
public enum BinaryRunner {
    /// The binary next to the test bundle (both live in the build's products folder).
    public static var binaryPath: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // The test runner may sit inside `<name>.xctest/`.
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("cognito-tui")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder = folder.deletingLastPathComponent()
        }
        return LocalServer.repositoryRoot.appendingPathComponent(".build/debug/cognito-tui").path
    }

    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// A minimal environment: no AWS settings of the machine leak in, metadata is disabled,
    /// and HOME is a fresh folder.
    public static func baseEnvironment(home: String) -> [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": home + "/.aws/config",
            "AWS_SHARED_CREDENTIALS_FILE": home + "/.aws/credentials",
        ]
    }

    /// Runs the binary with these arguments, environment and standard input.
    public static func run(_ arguments: [String], environment: [String: String], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binaryPath)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Drain stderr on another thread so a chatty --debug run cannot fill the pipe and stall.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        Thread.detachNewThread {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: errBox.data, as: UTF8.self))
    }
}

/// A throwaway HOME folder with optional AWS config and credentials files.
public final class TemporaryHome: @unchecked Sendable {
    public let path: String

    public init(config: String? = nil, credentials: String? = nil) throws {
        path = NSTemporaryDirectory() + "cognito-tui-home-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
        if let config { try write(".aws/config", config) }
        if let credentials { try write(".aws/credentials", credentials) }
    }

    /// Writes a file below the home folder, creating folders.
    public func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
