import AWSCore
import CognitoAdmin
import Testing

@Suite(.timeLimit(.minutes(5))) struct JobFailureTests {
    static func service(_ code: String, _ status: Int) -> AWSServiceError {
        AWSServiceError(code: code, message: "m", httpStatus: status, requestId: "r", operation: "AdminDeleteUser")
    }

    static func transport(_ kind: TransportFailure.Kind) -> AWSClientError {
        .transport(TransportFailure(kind: kind, detail: "d", url: "https://example.test/"))
    }

    @Test(arguments: [
        ("ThrottlingException", 400, JobFailure.Kind.notApplied),
        ("TooManyRequestsException", 400, .notApplied),
        ("Anything", 429, .notApplied),
        ("ServiceUnavailable", 503, .notApplied),
        ("InternalErrorException", 500, .outcomeUnknown),
        ("BadGateway", 502, .outcomeUnknown),
        ("UserNotFoundException", 400, .rejected),
        ("NotAuthorizedException", 400, .rejected),
    ])
    func serviceErrorsAreSortedByWhatTheyProve(code: String, status: Int, kind: JobFailure.Kind) {
        let failure = JobFailure(classifying: Self.service(code, status))
        #expect(failure.kind == kind)
        #expect(failure.code == code)
        #expect(failure.requestId == "r")
        #expect(failure.httpStatus == status)
    }

    @Test func transportFailuresAreSortedByWhetherTheRequestLeft() {
        #expect(JobFailure(classifying: Self.transport(.couldNotConnect)).kind == .notApplied)
        #expect(JobFailure(classifying: Self.transport(.ambiguous)).kind == .outcomeUnknown)
        #expect(JobFailure(classifying: Self.transport(.cancelled)).kind == .outcomeUnknown)
        #expect(JobFailure(classifying: Self.transport(.local)).kind == .rejected)
        #expect(JobFailure(classifying: Self.transport(.ambiguous)).code == "Transport.ambiguous")
    }

    @Test func unreadableRepliesAreUnknownUnlessTheStatusProvesARefusal() {
        func kind(_ status: Int) -> JobFailure.Kind {
            JobFailure(classifying: AWSClientError.malformedResponse(operation: "Op", status: status, detail: "d",
                                                                     requestId: nil)).kind
        }
        #expect(kind(200) == .outcomeUnknown)
        #expect(kind(500) == .outcomeUnknown)
        #expect(kind(503) == .notApplied)
        #expect(kind(400) == .rejected)
    }

    @Test func errorsRaisedBeforeSendingAreRejections() {
        #expect(JobFailure(classifying: AWSClientError.readOnly(operation: "Op")).kind == .rejected)
        #expect(JobFailure(classifying: AWSClientError.noCredentials("none")).kind == .rejected)
    }

    @Test func anUnrecognisedErrorIsTreatedAsUnknownSoItIsReadBack() {
        struct Odd: Error {}
        #expect(JobFailure(classifying: Odd()).kind == .outcomeUnknown)
        #expect(JobFailure(classifying: CancellationError()).kind == .outcomeUnknown)
    }

    @Test func anErrorCanSayHowAJobShouldTreatIt() {
        struct AlreadyMember: JobClassifiableError {
            var jobFailure: JobFailure { JobFailure(code: "AlreadyMember", message: "x", kind: .rejected) }
        }
        #expect(JobFailure(classifying: AlreadyMember()).code == "AlreadyMember")
    }

    @Test func messagesAreKeptToOneLine() {
        let failure = JobFailure(code: "C", message: "  First line.\n  Second\tline.  ", kind: .rejected)
        #expect(failure.message == "First line. Second line.")
    }
}
