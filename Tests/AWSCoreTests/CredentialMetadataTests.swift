import Foundation
import Testing
@testable import AWSCore

@Suite("Container credentials and EC2 instance metadata", .timeLimit(.minutes(5)))
struct CredentialMetadataTests {
    static let containerBody = """
        {"AccessKeyId": "ASIACTR", "SecretAccessKey": "ctr-secret", "Token": "ctr-token",
         "Expiration": "2030-01-01T06:00:00Z", "RoleArn": "arn:aws:iam::1:role/Task"}
        """

    func container(_ environment: [String: String], files: MemoryFiles = MemoryFiles(),
                   transport: RecordingTransport) -> ContainerCredentialProvider {
        ContainerCredentialProvider(context: makeContext(environment: environment, files: files), transport: transport)
    }

    func failure(_ provider: some CredentialProvider) async -> String? {
        do {
            _ = try await provider.credentials()
            return nil
        } catch {
            return message(of: error)
        }
    }

    // MARK: Container

    @Test func relativeURIGoesToTheECSAddress() async throws {
        let transport = RecordingTransport { _ in json(200, Self.containerBody) }
        let credentials = try await container(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc"],
                                              transport: transport).credentials()
        #expect(credentials == Credentials(accessKeyId: "ASIACTR", secretAccessKey: "ctr-secret",
                                           sessionToken: "ctr-token", expiration: testNow + 6 * 3600, source: "container"))
        #expect(transport.requests.first?.urlString == "http://169.254.170.2/v2/credentials/abc")
        #expect(transport.requests.first?.headers["Authorization"] == nil)
    }

    @Test func relativeURIBeatsFullURI() async throws {
        let transport = RecordingTransport { _ in json(200, Self.containerBody) }
        _ = try await container(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/r",
                                 "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:9/f"], transport: transport)
            .credentials()
        #expect(transport.requests.first?.endpoint.host == "169.254.170.2")
    }

    @Test func fullURIWithTheAuthorizationToken() async throws {
        let transport = RecordingTransport { _ in json(200, Self.containerBody) }
        _ = try await container(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:8080/creds?id=1",
                                 "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Basic abc"], transport: transport).credentials()
        let request = try #require(transport.requests.first)
        #expect(request.urlString == "http://127.0.0.1:8080/creds?id=1")
        #expect(request.headers["Authorization"] == "Basic abc")
    }

    @Test func tokenFileBeatsTheTokenVariableAndIsReadEachTime() async throws {
        let transport = RecordingTransport { _ in json(200, Self.containerBody) }
        let files = MemoryFiles(["/var/run/eks/token": "eks-token-1\n"])
        let provider = container(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://169.254.170.23/v1/credentials",
                                  "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": "/var/run/eks/token",
                                  "AWS_CONTAINER_AUTHORIZATION_TOKEN": "ignored"], files: files, transport: transport)
        _ = try await provider.credentials()
        files.set("/var/run/eks/token", "eks-token-2")
        _ = try await provider.credentials()
        #expect(transport.requests.map { $0.headers["Authorization"] } == ["eks-token-1", "eks-token-2"])
    }

    @Test(arguments: ["http://127.0.0.1/c", "http://127.1.2.3:80/c", "http://localhost:5/c", "http://[::1]:5/c",
                      "http://169.254.170.2/c", "http://169.254.170.23/c", "http://[fd00:ec2::23]/c",
                      "https://creds.example.com/c"])
    func fullURIHostsTheSDKsAllow(url: String) async throws {
        let transport = RecordingTransport { _ in json(200, Self.containerBody) }
        _ = try await container(["AWS_CONTAINER_CREDENTIALS_FULL_URI": url], transport: transport).credentials()
        #expect(transport.requests.count == 1)
    }

    @Test(arguments: ["http://creds.example.com/c", "http://10.0.0.1/c", "http://169.254.169.254/c"])
    func fullURIOverPlainHTTPToOtherHostsIsRefused(url: String) async throws {
        let transport = RecordingTransport()
        let message = await failure(container(["AWS_CONTAINER_CREDENTIALS_FULL_URI": url], transport: transport))
        #expect(message?.hasPrefix("The container credentials URI `\(url)` must use https, or http to a loopback") == true)
        #expect(transport.requests.isEmpty)
    }

    @Test func noContainerVariablesIsNotConfigured() async {
        await #expect(throws: CredentialSourceNotConfigured()) {
            try await container([:], transport: RecordingTransport()).credentials()
        }
    }

    @Test func tokenWithALineBreakIsNotSent() async {
        let transport = RecordingTransport()
        let message = await failure(container(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c",
                                               "AWS_CONTAINER_AUTHORIZATION_TOKEN": "a\nInjected: b"], transport: transport))
        #expect(message == "The container authorization token has a line break, so it cannot be sent.")
        #expect(transport.requests.isEmpty)
    }

    @Test func failuresAreRetriedThreeTimes() async {
        let transport = RecordingTransport { _ in HTTPResponse(status: 500) }
        let message = await failure(container(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"], transport: transport))
        #expect(message == "Container credentials could not be fetched from http://169.254.170.2/c: HTTP 500.")
        #expect(transport.requests.count == 3)
    }

    @Test func oneFailureThenSuccessGivesCredentials() async throws {
        let calls = LockedBox<Int>()
        let transport = RecordingTransport { _ in
            calls.value = (calls.value ?? 0) + 1
            return calls.value == 1 ? HTTPResponse(status: 503) : json(200, Self.containerBody)
        }
        let credentials = try await container(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"], transport: transport)
            .credentials()
        #expect(credentials.accessKeyId == "ASIACTR")
        #expect(transport.requests.count == 2)
    }

    @Test func unreachableEndpointReportsTheTransportError() async {
        let transport = RecordingTransport { request in
            throw AWSClientError.transport(TransportFailure(kind: .couldNotConnect, detail: "refused", url: request.urlString))
        }
        #expect(await failure(container(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"], transport: transport))
                == "Container credentials could not be fetched from http://169.254.170.2/c: "
                + "Could not connect to http://169.254.170.2/c: refused.")
    }

    @Test func slowEndpointTimesOut() async {
        let transport = RecordingTransport { _ in
            try await Task.sleep(for: .seconds(30))
            return json(200, Self.containerBody)
        }
        let provider = ContainerCredentialProvider(
            context: makeContext(environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"]), transport: transport,
            timeout: .milliseconds(50), attempts: 1)
        #expect(await failure(provider)?.contains("no reply within") == true)
    }

    // MARK: Instance metadata

    static let imdsRoutes: [String: HTTPResponse] = [
        "PUT /latest/api/token": HTTPResponse(status: 200, body: Data("imds-token-1".utf8)),
        "GET /latest/meta-data/iam/security-credentials/": HTTPResponse(status: 200, body: Data("InstanceRole\n".utf8)),
        "GET /latest/meta-data/iam/security-credentials/InstanceRole": json(200, """
            {"Code": "Success", "Type": "AWS-HMAC", "AccessKeyId": "ASIAEC2", "SecretAccessKey": "ec2-secret",
             "Token": "ec2-token", "Expiration": "2030-01-01T06:00:00Z"}
            """),
    ]

    func imds(_ environment: [String: String] = ["AWS_EC2_METADATA_DISABLED": ""], profile: [String: String] = [:],
              transport: RecordingTransport) -> InstanceMetadataCredentialProvider {
        InstanceMetadataCredentialProvider(context: makeContext(environment: environment), transport: transport,
                                           profile: profile)
    }

    @Test func imdsV2TokenIsFetchedThenSentWithBothGets() async throws {
        let transport = RecordingTransport(routes: Self.imdsRoutes)
        let credentials = try await imds(transport: transport).credentials()
        #expect(credentials == Credentials(accessKeyId: "ASIAEC2", secretAccessKey: "ec2-secret",
                                           sessionToken: "ec2-token", expiration: testNow + 6 * 3600,
                                           source: "instance-metadata"))
        let requests = transport.requests
        #expect(requests.map { "\($0.method) \($0.path)" } == [
            "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
            "GET /latest/meta-data/iam/security-credentials/InstanceRole"])
        #expect(requests[0].headers["x-aws-ec2-metadata-token-ttl-seconds"] == "21600")
        #expect(requests[1].headers["x-aws-ec2-metadata-token"] == "imds-token-1")
        #expect(requests[2].headers["x-aws-ec2-metadata-token"] == "imds-token-1")
        #expect(requests[0].endpoint == Endpoint(scheme: "http", host: "169.254.169.254"))
    }

    @Test(arguments: [403, 404, 405])
    func tokenRefusedFallsBackToIMDSv1(status: Int) async throws {
        var routes = Self.imdsRoutes
        routes["PUT /latest/api/token"] = HTTPResponse(status: status)
        let transport = RecordingTransport(routes: routes)
        #expect(try await imds(transport: transport).credentials().accessKeyId == "ASIAEC2")
        #expect(transport.requests.dropFirst().allSatisfy { $0.headers["x-aws-ec2-metadata-token"] == nil })
    }

    @Test func imdsV1FallbackCanBeDisabled() async {
        var routes = Self.imdsRoutes
        routes["PUT /latest/api/token"] = HTTPResponse(status: 403)
        let message = await failure(imds(profile: ["ec2_metadata_v1_disabled": "true"],
                                         transport: RecordingTransport(routes: routes)))
        #expect(message == "The instance metadata service gave no IMDSv2 token, and IMDSv1 is disabled (ec2_metadata_v1_disabled).")
    }

    @Test func badTokenRequestMeansNoCredentials() async {
        var routes = Self.imdsRoutes
        routes["PUT /latest/api/token"] = HTTPResponse(status: 400)
        await #expect(throws: CredentialSourceNotConfigured()) {
            try await imds(transport: RecordingTransport(routes: routes)).credentials()
        }
    }

    @Test func disabledIMDSSendsNothing() async {
        let transport = RecordingTransport(routes: Self.imdsRoutes)
        await #expect(throws: CredentialSourceNotConfigured(note: "disabled by AWS_EC2_METADATA_DISABLED")) {
            try await imds(["AWS_EC2_METADATA_DISABLED": "TRUE"], transport: transport).credentials()
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func noServiceListeningMeansNotConfiguredAfterOneRequest() async {
        let transport = RecordingTransport { request in
            throw AWSClientError.transport(TransportFailure(kind: .couldNotConnect, detail: "timeout", url: request.urlString))
        }
        await #expect(throws: CredentialSourceNotConfigured()) { try await imds(transport: transport).credentials() }
        #expect(transport.requests.count == 1)
    }

    @Test func instanceWithoutARoleMeansNotConfigured() async {
        var routes = Self.imdsRoutes
        routes["GET /latest/meta-data/iam/security-credentials/"] = HTTPResponse(status: 404)
        await #expect(throws: CredentialSourceNotConfigured()) {
            try await imds(transport: RecordingTransport(routes: routes)).credentials()
        }
    }

    @Test func customEndpointFromTheEnvironmentBeatsTheProfile() async throws {
        let transport = RecordingTransport(routes: Self.imdsRoutes)
        _ = try await imds(["AWS_EC2_METADATA_DISABLED": "", "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:1338"],
                           profile: ["ec2_metadata_service_endpoint": "http://127.0.0.1:9"], transport: transport)
            .credentials()
        #expect(transport.requests.allSatisfy { $0.endpoint == Endpoint(scheme: "http", host: "127.0.0.1", port: 1338) })
    }

    @Test func customEndpointFromTheProfile() async throws {
        let transport = RecordingTransport(routes: Self.imdsRoutes)
        _ = try await imds(profile: ["ec2_metadata_service_endpoint": "http://127.0.0.1:9"], transport: transport)
            .credentials()
        #expect(transport.requests.first?.endpoint.port == 9)
    }

    @Test func ipv6EndpointMode() throws {
        let provider = imds(profile: ["ec2_metadata_service_endpoint_mode": "IPv6"], transport: RecordingTransport())
        #expect(try provider.endpoint() == Endpoint(scheme: "http", host: "fd00:ec2::254"))
    }
}
