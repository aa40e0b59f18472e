import Foundation
import Testing
@testable import AWSCore

/// A `credential_process` that never finishes must not hold every call of the session.
@Suite("credential_process: a command that hangs is stopped", .timeLimit(.minutes(5)))
struct CredentialProcessTimeoutTests {
    /// Whether the process is gone (or a zombie waiting to be reaped: it runs nothing).
    static func isGone(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        // "pid (comm) S ...": the state follows the closing parenthesis.
        guard let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(close, offsetBy: 2)] == "Z"
    }

    @Test("past the timeout the command and what it started are killed, and one sentence names the profile")
    func hangingCommand() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("sleeper").path
        let script = folder.appendingPathComponent("hang.sh").path
        // The sleep is a child of the shell, holding the shell's stdout: killing the shell alone
        // would leave it, and the pipe open.
        try "sleep 300 &\necho $! > \"\(pidFile)\"\nwait\n".write(toFile: script, atomically: true, encoding: .utf8)
        let context = RuntimeContext(environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        let provider = ProcessCredentialProvider(profileName: "slow", profile: ["credential_process": "/bin/sh \(script)"],
                                                 context: context, timeout: .seconds(1))
        let started = Date()
        let error = await #expect(throws: AWSClientError.self) { _ = try await provider.credentials() }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(error?.description == "The credential_process of profile `slow` did not finish within 1 second and was stopped.")
        let sleeper = try #require(pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        let deadline = Date().addingTimeInterval(5)
        while !Self.isGone(sleeper) && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(Self.isGone(sleeper), "the command's child is still running")
    }

    @Test("a command that finishes in time is not affected by the timeout")
    func quickCommand() async throws {
        let provider = ProcessCredentialProvider(
            profileName: "quick",
            profile: ["credential_process": #"printf '{"Version":1,"AccessKeyId":"AKID","SecretAccessKey":"s"}'"#],
            context: RuntimeContext(environment: [:]), timeout: .seconds(5))
        #expect(try await provider.credentials().accessKeyId == "AKID")
    }

    @Test("the chain's credential_process waits a minute by default")
    func defaultTimeout() {
        let provider = ProcessCredentialProvider(profileName: "p", profile: [:], context: RuntimeContext(environment: [:]))
        #expect(provider.timeout == .seconds(60))
    }
}
