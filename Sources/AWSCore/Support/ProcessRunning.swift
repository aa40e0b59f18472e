import Foundation

/// The result of running a command.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: Data
    public init(status: Int32, stdout: Data, stderr: Data) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs a command line through the shell, as `credential_process` is specified.
public protocol ProcessRunning: Sendable {
    func run(commandLine: String, environment: [String: String]) async throws -> ProcessOutput
}

/// Runs commands with `/bin/sh -c` on a thread of its own, so a slow command never holds a
/// thread of Swift's cooperative pool.
public struct LocalProcessRunner: ProcessRunning {
    public init() {}

    public func run(commandLine: String, environment: [String: String]) async throws -> ProcessOutput {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/bin/sh")
                    process.arguments = ["-c", commandLine]
                    process.environment = environment
                    let out = Pipe()
                    let err = Pipe()
                    process.standardOutput = out
                    process.standardError = err
                    process.standardInput = FileHandle.nullDevice
                    try process.run()
                    // Read both pipes before waiting so a chatty command cannot fill a pipe and stall.
                    let group = DispatchGroup()
                    nonisolated(unsafe) var errData = Data()
                    group.enter()
                    Thread.detachNewThread {
                        errData = err.fileHandleForReading.readDataToEndOfFile()
                        group.leave()
                    }
                    let outData = out.fileHandleForReading.readDataToEndOfFile()
                    group.wait()
                    process.waitUntilExit()
                    continuation.resume(returning: ProcessOutput(
                        status: process.terminationStatus, stdout: outData, stderr: errData))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }
}

/// Reads a one-time code from the controlling terminal.
public enum TerminalPrompt {
    /// Prompts on /dev/tty and reads one line; nil when the process has no terminal.
    @Sendable public static func readCode(_ message: String) -> String? {
        guard let tty = fopen("/dev/tty", "r+") else { return nil }
        defer { fclose(tty) }
        fputs(message, tty)
        fflush(tty)
        var buffer = [CChar](repeating: 0, count: 256)
        guard fgets(&buffer, Int32(buffer.count), tty) != nil else { return nil }
        let line = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return line.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
