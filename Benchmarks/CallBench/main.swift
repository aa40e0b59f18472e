import AWSCore
import Foundation

/// Makes N sequential signed `ListUserPools` calls through AWSClient against an endpoint and
/// prints one line: `calls seconds cpu_seconds`. Used by scripts/bench/client-calls.sh.
@main
enum CallBench {
    static func main() async throws {
        let args = CommandLine.arguments
        guard args.count >= 3, let calls = Int(args[2]), let endpoint = Endpoint(url: args[1]) else {
            FileHandle.standardError.write(Data("usage: cognito-call-bench <endpoint-url> <calls>\n".utf8))
            exit(2)
        }
        let client = AWSClient(
            service: .cognitoIdentityProvider, region: "us-east-1", endpoint: endpoint,
            credentials: FixedCredentials(Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "bench-secret")),
            transport: CurlTransport(), context: RuntimeContext(environment: [:]))
        let input = Data(#"{"MaxResults":10}"#.utf8)
        // One warm-up call opens the connection.
        _ = try await client.callJSON("ListUserPools", input: input, mutates: false)
        let cpuBefore = cpuSeconds()
        let start = Date()
        for _ in 0..<calls {
            let reply = try await client.callJSON("ListUserPools", input: input, mutates: false)
            guard reply.status == 200 else { fatalError("unexpected status \(reply.status)") }
        }
        let elapsed = Date().timeIntervalSince(start)
        let cpu = cpuSeconds() - cpuBefore
        print("\(calls) \(elapsed) \(cpu)")
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }
}
