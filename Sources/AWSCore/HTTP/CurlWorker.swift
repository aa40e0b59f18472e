import CCurl
import Foundation

/// Runs transfers on one easy handle, on the thread that owns it.
final class CurlWorker {
    private let handle: UnsafeMutableRawPointer
    /// libcurl's own account of a failed transfer ("SSL certificate problem: unable to get local
    /// issuer certificate"), more precise than the error code's text.
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: 256)  // CURL_ERROR_SIZE

    init() {
        guard let handle = curl_easy_init() else { fatalError("libcurl could not create a handle (out of memory)") }
        self.handle = handle
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// What the callbacks collect during one transfer.
    final class Collector {
        var status = 0
        var headers = HTTPHeaders()
        var body = Data()
        /// How much of the request body the read callback has handed to libcurl.
        var sent = 0
        let job: CurlJob
        init(job: CurlJob) { self.job = job }
    }

    func perform(_ job: CurlJob) {
        let request = job.request
        let url = request.urlString
        if job.isCancelled {
            job.finish(.failure(AWSClientError.transport(TransportFailure(kind: .cancelled, detail: "cancelled", url: url))))
            return
        }
        curl_easy_reset(handle)
        let collector = Collector(job: job)
        let userdata = Unmanaged.passRetained(collector)
        defer { userdata.release() }
        var headerList: UnsafeMutablePointer<curl_slist>? = nil
        defer { curl_slist_free_all(headerList) }

        let code: CURLcode = request.body.withUnsafeBytes { body in
            var setupError: CURLcode = CURLE_OK
            func set(_ rc: CURLcode) { if setupError == CURLE_OK && rc != CURLE_OK { setupError = rc } }
            let options = job.options
            set(ccurl_setopt_string(handle, CURLOPT_URL, url))
            errorBuffer[0] = 0
            set(ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)))
            set(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
            set(ccurl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1))
            set(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
            set(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
            if let ca = options.caBundlePath { set(ccurl_setopt_string(handle, CURLOPT_CAINFO, ca)) }
            set(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout)))
            set(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(options.totalTimeout)))
            // An empty string asks for every encoding libcurl can decode, and it decodes them.
            set(ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
            set(ccurl_setopt_string(handle, CURLOPT_USERAGENT, options.userAgent))
            // The environment is injected, so proxies are set from it explicitly; "" means none.
            set(ccurl_setopt_string(handle, CURLOPT_PROXY, options.proxy.proxy(forScheme: request.endpoint.scheme) ?? ""))
            if let noProxy = options.proxy.noProxy { set(ccurl_setopt_string(handle, CURLOPT_NOPROXY, noProxy)) }
            set(ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))

            switch request.method {
            case "GET":
                set(ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1))
            case "HEAD":
                set(ccurl_setopt_long(handle, CURLOPT_NOBODY, 1))
            default:
                set(ccurl_setopt_long(handle, CURLOPT_POST, 1))
                set(ccurl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
                if request.sendAtMostOnce {
                    // libcurl sends a request again on a fresh connection when a reused one
                    // breaks before any reply, rewinding the body to do so ("Connection died,
                    // retrying a fresh connect"). A body from a read callback with no seek
                    // callback cannot be rewound, so that resend fails with
                    // CURLE_SEND_FAIL_REWIND and the ambiguity is reported instead.
                    set(ccurl_set_read_callback(handle, Self.onRead, userdata.toOpaque()))
                } else {
                    set(ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS,
                                             UnsafeMutableRawPointer(mutating: body.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!)))
                }
                if request.method != "POST" {
                    set(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method))
                }
            }
            for field in request.headers {
                headerList = curl_slist_append(headerList, "\(field.name): \(field.value)")
            }
            // libcurl would otherwise add headers that were not signed.
            headerList = curl_slist_append(headerList, "Expect:")
            if !request.headers.contains("content-type") {
                headerList = curl_slist_append(headerList, "Content-Type:")
            }
            set(ccurl_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList)))
            set(ccurl_set_write_callback(handle, Self.onBody, userdata.toOpaque()))
            set(ccurl_set_header_callback(handle, Self.onHeader, userdata.toOpaque()))
            set(ccurl_set_progress_callback(handle, Self.onProgress, userdata.toOpaque()))
            guard setupError == CURLE_OK else { return setupError }
            return curl_easy_perform(handle)
        }

        if code == CURLE_OK {
            var status = 0
            var connects = 0
            ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
            ccurl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
            job.finish(.success(HTTPResponse(status: status, headers: collector.headers, body: collector.body,
                                             newConnections: connects)))
        } else {
            var pretransfer: Double = 0
            ccurl_getinfo_double(handle, CURLINFO_PRETRANSFER_TIME, &pretransfer)
            var failure = Self.failure(code, requestStarted: pretransfer > 0, url: url)
            let explained = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
            if !explained.isEmpty && code != CURLE_ABORTED_BY_CALLBACK && code != CURLE_SEND_FAIL_REWIND {
                failure.detail = explained
            }
            job.finish(.failure(AWSClientError.transport(failure)))
        }
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// Sorts libcurl's failure into "nothing was sent" and "it may have been applied".
    static func failure(_ code: CURLcode, requestStarted: Bool, url: String) -> TransportFailure {
        let detail = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_ABORTED_BY_CALLBACK:
            return TransportFailure(kind: .cancelled, detail: detail, url: url)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT,
             CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION:
            return TransportFailure(kind: .couldNotConnect, detail: detail, url: url)
        case CURLE_SEND_FAIL_REWIND:
            // Only a body already sent needs rewinding: the request went out at least once.
            return TransportFailure(kind: .ambiguous, detail: "the connection broke after the request was sent", url: url)
        case CURLE_OPERATION_TIMEDOUT, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            return TransportFailure(kind: requestStarted ? .ambiguous : .couldNotConnect, detail: detail, url: url)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_SSL_CACERT_BADFILE, CURLE_OUT_OF_MEMORY,
             CURLE_BAD_FUNCTION_ARGUMENT, CURLE_UNKNOWN_OPTION:
            return TransportFailure(kind: .local, detail: detail, url: url)
        default:
            return TransportFailure(kind: requestStarted ? .ambiguous : .couldNotConnect, detail: detail, url: url)
        }
    }

    // MARK: libcurl callbacks (C calling convention; state comes through userdata)

    static let onBody: ccurl_data_callback = { pointer, size, count, userdata in
        let collector = Unmanaged<Collector>.fromOpaque(userdata!).takeUnretainedValue()
        let length = size * count
        if let pointer, length > 0 {
            collector.body.append(UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
        }
        return length
    }

    /// Hands libcurl the next part of the request body.
    static let onRead: ccurl_data_callback = { buffer, size, count, userdata in
        let collector = Unmanaged<Collector>.fromOpaque(userdata!).takeUnretainedValue()
        let body = collector.job.request.body
        let length = min(size * count, body.count - collector.sent)
        guard let buffer, length > 0 else { return 0 }
        body.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + collector.sent, byteCount: length)
        }
        collector.sent += length
        return length
    }

    static let onHeader: ccurl_data_callback = { pointer, size, count, userdata in
        let collector = Unmanaged<Collector>.fromOpaque(userdata!).takeUnretainedValue()
        let length = size * count
        guard let pointer, length > 0 else { return length }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
        if length >= 5 && bytes[0] == UInt8(ascii: "H") && bytes[1] == UInt8(ascii: "T") && bytes[2] == UInt8(ascii: "T")
            && bytes[3] == UInt8(ascii: "P") && bytes[4] == UInt8(ascii: "/") {
            // A new status line (after 100 Continue or a proxy's CONNECT): start over.
            collector.headers = HTTPHeaders()
        } else if let field = HeaderLine.parse(bytes) {
            collector.headers.add(field.name, field.value)
        }
        return length
    }

    static let onProgress: ccurl_progress_callback = { userdata, _, _, _, _ in
        let collector = Unmanaged<Collector>.fromOpaque(userdata!).takeUnretainedValue()
        return collector.job.isCancelled ? 1 : 0
    }
}
