import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The AWS Query protocol that STS speaks: form-encoded requests, XML replies.
public enum QueryProtocol {
    public static func request(endpoint: Endpoint, action: String, version: String,
                               parameters: [(String, String)]) -> HTTPRequest {
        var headers = HTTPHeaders()
        headers.add("Host", endpoint.hostHeader)
        headers.add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        let body = SigV4Encoding.formEncode([("Action", action), ("Version", version)] + parameters)
        return HTTPRequest(method: "POST", endpoint: endpoint, path: "/", headers: headers, body: Data(body.utf8))
    }

    /// `<ErrorResponse><Error><Code>…</Code><Message>…</Message></Error><RequestId>…`.
    public static func decodeError(_ response: HTTPResponse, operation: String) -> Error {
        let tree = XMLTree.parse(response.body)
        let requestId = tree?.first("RequestId")?.text ?? response.headers["x-amzn-RequestId"]
        guard let code = tree?.first("Error")?.first("Code")?.text, !code.isEmpty else {
            return AWSClientError.malformedResponse(
                operation: operation, status: response.status,
                detail: JSONProtocol.describeUnreadable(response.body), requestId: requestId)
        }
        let message = tree?.first("Error")?.first("Message")?.text ?? ""
        return AWSServiceError(code: code, message: message, httpStatus: response.status,
                               requestId: requestId, operation: operation)
    }
}

/// A small element tree built with Foundation's XMLParser, enough for Query protocol replies.
public final class XMLTree: @unchecked Sendable {
    public let name: String
    public private(set) var children: [XMLTree] = []
    public private(set) var text: String = ""

    init(name: String) { self.name = name }

    /// Parses a document; nil when it is not well-formed XML.
    public static func parse(_ data: Data) -> XMLTree? {
        // AWS writes its XML in UTF-8. Anything else is no reply of theirs, and Foundation's
        // parser crashes on an element name that is not valid UTF-8 (found by fuzzing).
        guard String(data: data, encoding: .utf8) != nil else { return nil }
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { return nil }
        return root
    }

    /// The first descendant (depth first) with this name.
    public func first(_ name: String) -> XMLTree? {
        for child in children {
            if child.name == name { return child }
            if let found = child.first(name) { return found }
        }
        return nil
    }

    /// The element's own children as a name → text map (for flat result elements).
    public var childTexts: [String: String] {
        var map: [String: String] = [:]
        for child in children { map[child.name] = child.text }
        return map
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let node = XMLTree(name: elementName)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?) {
            if let node = stack.popLast() {
                node.text = node.text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }
}
