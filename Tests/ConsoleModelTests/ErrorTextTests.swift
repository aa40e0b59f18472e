import AWSCore
import ConsoleModel
import Testing

@Suite("Errors as one sentence", .timeLimit(.minutes(5)))
struct ErrorTextTests {
    static func service(_ code: String, _ message: String = "", status: Int = 400) -> AWSServiceError {
        AWSServiceError(code: code, message: message, httpStatus: status, requestId: "req-1", operation: "ListUsers")
    }

    @Test("service errors name the operation and end with the request id", arguments: [
        ("AccessDeniedException", "Access denied: these credentials may not call ListUsers (request id req-1)."),
        ("TooManyRequestsException", "Cognito is throttling ListUsers; wait a moment and press r to try again (request id req-1)."),
        ("UnknownOperationException", "The endpoint does not support ListUsers (request id req-1)."),
        ("ResourceNotFoundException", "Not found (ListUsers) (request id req-1)."),
    ])
    func serviceErrors(code: String, sentence: String) {
        #expect(ErrorText.sentence(Self.service(code)) == sentence)
    }

    @Test("the advice on trying again names the key that does it where the operator is")
    func retryAdvice() {
        let throttled = Self.service("TooManyRequestsException")
        #expect(ErrorText.sentence(throttled, retry: .resubmit)
                == "Cognito is throttling ListUsers; wait a moment and press Enter to try again (request id req-1).")
        #expect(ErrorText.sentence(throttled, retry: .again) == "Cognito is throttling ListUsers; wait a moment and try again (request id req-1).")
        #expect(ErrorText.sentence(Self.service("InternalErrorException", status: 500), retry: .again)
                == "Cognito had an internal error in ListUsers; try again (request id req-1).")
    }

    @Test("the service's message is kept, on one line, without a doubled full stop")
    func message() {
        let text = ErrorText.sentence(Self.service("NotAuthorizedException", "Token expired.\nTry again."))
        #expect(text == "Not authorized to call ListUsers: Token expired. Try again (request id req-1).")
    }

    @Test("an unreachable endpoint names the host")
    func transport() {
        let error = AWSClientError.transport(TransportFailure(kind: .couldNotConnect, detail: "Connection refused", url: "http://127.0.0.1:9/"))
        #expect(ErrorText.sentence(error) == "Could not reach 127.0.0.1:9: Connection refused.")
    }

    @Test("missing credentials and an expired SSO session say what to do")
    func credentials() {
        #expect(ErrorText.sentence(AWSClientError.noCredentials("tried env, profile")).contains("No AWS credentials were found"))
        #expect(ErrorText.sentence(AWSClientError.ssoLoginRequired(profile: "dev"))
                == "The IAM Identity Center (SSO) session of profile dev has expired or was never started: run `aws sso login --profile dev`, then press r.")
    }

    @Test("an unreadable HTTP 500 page reads as a failure that may be a missing operation")
    func emulatorPage() {
        let error = AWSClientError.malformedResponse(operation: "AdminListDevices", status: 500, detail: "the body is not JSON", requestId: nil)
        #expect(ErrorText.sentence(error) == "The endpoint failed to answer AdminListDevices (HTTP 500); it may not support it.")
    }

    @Test("an HTTP 501 with an unfamiliar code reads as unsupported")
    func notImplemented() {
        #expect(ErrorText.sentence(Self.service("NotYetImplemented", status: 501)).hasPrefix("The endpoint does not support ListUsers"))
    }
}

@Suite("Secrets in identity-provider details", .timeLimit(.minutes(5)))
struct ProviderDetailsMaskTests {
    @Test("client secrets and private keys are masked; public settings stay")
    func masked() {
        let out = ProviderDetailsMask.masked([
            "client_id": "abc.apps.googleusercontent.com", "client_secret": "GOCSPX-secret",
            "private_key": "-----BEGIN PRIVATE KEY-----", "authorize_scopes": "openid email", "team_id": "TEAM",
        ])
        #expect(out["client_id"] == "abc.apps.googleusercontent.com")
        #expect(out["authorize_scopes"] == "openid email" && out["team_id"] == "TEAM")
        #expect(out["client_secret"] == "********" && out["private_key"] == "********")
    }
}
