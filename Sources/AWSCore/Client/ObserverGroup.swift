import Foundation

/// Several observers behind one: the `--debug` trace, the log file and the console's call log.
public struct ObserverGroup: CallObserver {
    let members: [any CallObserver]

    public init(_ members: [any CallObserver]) {
        self.members = members
    }

    public func willSend(operation: String, attempt: Int, request: HTTPRequest) {
        for m in members { m.willSend(operation: operation, attempt: attempt, request: request) }
    }

    public func didReceive(operation: String, attempt: Int, response: HTTPResponse) {
        for m in members { m.didReceive(operation: operation, attempt: attempt, response: response) }
    }

    public func willRetry(operation: String, attempt: Int, after: Duration, error: Error) {
        for m in members { m.willRetry(operation: operation, attempt: attempt, after: after, error: error) }
    }

    public func didFinish(_ record: CallRecord) {
        for m in members { m.didFinish(record) }
    }
}

/// A log file the user names with `--log-file`: the redacted trace, appended, owner-readable only.
public enum LogFile {
    /// A trace that appends to `path` through `files`.
    ///
    /// - Throws: `AWSClientError.configuration` when the file cannot be created or opened for
    ///   appending; it is tried at once, so a bad path is reported before any call is made.
    public static func trace(path: String, files: any FileAccess = LocalFiles()) throws -> DebugTrace {
        do {
            try files.appendPrivate(path, Data())
        } catch {
            let reason = (error as? FileAccessError)?.reason.lowercased() ?? "\(error)"
            throw AWSClientError.configuration("The log file `\(path)` cannot be opened: \(reason).")
        }
        // A line that cannot be written later is dropped: tracing must never fail a call.
        return DebugTrace(write: { try? files.appendPrivate(path, Data($0.utf8)) })
    }
}
