import AWSCore
import ArgumentParser
import CognitoAPI
import CognitoAdmin
import Foundation

/// `cognito-tui token decode|verify`: what a JWT says, and whether to believe it.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Decode a JWT, or verify a Cognito token against its user pool's keys.",
        discussion: """
            The token is given as an argument, read from a file with @path, or from stdin with -; \
            it is never printed back.

            Examples:
              cognito-tui token decode - < id-token.jwt
              cognito-tui token verify @access-token.jwt --pool eu-west-1_AbC123def --client 4c6a0q0example1client2id
            """,
        subcommands: [TokenDecodeCommand.self, TokenVerifyCommand.self]
    )

    /// The token text from an argument: itself, `@file`, or `-` for stdin.
    static func read(_ argument: String) throws -> String {
        let text: String
        if argument == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else if argument.hasPrefix("@") {
            let path = String(argument.dropFirst())
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure.usage("\(path) cannot be read.")
            }
            text = String(decoding: data, as: UTF8.self)
        } else {
            text = argument
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func decode(_ argument: String) throws -> JSONWebToken {
        do {
            return try JSONWebToken(compact: try read(argument))
        } catch let error as TokenDecodingError {
            throw CommandFailure.usage("This is not a JWT: \(error)")
        }
    }
}

struct TokenDecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Print a JWT's header, claims and times as JSON (nothing is checked or sent).",
        discussion: """
            Examples:
              cognito-tui token decode - < id-token.jwt
              cognito-tui token decode @access-token.jwt | jq '.claims.scope'
            """
    )

    @Argument(help: ArgumentHelp("The token, @file, or - for stdin.", valueName: "jwt"))
    var token: String
    // Accepted so every subcommand takes the same options; decoding sends nothing.
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let jwt = try TokenCommand.decode(token)
        let summary = TokenSummary(jwt)
        let now = Date()
        var times: [String: JSONValue] = [:]
        if let d = summary.issuedAt { times["issued"] = .string(ISO8601.format(d)) }
        if let d = summary.authTime { times["authenticated"] = .string(ISO8601.format(d)) }
        if let d = summary.expiresAt { times["expires"] = .string(ISO8601.format(d)) }
        if let s = summary.secondsToExpiry(now: now) { times["expiresInSeconds"] = .integer(Int64(s.rounded(.down))) }
        var picked: [String: JSONValue] = [:]
        if let v = summary.use { picked["tokenUse"] = .string(v.rawValue) }
        if let v = summary.userPoolId { picked["userPoolId"] = .string(v) }
        if let v = summary.clientId { picked["clientId"] = .string(v) }
        if let v = summary.username { picked["username"] = .string(v) }
        if !summary.groups.isEmpty { picked["groups"] = .array(summary.groups.map(JSONValue.string)) }
        if !summary.roles.isEmpty { picked["roles"] = .array(summary.roles.map(JSONValue.string)) }
        if let v = summary.preferredRole { picked["preferredRole"] = .string(v) }
        let out: JSONValue = .object(["header": .object(jwt.header), "claims": .object(jwt.claims),
                                      "times": .object(times), "summary": .object(picked)])
        Output.json(try JSONEncoder().encode(out), pretty: isatty(STDOUT_FILENO) == 1)
    }
}

struct TokenVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a Cognito token: signature (the pool's JWKS), issuer, audience, token_use, expiry.",
        discussion: """
            Each check is printed as pass, fail or skip. The exit status is 0 when none fails and 1 \
            otherwise, naming the failed checks. Without --pool the pool is the one the token's iss \
            names; without --client the audience is shown but not compared. The keys are read from \
            <user-pool endpoint>/<pool id>/.well-known/jwks.json (the --endpoint-url one when given).

            Examples:
              cognito-tui token verify @id-token.jwt --pool eu-west-1_AbC123def --client 4c6a0q0example1client2id
              pbpaste | cognito-tui token verify - --use access
            """
    )

    @Argument(help: ArgumentHelp("The token, @file, or - for stdin.", valueName: "jwt"))
    var token: String
    @Option(help: "The user pool the token must come from (id or name; default: the one its iss names).")
    var pool: String?
    @Option(name: .customLong("client"), help: "The app client id the token must be for.")
    var clientID: String?
    @Option(help: "The token_use the token must have: id or access.")
    var use: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let use, TokenUse(rawValue: use) == nil { throw ValidationError("--use must be id or access, got `\(use)`.") }
        if let pool { try InputChecks.userPool(pool) }
    }

    func run() async throws {
        let jwt = try TokenCommand.decode(token)
        var poolId = pool
        let session: AWSSession
        if let pool, !UserPoolLookup.looksLikeID(pool) {
            // A pool's name is looked up in the region; an id (or none) needs no region at all.
            let admin = try AdminContext.make(global)
            poolId = try await admin.pool(pool)
            session = admin.session
        } else {
            let context = RuntimeContext.live()
            session = try global.session(context: context, settings: try GlobalOptions.loadSettings(context))
        }
        let verifier = TokenVerifier(keys: JWKSCache(source: try JWKSEndpoint(session: session)), now: session.context.now)
        let result = await verifier.verify(jwt, expecting: TokenExpectations(
            userPoolId: poolId, clientId: clientID, tokenUse: use.flatMap(TokenUse.init(rawValue:))))
        var lines = ""
        for check in result.checks {
            let mark = check.outcome == .passed ? "pass" : check.outcome == .failed ? "FAIL" : "skip"
            lines += "\(mark)  \(check.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))\(check.detail)\n"
        }
        FileHandle.standardOutput.write(Data(lines.utf8))
        if !result.passed {
            let names = result.failed.map(\.kind.rawValue).joined(separator: ", ")
            throw CommandFailure(description: "The token failed verification: \(names).", status: ExitStatus.serviceError)
        }
    }
}
