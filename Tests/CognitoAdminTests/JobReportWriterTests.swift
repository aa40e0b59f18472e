import CognitoAdmin
import Testing

@Suite(.timeLimit(.minutes(5))) struct JobReportWriterTests {
    static let report = JobReport(title: "Disable users", entries: [
        JobReportEntry(id: "u1", label: "Smith, \"Jo\"\nJr", call: JobCall(operation: "AdminDisableUser", resource: "pool/u1"),
                       outcome: .succeeded, verified: true, errorCode: "Transport.ambiguous",
                       message: "The connection failed.", attempts: 1, duration: .milliseconds(1250)),
        JobReportEntry(id: "u2", label: "bob", call: JobCall(operation: "AdminDisableUser", resource: "pool/u2"),
                       outcome: .failed, errorCode: "UserNotFoundException", message: "User does not exist.",
                       requestId: "7f3a", attempts: 1, duration: .milliseconds(40)),
        JobReportEntry(id: "u3", label: "carol", call: JobCall(operation: "AdminDisableUser", resource: "pool/u3"),
                       outcome: .notStarted),
    ], cancelled: true, elapsed: .seconds(2))

    @Test func csvQuotesFieldsAsRFC4180Requires() {
        let expected = "id,label,operation,resource,outcome,verified,attempts,durationSeconds,errorCode,message,requestId\r\n"
            + "u1,\"Smith, \"\"Jo\"\"\nJr\",AdminDisableUser,pool/u1,succeeded,true,1,1.250,Transport.ambiguous,The connection failed.,\r\n"
            + "u2,bob,AdminDisableUser,pool/u2,failed,false,1,0.040,UserNotFoundException,User does not exist.,7f3a\r\n"
            + "u3,carol,AdminDisableUser,pool/u3,not started,false,0,0.000,,,\r\n"
        #expect(JobReportWriter.csv(Self.report) == expected)
    }

    @Test func jsonLinesHoldOneEscapedObjectPerEntry() {
        let expected = #"{"id":"u1","label":"Smith, \"Jo\"\nJr","operation":"AdminDisableUser","resource":"pool/u1","outcome":"succeeded","verified":true,"attempts":1,"durationSeconds":1.250,"errorCode":"Transport.ambiguous","message":"The connection failed.","requestId":null}"#
            + "\n"
            + #"{"id":"u2","label":"bob","operation":"AdminDisableUser","resource":"pool/u2","outcome":"failed","verified":false,"attempts":1,"durationSeconds":0.040,"errorCode":"UserNotFoundException","message":"User does not exist.","requestId":"7f3a"}"#
            + "\n"
            + #"{"id":"u3","label":"carol","operation":"AdminDisableUser","resource":"pool/u3","outcome":"not started","verified":false,"attempts":0,"durationSeconds":0.000,"errorCode":null,"message":null,"requestId":null}"#
            + "\n"
        #expect(JobReportWriter.jsonLines(Self.report) == expected)
    }

    @Test func csvQuotesLineBreaksOfEitherKindAndLeavesPlainTextAlone() {
        var report = Self.report
        report.entries = [JobReportEntry(id: "a\r\nb", label: "plain text", call: JobCall(operation: "Op", resource: "r\nq"),
                                         outcome: .skipped, message: "tab\there")]
        #expect(JobReportWriter.csv(report).hasSuffix("\"a\r\nb\",plain text,Op,\"r\nq\",skipped,false,0,0.000,,tab\there,\r\n"))
    }

    @Test func jsonLinesEscapeControlCharacters() {
        var report = Self.report
        report.entries = [JobReportEntry(id: "x", label: "bell\u{07}tab\tback\\slash", call: JobCall(operation: "Op", resource: "r"),
                                         outcome: .unknown)]
        #expect(JobReportWriter.jsonLines(report).contains(#""label":"bell\u0007tab\tback\\slash""#))
    }

    @Test func theReportCountsItsEntries() {
        #expect(Self.report.totals == JobTotals(total: 3, succeeded: 1, failed: 1, notStarted: 1))
    }
}
