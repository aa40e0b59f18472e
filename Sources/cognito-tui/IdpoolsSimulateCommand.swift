import ArgumentParser
import CognitoAPI
import CognitoAdmin
import Foundation

struct IdpoolsSimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Show which role an identity pool gives a user, rule by rule, and the principal tags it carries.",
        discussion: """
            --provider is the role-mapping key (for a user pool \
            cognito-idp.REGION.amazonaws.com/POOL:CLIENT). The claims come from a user of a user pool \
            (as Cognito puts them in the user's ID token: attributes, cognito:groups, cognito:roles, \
            cognito:preferred_role from the groups' roles and precedence, aud, iss, token_use), from \
            a JWT (decoded, not verified; never printed), or from a JSON file. Prints a JSON object: \
            roleArn (null when denied), rule (the 1-based matching rule, or null), reason, \
            principalTags (a missing claim flagged), steps (each rule evaluated, with the claim's \
            value), and the claims. --roles-file simulates that configuration (the SetIdentityPoolRoles \
            input) instead of the saved one. Nothing is changed.
            Examples:
              cognito-tui idpools simulate prod_identities --provider cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC:web --user us-east-1_AbC:ann
              cognito-tui idpools simulate prod_identities --provider accounts.google.com --token @id-token.jwt
              cognito-tui idpools simulate prod_identities --provider accounts.google.com --claims @claims.json --roles-file roles.json
            """
    )
    @Argument(help: IdentityPoolHelp.argument)
    var idpool: String
    @Option(help: ArgumentHelp("The provider's role-mapping key.", valueName: "provider"))
    var provider: String
    @Option(help: ArgumentHelp("A user: the user pool (id or name), a colon, the username.", valueName: "pool:username"))
    var user: String?
    @Option(help: ArgumentHelp("A JWT, or @FILE holding one.", valueName: "jwt|@file"))
    var token: String?
    @Option(help: ArgumentHelp("@FILE holding the claims as a JSON object.", valueName: "@file"))
    var claims: String?
    @Option(name: .customLong("custom-role-arn"), help: ArgumentHelp("The CustomRoleArn an app would ask for.", valueName: "arn"))
    var customRoleArn: String?
    @Option(name: .customLong("roles-file"), help: ArgumentHelp("A SetIdentityPoolRoles input to simulate instead of the saved roles.", valueName: "file"))
    var rolesFile: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.identityPool(idpool)
        guard [user, token, claims].compactMap({ $0 }).count == 1 else {
            throw ValidationError("Give one of --user POOL:USERNAME, --token JWT|@FILE or --claims @FILE.")
        }
        if let user {
            let parts = user.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--user takes POOL:USERNAME, e.g. eu-west-1_AbC123def:ann.")
            }
            try InputChecks.userPool(parts[0])
            try InputChecks.username(parts[1])
        }
        if let customRoleArn, !RoleMappingCheck.isRoleARN(customRoleArn) {
            throw ValidationError("--custom-role-arn `\(customRoleArn)` is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME).")
        }
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        // The files first: a file that is missing or not JSON is one sentence before any call.
        var given: (token: String?, claims: JSONValue?, roles: JSONValue?) = (nil, nil, nil)
        if let token { given.token = try InputFile.valueOrFile(token, what: "a token") }
        if let claims {
            given.claims = try InputFile.json(claims.hasPrefix("@") ? String(claims.dropFirst()) : claims, what: "the claims")
        }
        if let rolesFile { given.roles = try InputFile.json(rolesFile, what: "a SetIdentityPoolRoles input") }
        let id = try await admin.identityPool(idpool)
        let source: ClaimSource
        if let user {
            let parts = user.split(separator: ":", maxSplits: 1).map(String.init)
            source = .user(userPool: try await admin.pool(parts[0]), username: parts[1])
        } else if let token = given.token {
            source = .token(token)
        } else {
            source = .claims(given.claims ?? .object([:]))
        }
        var roles: CognitoIdentity.GetIdentityPoolRolesResponse?
        if let rolesFile, let given = given.roles {
            let pool = try await admin.backend.describeIdentityPool(.init(identityPoolId: id))
            for problem in RoleMappingCheck.problems(given, pool: pool) { Output.error("Warning: \(problem)") }
            do {
                roles = try JSONDecoder().decode(CognitoIdentity.GetIdentityPoolRolesResponse.self, from: CognitoJSONText.data(given))
            } catch {
                throw CommandFailure.usage("\(rolesFile) does not hold Roles and RoleMappings as SetIdentityPoolRoles takes them.")
            }
        }
        do {
            let result = try await RoleSimulator.simulate(admin.backend, identityPool: id, provider: provider, source: source,
                                                          roles: roles, customRoleArn: customRoleArn)
            try Output.json(result.json)
        } catch let error as RoleSimulationError {
            throw CommandFailure.usage(error.description)
        }
    }
}
