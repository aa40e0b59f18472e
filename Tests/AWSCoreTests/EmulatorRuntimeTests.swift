import Foundation
import Testing
import TestSupport
@testable import AWSCore

/// The runtime against the local emulator (moto in server mode with the project's extension).
@Suite("Runtime against the emulator", .timeLimit(.minutes(5)))
struct EmulatorRuntimeTests {
    static let keys = TestEmulator.keys

    func client(_ service: ServiceDescriptor, readOnly: Bool = false) throws -> AWSClient {
        AWSClient(service: service, region: "us-east-1", endpoint: Endpoint(url: try TestEmulator.url())!,
                  credentials: FixedCredentials(Self.keys), transport: CurlTransport(), readOnly: readOnly,
                  context: RuntimeContext(environment: [:]))
    }

    func object(_ response: AWSResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
    }

    @Test("a signed call creates and lists a user pool")
    func signedCall() async throws {
        let idp = try client(.cognitoIdentityProvider)
        let name = "runtime-\(UUID().uuidString.prefix(8))"
        let created = try object(try await idp.callJSON("CreateUserPool", input: Data(#"{"PoolName":"\#(name)"}"#.utf8), mutates: true))
        let pool = try #require(created["UserPool"] as? [String: Any])
        let id = try #require(pool["Id"] as? String)
        // Other tests create pools in the same emulator: page through all of them.
        var ids: [String] = []
        var token: String?
        repeat {
            var input: [String: Any] = ["MaxResults": 60]
            if let token { input["NextToken"] = token }
            let page = try object(try await idp.callJSON("ListUserPools", input: try JSONSerialization.data(withJSONObject: input), mutates: false))
            ids += (page["UserPools"] as? [[String: Any]] ?? []).compactMap { $0["Id"] as? String }
            token = page["NextToken"] as? String
        } while token != nil
        #expect(ids.contains(id))
    }

    @Test("an unsigned GetId succeeds without credentials")
    func unsignedGetId() async throws {
        let identity = try client(.cognitoIdentity)
        let created = try object(try await identity.callJSON(
            "CreateIdentityPool",
            input: Data(#"{"IdentityPoolName":"runtime_pool","AllowUnauthenticatedIdentities":true}"#.utf8), mutates: true))
        let poolId = try #require(created["IdentityPoolId"] as? String)
        let anonymous = AWSClient(service: .cognitoIdentity, region: "us-east-1",
                                  endpoint: Endpoint(url: try TestEmulator.url())!,
                                  credentials: FixedCredentials(nil), transport: CurlTransport(),
                                  context: RuntimeContext(environment: [:]))
        let reply = try object(try await anonymous.callJSON(
            "GetId", input: Data(#"{"IdentityPoolId":"\#(poolId)"}"#.utf8), signed: false, mutates: true))
        #expect((reply["IdentityId"] as? String)?.hasPrefix("us-east-1:") == true)
    }

    @Test("an unknown pool is ResourceNotFoundException with a request id")
    func unknownPool() async throws {
        let idp = try client(.cognitoIdentityProvider)
        await #expect {
            _ = try await idp.callJSON("DescribeUserPool", input: Data(#"{"UserPoolId":"us-east-1_doesNotExist"}"#.utf8), mutates: false)
        } throws: { error in
            guard let e = error as? AWSServiceError else { return false }
            return e.code == "ResourceNotFoundException" && e.httpStatus == 400 && (e.requestId?.isEmpty == false)
        }
    }

    @Test("an operation of the project's extension answers through the same endpoint")
    func extensionOperation() async throws {
        let identity = try client(.cognitoIdentity)
        await #expect {
            _ = try await identity.callJSON("GetIdentityPoolRoles", input: Data(#"{"IdentityPoolId":"us-east-1:00000000-0000-0000-0000-000000000000"}"#.utf8), mutates: false)
        } throws: { error in
            (error as? AWSServiceError)?.code == "ResourceNotFoundException"
        }
    }

    @Test("STS AssumeRole and GetCallerIdentity work through the Query protocol")
    func stsAssumeRole() async throws {
        let sts = STSClient(region: "us-east-1", endpoint: Endpoint(url: try TestEmulator.url())!,
                            transport: CurlTransport(), context: RuntimeContext(environment: [:]))
        let assumed = try await sts.assumeRole(
            AssumeRoleRequest(roleArn: "arn:aws:iam::123456789012:role/admin", roleSessionName: "runtime-test",
                              durationSeconds: 900),
            credentials: Self.keys)
        #expect(assumed.accessKeyId.hasPrefix("ASIA"))
        #expect(assumed.sessionToken?.isEmpty == false)
        #expect(assumed.expiration != nil)
        let identity = try await sts.getCallerIdentity(credentials: FixedCredentials(assumed))
        #expect(identity["Arn"]?.contains("assumed-role/admin/runtime-test") == true)
    }

    @Test("an STS error is decoded from its XML with code and message")
    func stsError() async throws {
        let sts = STSClient(region: "us-east-1", endpoint: Endpoint(url: try TestEmulator.url())!,
                            transport: CurlTransport(), context: RuntimeContext(environment: [:]))
        await #expect {
            // A session name over 64 characters breaks the API's length rule.
            _ = try await sts.assumeRole(
                AssumeRoleRequest(roleArn: "arn:aws:iam::123456789012:role/admin",
                                  roleSessionName: String(repeating: "x", count: 65)),
                credentials: Self.keys)
        } throws: { error in
            guard let e = error as? AWSServiceError else { return false }
            return e.code == "ValidationError" && e.message.contains("roleSessionName") && e.httpStatus == 400
        }
    }
}
