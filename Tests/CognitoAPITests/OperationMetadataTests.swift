import AWSCore
import CognitoAPI
import Foundation
import Testing

/// The generated operation tables against botocore's models, read by a separate Python process.
@Suite("Operation metadata matches the service models", .timeLimit(.minutes(5)))
struct OperationMetadataTests {
    /// Operations that only read, stated here by hand as the specification of the mutation rule in
    /// scripts/codegen/model.py: names starting with Describe/Get/List/Lookup (after an optional
    /// Admin), except the Get calls that create identities, link logins, send codes or issue tokens.
    static let readOnly: [CognitoService: Set<String>] = [
        .cognitoIdentity: [
            "DescribeIdentity", "DescribeIdentityPool", "GetCredentialsForIdentity", "GetIdentityPoolRoles",
            "GetPrincipalTagAttributeMap", "ListIdentities", "ListIdentityPools", "ListTagsForResource",
            "LookupDeveloperIdentity",
        ],
        .cognitoIdentityProvider: [
            "AdminGetDevice", "AdminGetUser", "AdminListDevices", "AdminListGroupsForUser", "AdminListUserAuthEvents",
            "DescribeIdentityProvider", "DescribeManagedLoginBranding", "DescribeManagedLoginBrandingByClient",
            "DescribeResourceServer", "DescribeRiskConfiguration", "DescribeTerms", "DescribeUserImportJob",
            "DescribeUserPool", "DescribeUserPoolClient", "DescribeUserPoolDomain", "GetCSVHeader", "GetDevice",
            "GetGroup", "GetIdentityProviderByIdentifier", "GetLogDeliveryConfiguration", "GetSigningCertificate",
            "GetUICustomization", "GetUser", "GetUserAuthFactors", "GetUserPoolMfaConfig", "ListDevices",
            "ListGroups", "ListIdentityProviders", "ListResourceServers", "ListTagsForResource", "ListTerms",
            "ListUserImportJobs", "ListUserPoolClientSecrets", "ListUserPoolClients", "ListUserPools", "ListUsers",
            "ListUsersInGroup", "ListWebAuthnCredentials",
        ],
    ]

    static let versions: [CognitoService: String] = [.cognitoIdentity: "2014-06-30", .cognitoIdentityProvider: "2016-04-18"]

    @Test("Cognito Identity has all 23 operations and Cognito Identity Provider all 122")
    func operationCounts() {
        #expect(CognitoService.cognitoIdentity.operations.count == 23)
        #expect(CognitoService.cognitoIdentityProvider.operations.count == 122)
    }

    @Test("every model operation is generated, and nothing else", arguments: CognitoService.allCases)
    func sameOperations(service: CognitoService) throws {
        let model = try BotocoreModel.load(service: service.rawValue, version: Self.versions[service]!)
        #expect(Set(service.operations.map(\.name)) == Set(model.operations.keys))
    }

    @Test("each operation's target is the model's target prefix and its name", arguments: CognitoService.allCases)
    func targets(service: CognitoService) throws {
        let model = try BotocoreModel.load(service: service.rawValue, version: Self.versions[service]!)
        for operation in service.operations {
            #expect(operation.target == "\(model.targetPrefix).\(operation.name)")
        }
    }

    @Test("an operation is unsigned exactly when the model says authtype none or noAuth", arguments: CognitoService.allCases)
    func signing(service: CognitoService) throws {
        let model = try BotocoreModel.load(service: service.rawValue, version: Self.versions[service]!)
        for operation in service.operations {
            let source = try #require(model.operations[operation.name])
            let unsigned = source.authtype == "none" || (source.auth ?? []).contains("smithy.api#noAuth")
            #expect(operation.signed == !unsigned, "\(operation.name)")
        }
    }

    @Test("the operations the issue names as unsigned are unsigned, and admin calls are signed")
    func knownUnsigned() throws {
        let identity = try OperationCatalog.operations(of: "cognito-identity")
        let idp = try OperationCatalog.operations(of: "cognito-idp")
        let unsigned = Set((identity + idp).filter { !$0.signed }.map(\.name))
        #expect(unsigned.isSuperset(of: ["GetId", "GetCredentialsForIdentity", "InitiateAuth", "SignUp"]))
        #expect(!unsigned.contains("AdminInitiateAuth"))
        #expect(!unsigned.contains("ListUsers"))
    }

    @Test("exactly the read operations are marked as not mutating", arguments: CognitoService.allCases)
    func mutation(service: CognitoService) throws {
        let expectedReads = Self.readOnly[service]!
        let names = Set(service.operations.map(\.name))
        #expect(expectedReads.isSubset(of: names), "the specification names an operation the model lacks")
        for operation in service.operations {
            #expect(operation.mutates == !expectedReads.contains(operation.name), "\(operation.name)")
        }
    }

    @Test("input, output and error shapes are the model's", arguments: CognitoService.allCases)
    func shapes(service: CognitoService) throws {
        let model = try BotocoreModel.load(service: service.rawValue, version: Self.versions[service]!)
        for operation in service.operations {
            let source = try #require(model.operations[operation.name])
            #expect(operation.input == source.input)
            #expect(operation.output == source.output)
            #expect(Set(operation.errors) == Set(source.errors), "\(operation.name)")
        }
    }

    @Test("paginators are the model's paginators plus ListIdentities", arguments: CognitoService.allCases)
    func paginators(service: CognitoService) throws {
        let model = try BotocoreModel.load(service: service.rawValue, version: Self.versions[service]!)
        var expected = model.paginators
        if service == .cognitoIdentity {
            expected["ListIdentities"] = .init(input_token: "NextToken", output_token: "NextToken",
                                               limit_key: "MaxResults", result_key: "Identities")
        }
        let paged = service.operations.filter { $0.pagination != nil }
        #expect(Set(paged.map(\.name)) == Set(expected.keys))
        for operation in paged {
            let pagination = try #require(operation.pagination)
            let source = try #require(expected[operation.name])
            #expect(pagination.inputToken == source.input_token)
            #expect(pagination.outputToken == source.output_token)
            #expect(pagination.limitKey == source.limit_key)
            #expect(pagination.resultKey == source.result_key)
        }
    }

    @Test("every error code the models declare is matchable on a service error")
    func errorCodes() {
        let error = AWSServiceError(code: "UserNotFoundException", message: "", httpStatus: 400, requestId: nil,
                                    operation: "AdminGetUser")
        #expect(error.is(.userNotFoundException))
        #expect(!error.is(.resourceNotFoundException))
        #expect(CognitoService.cognitoIdentityProvider.errorCodes.contains(.userNotFoundException))
        #expect(CognitoService.cognitoIdentity.errorCodes.contains(.externalServiceException))
        #expect(CognitoService.cognitoIdentityProvider.errorCodes.count == 57)
        #expect(CognitoService.cognitoIdentity.errorCodes.count == 11)
    }
}
