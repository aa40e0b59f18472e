import Foundation
import Testing
import TestSupport
@testable import AWSCore

/// TLS against a local HTTPS server whose certificate a private CA issued for `localhost`:
/// refused unless that CA is trusted (`AWS_CA_BUNDLE` or `ca_bundle`), and refused for another
/// host name even then.
@Suite("TLS: the server's certificate is verified", .serialized, .timeLimit(.minutes(5)))
struct TLSVerificationTests {
    /// A CA and a server certificate for `localhost` (and nothing else) made with openssl, and a
    /// server presenting it.
    final class Fixture: @unchecked Sendable {
        let folder: URL
        let server: StrictServer
        var caPath: String { folder.appendingPathComponent("ca.pem").path }
        var port: String { String(server.url.split(separator: ":").last!) }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
            try Self.openssl(["req", "-x509"] + ec + ["-keyout", "ca.key", "-out", "ca.pem", "-days", "1",
                              "-subj", "/CN=cognito-tui test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                              "-addext", "keyUsage=critical,keyCertSign"], in: folder)
            try Self.openssl(["req"] + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"], in: folder)
            try "subjectAltName=DNS:localhost\n".write(to: folder.appendingPathComponent("san.cnf"), atomically: true, encoding: .utf8)
            try Self.openssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                              "-out", "server.pem", "-days", "1", "-extfile", "san.cnf"], in: folder)
            server = try StrictServer(reply: #"{"UserPools":[]}"#, tls: (folder.appendingPathComponent("server.pem").path,
                                                                        folder.appendingPathComponent("server.key").path))
        }

        static func openssl(_ arguments: [String], in folder: URL) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            process.arguments = arguments
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw AWSClientError.invalidInput("openssl \(arguments.first ?? "") failed")
            }
        }

        /// One call through a session configured by these variables and config file.
        func call(host: String, environment: [String: String] = [:], config: String = "") async throws {
            let configPath = folder.appendingPathComponent("config-\(UUID().uuidString)").path
            try "[default]\nregion = us-east-1\n\(config)".write(toFile: configPath, atomically: true, encoding: .utf8)
            var variables = ["AWS_CONFIG_FILE": configPath, "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
                             "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "HOME": folder.path]
            variables.merge(environment) { $1 }
            let session = try AWSSession(overrides: ConfigOverrides(endpointURL: "https://\(host):\(port)"),
                                         context: RuntimeContext(environment: variables))
            _ = try await session.client(.cognitoIdentityProvider).callJSON("ListUserPools", input: Data("{}".utf8), mutates: false)
        }

        deinit {
            server.server.stop()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    static let fixture = Result { try Fixture() }

    @Test("without the CA the call is refused, in one sentence naming the certificate problem")
    func refusedWithoutBundle() async throws {
        let fixture = try Self.fixture.get()
        let error = await #expect(throws: AWSClientError.self) { try await fixture.call(host: "localhost") }
        let text = try #require(error).description
        #expect(text.hasPrefix("Could not connect to https://localhost:\(fixture.port)"))
        #expect(text.contains("SSL certificate problem: unable to get local issuer certificate"))
        #expect(text.hasSuffix(".") && !text.dropLast().contains(". "))
    }

    @Test("AWS_CA_BUNDLE makes the CA trusted")
    func acceptedWithEnvironmentBundle() async throws {
        let fixture = try Self.fixture.get()
        try await fixture.call(host: "localhost", environment: ["AWS_CA_BUNDLE": fixture.caPath])
    }

    @Test("ca_bundle in the profile makes the CA trusted")
    func acceptedWithConfigBundle() async throws {
        let fixture = try Self.fixture.get()
        try await fixture.call(host: "localhost", config: "ca_bundle = \(fixture.caPath)\n")
    }

    @Test("with the CA trusted, a host name the certificate does not name is still refused")
    func refusedForWrongHost() async throws {
        let fixture = try Self.fixture.get()
        let error = await #expect(throws: AWSClientError.self) {
            try await fixture.call(host: "127.0.0.1", environment: ["AWS_CA_BUNDLE": fixture.caPath])
        }
        let text = try #require(error).description
        #expect(text.contains("127.0.0.1"))
        #expect(text.contains("subject name") || text.contains("does not match"))
    }
}
