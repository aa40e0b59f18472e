import CCurl
import Foundation

/// HTTP over libcurl.
///
/// libcurl's easy interface blocks, so transfers run on a small pool of threads owned by the
/// transport, never on Swift's cooperative pool. Each thread keeps one easy handle, and with it
/// libcurl's connection cache, so consecutive calls reuse a kept-alive connection. Cancelling the
/// calling task aborts the transfer from libcurl's progress callback.
public final class CurlTransport: HTTPTransport {
    public let options: TransportOptions
    private let pool: CurlWorkerPool

    /// - Parameters:
    ///   - options: timeouts, CA bundle, proxies and user agent.
    ///   - maxConcurrentTransfers: how many transfers may run at once (one thread each, started
    ///     as needed). Sixteen: a partitioned scan runs sixteen chains, and far from the region a
    ///     round trip takes long enough (150 ms and more) that four transfers at a time held a scan
    ///     or a job below its quota (about 20 requests a second against UserList's 30).
    public init(options: TransportOptions = TransportOptions(), maxConcurrentTransfers: Int = 16) {
        CurlGlobal.initialize()
        self.options = options
        self.pool = CurlWorkerPool(maxWorkers: max(1, maxConcurrentTransfers))
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let job = CurlJob(request: request, options: options)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, Error>) in
                job.continuation = continuation
                pool.submit(job)
            }
        } onCancel: {
            job.cancel()
        }
    }
}

/// `curl_global_init` must run once, before any thread uses libcurl.
enum CurlGlobal {
    private static let done: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        return true
    }()

    static func initialize() { _ = done }
}

/// One transfer waiting for, or running on, a worker thread.
final class CurlJob: @unchecked Sendable {
    let request: HTTPRequest
    let options: TransportOptions
    var continuation: CheckedContinuation<HTTPResponse, Error>?
    private let lock = NSLock()
    private var cancelledFlag = false

    init(request: HTTPRequest, options: TransportOptions) {
        self.request = request
        self.options = options
    }

    var isCancelled: Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelledFlag
    }

    func cancel() {
        lock.lock(); cancelledFlag = true; lock.unlock()
    }

    func finish(_ result: Result<HTTPResponse, Error>) {
        continuation?.resume(with: result)
        continuation = nil
    }
}

/// Threads that each own an easy handle and run queued jobs.
final class CurlWorkerPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [CurlJob] = []
    private var workers = 0
    private var idle = 0
    private let maxWorkers: Int

    init(maxWorkers: Int) {
        self.maxWorkers = maxWorkers
    }

    func submit(_ job: CurlJob) {
        condition.lock()
        queue.append(job)
        if idle == 0 && workers < maxWorkers {
            workers += 1
            let thread = Thread { [self] in self.run() }
            thread.name = "cognito-tui.curl"
            thread.stackSize = 1 << 20
            thread.start()
        }
        condition.signal()
        condition.unlock()
    }

    private func run() {
        let worker = CurlWorker()
        while true {
            // Callers that make calls back to back submit the next one within microseconds;
            // looking again a few times before sleeping saves a futex wake-up per call.
            for _ in 0..<Self.spinsBeforeSleeping {
                condition.lock()
                let ready = !queue.isEmpty
                condition.unlock()
                if ready { break }
                sched_yield()
            }
            condition.lock()
            idle += 1
            while queue.isEmpty { condition.wait() }
            idle -= 1
            let job = queue.removeFirst()
            condition.unlock()
            worker.perform(job)
        }
    }

    static let spinsBeforeSleeping = 200
}
