import AWSCore
import ArgumentParser
import CognitoAPI
import CognitoAdmin
import Foundation

/// `cognito-tui credentials`: temporary AWS credentials for an identity of an identity pool.
struct CredentialsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credentials",
        abstract: "Get temporary AWS credentials for an identity pool's identity (a guest, or the identity of some logins).",
        discussion: """
            Without --identity-id, GetId finds the identity of the logins (or makes a guest). The enhanced \
            flow (default) calls GetCredentialsForIdentity, with --custom-role-arn when given; the basic \
            flow (--flow basic, or --role-arn alone) calls GetOpenIdToken and then STS \
            AssumeRoleWithWebIdentity with --role-arn. Each --login is PROVIDER=@FILE (the token in a \
            file) or PROVIDER=- (stdin's first line); a token written in the arguments is accepted but \
            shows in `ps` and the shell's history. The calls are unsigned: no AWS credentials are needed.

            --format json (default) prints IdentityId, AccessKeyId, SecretAccessKey, SessionToken and \
            Expiration; env prints export lines for a shell; process prints the credential_process JSON \
            (Version 1), so that a profile can use this command:

              [profile guest]
              credential_process = cognito-tui credentials --identity-pool eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789 --format process

            Examples:
              cognito-tui credentials --identity-pool eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789
              cognito-tui credentials --identity-pool eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789 --login cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123def=@id-token.jwt --format env
            """
    )

    @Option(name: .customLong("identity-pool"), help: "The identity pool id (REGION:UUID).")
    var identityPool: String
    @Option(name: .customLong("identity-id"), help: "A known identity id (skips GetId).")
    var identityId: String?
    @Option(name: .customLong("login"), help: ArgumentHelp("A login: PROVIDER=@FILE or PROVIDER=- (stdin).", valueName: "provider=token"))
    var logins: [String] = []
    @Option(name: .customLong("custom-role-arn"), help: "Ask for this role of the pool's role mappings (enhanced flow).")
    var customRoleArn: String?
    @Option(help: "enhanced (GetCredentialsForIdentity) or basic (GetOpenIdToken + AssumeRoleWithWebIdentity).")
    var flow: String?
    @Option(name: .customLong("role-arn"), help: "The role the basic flow assumes.")
    var roleArn: String?
    @Option(help: "json, env or process (credential_process JSON).")
    var format: String = "json"
    @OptionGroup var global: GlobalOptions

    var basic: Bool { flow == "basic" || (flow == nil && roleArn != nil) }

    func validate() throws {
        try InputChecks.identityPoolID(identityPool)
        if let flow, !["enhanced", "basic"].contains(flow) { throw ValidationError("--flow must be enhanced or basic, got `\(flow)`.") }
        if basic && roleArn == nil { throw ValidationError("The basic flow needs --role-arn.") }
        if !basic && roleArn != nil { throw ValidationError("--role-arn is for the basic flow; leave out --flow enhanced.") }
        if basic && customRoleArn != nil { throw ValidationError("--custom-role-arn is for the enhanced flow.") }
        if !["json", "env", "process"].contains(format) { throw ValidationError("--format must be json, env or process, got `\(format)`.") }
        for login in logins where !login.contains("=") || login.hasPrefix("=") {
            throw ValidationError("--login must be PROVIDER=@FILE or PROVIDER=-, got `\(login.prefix(40))`.")
        }
        if logins.filter({ $0.hasSuffix("=-") }).count > 1 { throw ValidationError("Only one --login can read stdin.") }
    }

    func run() async throws {
        let context = RuntimeContext.live()
        let session = try global.session(context: context, settings: try GlobalOptions.loadSettings(context))
        let request = IdentityCredentialsRequest(identityPoolId: identityPool, identityId: identityId,
                                                 logins: try readLogins(context),
                                                 flow: basic ? .basic(roleArn: roleArn!, sessionName: "cognito-tui", sessionPolicy: nil)
                                                             : .enhanced(customRoleArn: customRoleArn))
        if request.resolvesIdentity && session.readOnly { throw AWSClientError.readOnly(operation: "GetId") }
        // The pool's own region, whatever the profile says; the endpoint as configured.
        let configuration = try CognitoClientConfiguration(session: session, region: request.region)
        let issued = try await IdentityCredentials.issue(request, configuration: configuration)
        let keys = issued.credentials
        switch format {
        case "env":
            FileHandle.standardOutput.write(Data(CredentialsExport.environment(keys).utf8))
        case "process":
            FileHandle.standardOutput.write(try CredentialsExport.credentialProcess(keys) + Data("\n".utf8))
        default:
            var out: [String: String] = ["AccessKeyId": keys.accessKeyId, "SecretAccessKey": keys.secretAccessKey]
            if let v = issued.identityId { out["IdentityId"] = v }
            if let v = keys.sessionToken { out["SessionToken"] = v }
            if let v = keys.expiration { out["Expiration"] = ISO8601.format(v) }
            Output.json(try JSONSerialization.data(withJSONObject: out), pretty: isatty(STDOUT_FILENO) == 1)
        }
    }

    /// provider → token, read from the files or stdin the options name.
    private func readLogins(_ context: RuntimeContext) throws -> [String: CognitoLogin] {
        var result: [String: CognitoLogin] = [:]
        for login in logins {
            let parts = login.split(separator: "=", maxSplits: 1).map(String.init)
            let (provider, source) = (parts[0], parts.count > 1 ? parts[1] : "")
            let token: String
            if source == "-" {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                    throw CommandFailure.usage("The token for \(provider) was to come from stdin, which is empty.")
                }
                token = line
            } else if source.hasPrefix("@") {
                let path = context.expandingTilde(String(source.dropFirst()))
                guard let data = try context.files.read(path) else { throw CommandFailure.usage("\(path) cannot be read.") }
                token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            } else {
                token = source
            }
            result[provider] = .token(token)
        }
        return result
    }
}
