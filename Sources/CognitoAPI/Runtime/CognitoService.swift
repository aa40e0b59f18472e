import AWSCore

/// The two Cognito services the generated API covers.
public enum CognitoService: String, Sendable, Hashable, CaseIterable {
    case cognitoIdentity = "cognito-identity"
    case cognitoIdentityProvider = "cognito-idp"

    /// The runtime's description of the service (signing name, protocol, endpoint prefix).
    public var descriptor: ServiceDescriptor {
        switch self {
        case .cognitoIdentity: return .cognitoIdentity
        case .cognitoIdentityProvider: return .cognitoIdentityProvider
        }
    }

    /// Every operation of the service, sorted by name.
    public var operations: [OperationMetadata] {
        switch self {
        case .cognitoIdentity: return CognitoIdentity.Operations.all
        case .cognitoIdentityProvider: return CognitoIdentityProvider.Operations.all
        }
    }

    /// The error codes the model declares for the service.
    public var errorCodes: [CognitoErrorCode] {
        switch self {
        case .cognitoIdentity: return CognitoIdentity.errorCodes
        case .cognitoIdentityProvider: return CognitoIdentityProvider.errorCodes
        }
    }

    /// The shapes and constraints of the model, decoded on first use.
    var schema: ServiceSchema {
        switch self {
        case .cognitoIdentity: return Self.identitySchema
        case .cognitoIdentityProvider: return Self.identityProviderSchema
        }
    }

    private static let identitySchema = ServiceSchema.load(CognitoIdentity.schemaJSON, service: "cognito-identity")
    private static let identityProviderSchema = ServiceSchema.load(
        CognitoIdentityProvider.schemaJSON, service: "cognito-idp")
}
