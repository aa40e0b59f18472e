import ArgumentParser
import CognitoAPI
import CognitoAdmin

struct IdpoolsPrincipalTagsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "principal-tags",
        abstract: "Show or change a provider's principal tags (Get/SetPrincipalTagAttributeMap).",
        discussion: """
            --provider is the provider's name; for a user pool it is \
            cognito-idp.REGION.amazonaws.com/POOL (a role-mapping key with :CLIENT is accepted and \
            the client left out). Without a change the map is printed with the defaults of the \
            provider's kind (for a user pool, client from aud and username from sub). --set adds or \
            changes a tag, --remove drops one, --[no-]use-defaults switches the default mappings; \
            the rest of the map is kept and the diff is printed.
            Examples:
              cognito-tui idpools principal-tags prod_identities --provider accounts.google.com
              cognito-tui idpools principal-tags prod_identities --provider cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC --set tenant=custom:tenant --no-use-defaults
            """
    )
    @Argument(help: IdentityPoolHelp.argument)
    var idpool: String
    @Option(help: ArgumentHelp("The identity provider's name.", valueName: "provider"))
    var provider: String
    @Option(name: .customLong("set"), help: ArgumentHelp("A principal tag and the claim it takes its value from.", valueName: "tag=claim"))
    var set: [String] = []
    @Option(name: .customLong("remove"), help: ArgumentHelp("A principal tag to drop.", valueName: "tag"))
    var remove: [String] = []
    @Flag(name: .customLong("use-defaults"), inversion: .prefixedNo, help: "Whether the provider's default mappings apply.")
    var useDefaults: Bool?
    @Flag(name: .customLong("dry-run"), help: "Print the diff and send nothing.")
    var dryRun = false
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.identityPool(idpool)
        guard !provider.isEmpty else { throw ValidationError("--provider needs a provider name.") }
        for pair in set {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--set takes TAG=CLAIM, e.g. tenant=custom:tenant; got `\(pair)`.")
            }
        }
    }

    var changes: Bool { !set.isEmpty || !remove.isEmpty || useDefaults != nil }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let updater = Updaters.principalTags
        if changes && !dryRun { try admin.refuseIfReadOnly([updater.operation]) }
        let id = try await admin.identityPool(idpool)
        let name = ProviderKeys.tagMapName(forRoleMappingKey: provider)
        let path = [id, name], resource = "\(id)/\(name)"
        guard changes else {
            let pool = try await admin.backend.describeIdentityPool(.init(identityPoolId: id))
            let kind = ProviderKind.of(name, developerProviderName: pool.developerProviderName)
            guard case .object(var map) = try await updater.read(admin.backend, path) else { return }
            map["DefaultPrincipalTags"] = .object(kind.defaultPrincipalTags.mapValues { .string($0) })
            try Output.json(.object(map))
            return
        }
        let base = try await updater.read(admin.backend, path)
        var tags: [String: JSONValue] = [:]
        if case .object(let current)? = base["PrincipalTags"] { tags = current }
        for tag in remove {
            guard tags.removeValue(forKey: tag) != nil else {
                throw CommandFailure.refused("\(resource) has no principal tag \(tag)")
            }
        }
        for pair in set {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            tags[parts[0]] = .string(parts[1])
        }
        var members: [String: JSONValue?] = ["PrincipalTags": .object(tags)]
        if let useDefaults { members["UseDefaults"] = .bool(useDefaults) }
        let plan = try updater.plan(base: base, edit: .members(members))
        try await UpdateSender(updater: updater, path: path, resource: resource)
            .finish(plan, label: "\(resource)", dryRun: dryRun, confirmation: confirmation, weight: .reversible,
                    name: name, what: "set the principal tags of \(name) in \(id)", admin: admin)
    }
}
