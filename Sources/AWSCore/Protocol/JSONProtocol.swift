import Foundation

/// The AWS JSON 1.1 protocol: requests and error replies.
public enum JSONProtocol {
    public static let contentType = "application/x-amz-json-1.1"

    /// A POST to `/` carrying the operation in `X-Amz-Target` and the input as the body.
    public static func request(endpoint: Endpoint, targetPrefix: String, operation: String, body: Data) -> HTTPRequest {
        var headers = HTTPHeaders()
        headers.add("Host", endpoint.hostHeader)
        headers.add("Content-Type", contentType)
        headers.add("X-Amz-Target", "\(targetPrefix).\(operation)")
        return HTTPRequest(method: "POST", endpoint: endpoint, path: "/", headers: headers,
                           body: body.isEmpty ? Data("{}".utf8) : body)
    }

    /// The request id from `x-amzn-RequestId` (or the older `x-amz-request-id`).
    public static func requestId(_ response: HTTPResponse) -> String? {
        response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]
    }

    /// Turns an error reply into a service error, or into a malformed-reply error when it does not
    /// say what went wrong in a form the protocol allows.
    public static func decodeError(_ response: HTTPResponse, operation: String) -> Error {
        let requestId = requestId(response)
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        var code = response.headers["x-amzn-ErrorType"].map(cleanCode)
        if code == nil || code?.isEmpty == true {
            code = ((object?["__type"] ?? object?["code"] ?? object?["Code"]) as? String).map(cleanCode)
        }
        let message = (object?["message"] ?? object?["Message"] ?? object?["errorMessage"]) as? String
        guard let code, !code.isEmpty else {
            return AWSClientError.malformedResponse(
                operation: operation, status: response.status,
                detail: describeUnreadable(response.body), requestId: requestId)
        }
        return AWSServiceError(code: code, message: message ?? "", httpStatus: response.status,
                               requestId: requestId, operation: operation)
    }

    /// `aws.protocoltests#ValidationException:http://...` → `ValidationException`.
    static func cleanCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return code.trimmingCharacters(in: .whitespaces)
    }

    /// Checks that a successful reply is a JSON object (an empty body counts as `{}`).
    public static func validateSuccessBody(_ response: HTTPResponse, operation: String) throws -> Data {
        if response.body.isEmpty || response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d }) {
            return Data("{}".utf8)
        }
        guard (try? JSONSerialization.jsonObject(with: response.body)) is [String: Any] else {
            throw AWSClientError.malformedResponse(
                operation: operation, status: response.status,
                detail: describeUnreadable(response.body), requestId: requestId(response))
        }
        return response.body
    }

    /// One phrase about a body that is not the JSON expected, quoting a little of it.
    static func describeUnreadable(_ body: Data) -> String {
        if body.isEmpty { return "the body is empty" }
        let text = String(decoding: body.prefix(60), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        if (try? JSONSerialization.jsonObject(with: body)) != nil {
            return "the JSON body does not name an error (starts \"\(text)\")"
        }
        return "the body is not JSON (starts \"\(text)\")"
    }
}
