import Foundation

/// Every call that changes data, appended as one JSON line to the user's audit log
/// (`$XDG_STATE_HOME/cognito-tui/audit.jsonl`, by default `~/.local/state/cognito-tui/`):
/// when, which profile, region and endpoint, the operation, its outcome and request id, and the
/// input with every secret masked. Calls that only read are not logged.
public final class AuditLog: CallObserver, @unchecked Sendable {
    public let path: String
    private let files: any FileAccess
    private let lock = NSLock()
    private var profileName: String
    private let onError: @Sendable (String) -> Void
    private var reportedError = false

    /// The log's place for this environment.
    public static func defaultPath(context: RuntimeContext) -> String {
        let state = context.env("XDG_STATE_HOME") ?? context.homeDirectory + "/.local/state"
        return state + "/cognito-tui/audit.jsonl"
    }

    /// - Parameters:
    ///   - profile: the profile name written with each entry (set again once resolved).
    ///   - files: where the log is written (the session's `RuntimeContext.files`).
    ///   - onError: told once, in one sentence, when the log cannot be written.
    public init(path: String, profile: String = "default", files: any FileAccess = LocalFiles(),
                onError: @escaping @Sendable (String) -> Void) {
        self.path = path
        self.files = files
        self.profileName = profile
        self.onError = onError
    }

    /// The profile the session resolved.
    public var profile: String {
        get { lock.withLock { profileName } }
        set { lock.withLock { profileName = newValue } }
    }

    public func didFinish(_ record: CallRecord) {
        guard record.mutates else { return }
        var entry: [String: Any] = [
            "time": ISO8601.format(record.started),
            "profile": profile,
            "service": record.service,
            "operation": record.operation,
            "attempts": record.attempts,
            "outcome": record.errorCode == nil ? "ok" : "failed",
        ]
        entry["region"] = record.region
        entry["endpoint"] = record.endpoint
        entry["status"] = record.status
        entry["requestId"] = record.requestId
        entry["error"] = record.errorCode
        if let input = record.redactedInput,
           let object = try? JSONSerialization.jsonObject(with: Data(input.utf8)) {
            entry["input"] = object
        } else {
            entry["input"] = record.redactedInput
        }
        guard let line = try? JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return }
        append(line + Data("\n".utf8))
    }

    private func append(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        do {
            try files.appendPrivate(path, data)
        } catch {
            if !reportedError {
                reportedError = true
                let reason = (error as? FileAccessError)?.reason.lowercased() ?? "\(error)"
                onError("The audit log \(path) cannot be written: \(reason).")
            }
        }
    }
}
