/// What the runtime needs to know about one service: how to name it in a signature, which
/// protocol it speaks and where AWS hosts it.
public struct ServiceDescriptor: Sendable, Equatable {
    public enum WireProtocol: Sendable, Equatable {
        /// AWS JSON 1.1: POST `/`, `X-Amz-Target: <prefix>.<Operation>`.
        case json(targetPrefix: String)
        /// AWS Query: a form-encoded POST with `Action` and `Version`, replies in XML.
        case query(version: String)
    }

    /// The service id used by endpoint variables and the CLI (`cognito-idp`).
    public var id: String
    /// The SigV4 service name.
    public var signingName: String
    public var wireProtocol: WireProtocol
    /// `https://<prefix>.<region>.amazonaws.com`.
    public var endpointPrefix: String

    public init(id: String, signingName: String, wireProtocol: WireProtocol, endpointPrefix: String) {
        self.id = id
        self.signingName = signingName
        self.wireProtocol = wireProtocol
        self.endpointPrefix = endpointPrefix
    }

    /// AWS's endpoint for a region (China regions use `amazonaws.com.cn`).
    public func defaultEndpoint(region: String) -> Endpoint {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return Endpoint(scheme: "https", host: "\(endpointPrefix).\(region).\(suffix)")
    }

    public static let cognitoIdentity = ServiceDescriptor(
        id: "cognito-identity", signingName: "cognito-identity",
        wireProtocol: .json(targetPrefix: "AWSCognitoIdentityService"), endpointPrefix: "cognito-identity")

    public static let cognitoIdentityProvider = ServiceDescriptor(
        id: "cognito-idp", signingName: "cognito-idp",
        wireProtocol: .json(targetPrefix: "AWSCognitoIdentityProviderService"), endpointPrefix: "cognito-idp")

    public static let sts = ServiceDescriptor(
        id: "sts", signingName: "sts", wireProtocol: .query(version: "2011-06-15"), endpointPrefix: "sts")

    /// The services `cognito-tui call` can reach, by id.
    public static let callable: [ServiceDescriptor] = [.cognitoIdentity, .cognitoIdentityProvider, .sts]

    public static func named(_ id: String) -> ServiceDescriptor? {
        callable.first { $0.id == id }
    }
}
