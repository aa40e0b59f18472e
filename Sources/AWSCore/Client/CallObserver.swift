import Foundation

/// Watches calls as they happen: the `--debug` trace and the console's log of API calls.
public protocol CallObserver: Sendable {
    func willSend(operation: String, attempt: Int, request: HTTPRequest)
    func didReceive(operation: String, attempt: Int, response: HTTPResponse)
    func willRetry(operation: String, attempt: Int, after: Duration, error: Error)
    func didFinish(_ record: CallRecord)
}

extension CallObserver {
    public func willSend(operation: String, attempt: Int, request: HTTPRequest) {}
    public func didReceive(operation: String, attempt: Int, response: HTTPResponse) {}
    public func willRetry(operation: String, attempt: Int, after: Duration, error: Error) {}
}

/// One finished call, for the log of API calls.
public struct CallRecord: Sendable, Equatable {
    public var service: String
    public var operation: String
    public var started: Date
    /// Seconds, retries and waits included.
    public var duration: TimeInterval
    /// The final HTTP status, nil when no reply arrived.
    public var status: Int?
    public var attempts: Int
    public var requestId: String?
    /// The error code when the call failed.
    public var errorCode: String?
    /// Whether the operation changes data (what the audit log keeps).
    public var mutates: Bool
    /// For operations that change data: the input with every secret masked.
    public var redactedInput: String?
    /// Where the call went.
    public var region: String?
    public var endpoint: String?

    public init(service: String, operation: String, started: Date, duration: TimeInterval, status: Int?,
                attempts: Int, requestId: String?, errorCode: String?, mutates: Bool = false,
                redactedInput: String? = nil, region: String? = nil, endpoint: String? = nil) {
        self.mutates = mutates
        self.redactedInput = redactedInput
        self.region = region
        self.endpoint = endpoint
        self.service = service
        self.operation = operation
        self.started = started
        self.duration = duration
        self.status = status
        self.attempts = attempts
        self.requestId = requestId
        self.errorCode = errorCode
    }
}

/// Writes a request/response trace with every secret redacted (`--debug`).
public final class DebugTrace: CallObserver, @unchecked Sendable {
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()

    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    private func emit(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        write(text)
    }

    public func willSend(operation: String, attempt: Int, request: HTTPRequest) {
        var lines = ["--> \(operation) attempt \(attempt): \(request.method) \(request.urlString)"]
        for field in request.headers {
            lines.append("    \(field.name): \(Redactor.header(field.name, field.value))")
        }
        lines.append("    " + Redactor.body(request.body))
        emit(lines.joined(separator: "\n") + "\n")
    }

    public func didReceive(operation: String, attempt: Int, response: HTTPResponse) {
        var lines = ["<-- \(operation) attempt \(attempt): HTTP \(response.status)"]
        for field in response.headers {
            lines.append("    \(field.name): \(Redactor.header(field.name, field.value))")
        }
        lines.append("    " + Redactor.body(response.body))
        emit(lines.joined(separator: "\n") + "\n")
    }

    public func willRetry(operation: String, attempt: Int, after: Duration, error: Error) {
        emit("... \(operation) attempt \(attempt) failed (\(error)); retrying in \(after)\n")
    }

    public func didFinish(_ record: CallRecord) {
        let status = record.status.map(String.init) ?? "no reply"
        emit("=== \(record.operation): \(status), \(record.attempts) attempt(s), "
             + String(format: "%.3f s", record.duration)
             + (record.requestId.map { ", request id \($0)" } ?? "") + "\n")
    }
}
