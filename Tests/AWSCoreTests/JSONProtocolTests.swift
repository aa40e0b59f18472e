import Foundation
import Testing
@testable import AWSCore

@Suite("AWS JSON 1.1 protocol", .timeLimit(.minutes(5)))
struct JSONProtocolTests {
    func reply(_ status: Int, _ body: String, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders(headers), body: Data(body.utf8))
    }

    @Test("a request carries the target, the content type and the body")
    func requestShape() {
        let endpoint = Endpoint(host: "cognito-idp.eu-west-1.amazonaws.com")
        let request = JSONProtocol.request(endpoint: endpoint, targetPrefix: "AWSCognitoIdentityProviderService",
                                           operation: "ListUserPools", body: Data())
        #expect(request.method == "POST")
        #expect(request.path == "/")
        #expect(request.headers["X-Amz-Target"] == "AWSCognitoIdentityProviderService.ListUserPools")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(String(decoding: request.body, as: UTF8.self) == "{}")
    }

    @Test("the error code loses its namespace prefix and keeps message, status and request id")
    func namespacedType() throws {
        let error = JSONProtocol.decodeError(
            reply(400, #"{"__type":"com.amazonaws.cognito#ResourceNotFoundException","message":"no pool"}"#,
                  headers: [("x-amzn-RequestId", "abc-123")]), operation: "DescribeUserPool")
        let e = try #require(error as? AWSServiceError)
        #expect(e.code == "ResourceNotFoundException")
        #expect(e.message == "no pool")
        #expect(e.httpStatus == 400)
        #expect(e.requestId == "abc-123")
    }

    @Test("x-amzn-ErrorType wins and its URL suffix is dropped; Message is read too")
    func headerType() throws {
        let error = JSONProtocol.decodeError(
            reply(400, #"{"Message":"slow down"}"#,
                  headers: [("x-amzn-ErrorType", "TooManyRequestsException:http://internal.amazon.com/")]),
            operation: "ListUsers")
        let e = try #require(error as? AWSServiceError)
        #expect(e.code == "TooManyRequestsException")
        #expect(e.message == "slow down")
    }

    @Test("an HTML page from a proxy is a malformed reply, not a crash")
    func htmlBody() {
        let error = JSONProtocol.decodeError(reply(502, "<html><body>Bad Gateway</body></html>"), operation: "ListUsers")
        guard case .malformedResponse(let op, let status, let detail, _) = error as? AWSClientError else {
            Issue.record("expected malformedResponse, got \(error)"); return
        }
        #expect(op == "ListUsers")
        #expect(status == 502)
        #expect(detail.contains("not JSON"))
    }

    @Test("an empty 500 is a malformed reply that says the body is empty")
    func emptyBody() {
        let error = JSONProtocol.decodeError(reply(500, ""), operation: "ListUsers")
        #expect((error as? AWSClientError).map { "\($0)" }?.contains("the body is empty") == true)
    }

    @Test("a success body cut short is rejected; an empty one reads as {}")
    func successBodies() throws {
        #expect(throws: AWSClientError.self) {
            try JSONProtocol.validateSuccessBody(reply(200, #"{"UserPools":[{"Id":"#), operation: "ListUserPools")
        }
        let empty = try JSONProtocol.validateSuccessBody(reply(200, ""), operation: "DeleteUser")
        #expect(String(decoding: empty, as: UTF8.self) == "{}")
    }
}

@Suite("Redaction of secrets", .timeLimit(.minutes(5)))
struct RedactorTests {
    @Test("signatures and session tokens are masked in headers")
    func headers() {
        let auth = "AWS4-HMAC-SHA256 Credential=AKID/20200101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=abcdef"
        #expect(Redactor.header("Authorization", auth).hasSuffix("Signature=<redacted>"))
        #expect(!Redactor.header("Authorization", auth).contains("abcdef"))
        #expect(Redactor.header("X-Amz-Security-Token", "tok") == "<redacted>")
        #expect(Redactor.header("X-Amz-Target", "A.B") == "A.B")
    }

    @Test("passwords, tokens and logins are masked in JSON bodies at any depth; page tokens are kept")
    func jsonBodies() {
        let body = #"{"Password":"hunter2","AuthParameters":{"PASSWORD":"x"},"Logins":{"a":"jwt"},"NextToken":"page2","Nested":[{"IdToken":"eyJ"}]}"#
        let out = Redactor.body(Data(body.utf8))
        for secret in ["hunter2", "jwt", "eyJ", #""x""#] { #expect(!out.contains(secret)) }
        #expect(out.contains("page2"))
    }

    @Test("identity-provider keys and SAML assertions are masked")
    func providerSecrets() {
        let body = #"{"ProviderDetails":{"client_id":"abc","private_key":"-----BEGIN PRIVATE KEY-----X"},"SAMLAssertion":"PHNhbWw+","PrivateKey":"k"}"#
        let out = Redactor.body(Data(body.utf8))
        for secret in ["BEGIN PRIVATE KEY", "PHNhbWw+", #""k""#] { #expect(!out.contains(secret), "\(secret) leaked") }
        let form = Redactor.body(Data("Action=AssumeRoleWithSAML&SAMLAssertion=PHNhbWw&RoleArn=arn".utf8))
        #expect(!form.contains("PHNhbWw") && form.contains("RoleArn=arn"))
    }

    @Test("STS XML and form bodies lose their secrets")
    func xmlAndForm() {
        let xml = "<R><Credentials><AccessKeyId>AK</AccessKeyId><SecretAccessKey>S3CR3T</SecretAccessKey><SessionToken>T0K</SessionToken></Credentials></R>"
        let out = Redactor.body(Data(xml.utf8))
        #expect(!out.contains("S3CR3T") && !out.contains("T0K") && out.contains("AK"))
        let form = Redactor.body(Data("Action=AssumeRoleWithWebIdentity&WebIdentityToken=eyJabc&RoleArn=arn".utf8))
        #expect(!form.contains("eyJabc") && form.contains("RoleArn=arn"))
    }
}
