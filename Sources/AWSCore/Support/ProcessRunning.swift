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
    /// - Parameter timeout: how long the command may run; past it the command and everything it
    ///   started are killed and `ProcessTimedOut` is thrown. Nil waits for as long as it takes.
    func run(commandLine: String, environment: [String: String], timeout: Duration?) async throws -> ProcessOutput
}

/// A command that did not finish in the time it was given, and was killed.
public struct ProcessTimedOut: Error, Sendable, Equatable {
    public var timeout: Duration
    public init(timeout: Duration) { self.timeout = timeout }
}

/// Runs commands with `/bin/sh -c` on a thread of its own, so a slow command never holds a
/// thread of Swift's cooperative pool.
public struct LocalProcessRunner: ProcessRunning {
    public init() {}

    public func run(commandLine: String, environment: [String: String], timeout: Duration?) async throws -> ProcessOutput {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = FirstOutcome(continuation)
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
                    if let timeout {
                        // Foundation starts the child as the leader of a process group of its
                        // own, so the group holds the shell and whatever it started.
                        let group = process.processIdentifier
                        let (seconds, attoseconds) = timeout.components
                        let deadline = DispatchTime.now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
                        DispatchQueue.global().asyncAfter(deadline: deadline) {
                            guard outcome.claim() else { return }
                            kill(-group, SIGKILL)
                            outcome.resume(with: .failure(ProcessTimedOut(timeout: timeout)))
                        }
                    }
                    // Read both pipes before waiting so a chatty command cannot fill a pipe and stall.
                    let readers = DispatchGroup()
                    nonisolated(unsafe) var errData = Data()
                    readers.enter()
                    Thread.detachNewThread {
                        errData = err.fileHandleForReading.readDataToEndOfFile()
                        readers.leave()
                    }
                    let outData = out.fileHandleForReading.readDataToEndOfFile()
                    readers.wait()
                    process.waitUntilExit()
                    guard outcome.claim() else { return }
                    outcome.resume(with: .success(ProcessOutput(
                        status: process.terminationStatus, stdout: outData, stderr: errData)))
                } catch {
                    guard outcome.claim() else { return }
                    outcome.resume(with: .failure(error))
                }
            }
            thread.start()
        }
    }
}

/// The first of the finished command and the timeout to claim it resumes the caller.
private final class FirstOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false
    private let continuation: CheckedContinuation<ProcessOutput, any Error>

    init(_ continuation: CheckedContinuation<ProcessOutput, any Error>) {
        self.continuation = continuation
    }

    /// True for the first caller only.
    func claim() -> Bool {
        lock.lock(); defer { lock.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }

    func resume(with result: Result<ProcessOutput, any Error>) {
        continuation.resume(with: result)
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
