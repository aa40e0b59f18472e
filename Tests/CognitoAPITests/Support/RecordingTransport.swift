import AWSCore
import Foundation

/// A transport that never touches the network: it records each request and answers with the
/// next canned reply (or `{}` once they run out).
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [HTTPRequest] = []
    private var replies: [HTTPResponse]

    init(replies: [HTTPResponse] = []) {
        self.replies = replies
    }

    /// A transport that answers every request with one JSON body.
    convenience init(json: String) {
        self.init(replies: [HTTPResponse(status: 200, body: Data(json.utf8))])
    }

    var requests: [HTTPRequest] { lock.withLock { sent } }

    /// The `X-Amz-Target` of each request, in order.
    var targets: [String] { requests.compactMap { $0.headers["X-Amz-Target"] } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock {
            sent.append(request)
            return replies.isEmpty ? HTTPResponse(status: 200, body: Data("{}".utf8)) : replies.removeFirst()
        }
    }

    static func json(_ text: String) -> HTTPResponse {
        HTTPResponse(status: 200, body: Data(text.utf8))
    }
}

enum Offline {
    static let keys = Credentials(accessKeyId: "AKIDOFFLINE000000001", secretAccessKey: "offline-secret")

    static func awsClient(_ service: ServiceDescriptor, transport: RecordingTransport, readOnly: Bool = false) -> AWSClient {
        AWSClient(service: service, region: "us-east-1", endpoint: Endpoint(scheme: "http", host: "127.0.0.1", port: 9),
                  credentials: FixedCredentials(keys), transport: transport, readOnly: readOnly,
                  context: RuntimeContext(environment: [:]))
    }
}
