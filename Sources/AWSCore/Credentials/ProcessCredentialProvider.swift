import Foundation

/// Credentials printed by the profile's `credential_process` command ("Sourcing credentials with
/// an external process", AWS SDKs and Tools Reference Guide): JSON on stdout with `Version` 1,
/// `AccessKeyId`, `SecretAccessKey`, and optionally `SessionToken` and `Expiration` (ISO 8601).
///
/// The command's stdout holds secrets, so it never appears in a message; on failure only the first
/// line of its stderr is quoted. The command line itself is not quoted either, as it may carry
/// a token.
public struct ProcessCredentialProvider: CredentialProvider {
    public var profileName: String
    /// The profile's merged settings.
    public var profile: [String: String]
    public var context: RuntimeContext
    /// How long the command may run before it is killed: a command that waits for something
    /// that never comes (a prompt, a network) must not hold every call of the session.
    public var timeout: Duration

    public static let defaultTimeout: Duration = .seconds(60)

    public init(profileName: String, profile: [String: String], context: RuntimeContext,
                timeout: Duration = ProcessCredentialProvider.defaultTimeout) {
        self.profileName = profileName
        self.profile = profile
        self.context = context
        self.timeout = timeout
    }

    public func credentials() async throws -> Credentials {
        guard let command = profile["credential_process"], !command.isEmpty else {
            throw CredentialSourceNotConfigured()
        }
        let what = "The credential_process of profile `\(profileName)`"
        let output: ProcessOutput
        do {
            output = try await context.processRunner.run(commandLine: command, environment: context.environment,
                                                          timeout: timeout)
        } catch is ProcessTimedOut {
            throw AWSClientError.credentials("\(what) did not finish within \(Self.seconds(timeout.components.seconds)) and was stopped.")
        } catch {
            throw AWSClientError.credentials("\(what) could not be started: \(error).")
        }
        guard output.status == 0 else {
            var message = "\(what) exited with status \(output.status)"
            if let line = CredentialSupport.firstLine(output.stderr) { message += ": \(line)" }
            throw AWSClientError.credentials(message.hasSuffix(".") ? message : message + ".")
        }
        guard let json = CredentialSupport.jsonObject(output.stdout) else {
            throw AWSClientError.credentials("\(what) did not print a JSON object.")
        }
        guard let version = json["Version"] as? Int, version == 1 else {
            let shown = json["Version"].map { "`\($0)`" } ?? "none"
            throw AWSClientError.credentials("\(what) printed Version \(shown); only Version 1 is understood.")
        }
        guard let accessKey = CredentialSupport.string(json, "AccessKeyId") else {
            throw AWSClientError.credentials("\(what) printed JSON without AccessKeyId.")
        }
        guard let secretKey = CredentialSupport.string(json, "SecretAccessKey") else {
            throw AWSClientError.credentials("\(what) printed JSON without SecretAccessKey.")
        }
        var expiration: Date?
        if let text = CredentialSupport.string(json, "Expiration") {
            guard let date = CredentialSupport.parseTimestamp(text) else {
                throw AWSClientError.credentials("\(what) printed an Expiration that is not an ISO 8601 time: `\(text)`.")
            }
            expiration = date
        }
        return Credentials(accessKeyId: accessKey, secretAccessKey: secretKey,
                           sessionToken: CredentialSupport.string(json, "SessionToken"),
                           expiration: expiration, source: "credential-process")
    }

    static func seconds(_ count: Int64) -> String {
        count == 1 ? "1 second" : "\(count) seconds"
    }
}
