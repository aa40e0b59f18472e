import CognitoAPI
import CognitoAdmin
import Testing

@Suite("Pool schema: usernames, attribute order, checks before creating or editing a user", .timeLimit(.minutes(5)))
struct PoolSchemaTests {
    typealias Pool = CognitoIdentityProvider.UserPoolType
    typealias Schema = CognitoIdentityProvider.SchemaAttributeType

    static func attribute(_ name: String, required: Bool = false, mutable: Bool = true) -> Schema {
        Schema(name: name, attributeDataType: .string, mutable: mutable, required: required)
    }

    static let schema = PoolSchema(Pool(
        id: "eu-west-1_Test", schemaAttributes: [
            attribute("sub", required: true, mutable: false), attribute("zoneinfo"), attribute("custom:team"),
            attribute("email", required: true), attribute("custom:badge", mutable: false), attribute("address"),
            attribute("name"), attribute("birthdate", required: true),
        ] + PoolSchema.standard.subtracting(["zoneinfo", "email", "address", "name", "birthdate"]).map { attribute($0) }))

    @Test("UsernameAttributes make the username an email or phone number")
    func usernameAttributes() {
        let schema = PoolSchema(Pool(id: "p_1", usernameAttributes: [.email, .phoneNumber]))
        #expect(schema.username == .attribute(["email", "phone_number"]))
    }

    @Test("AliasAttributes keep any username, with aliases to sign in with")
    func aliases() {
        let schema = PoolSchema(Pool(id: "p_1", aliasAttributes: [.email, .preferredUsername]))
        #expect(schema.username == .name(aliases: ["email", "preferred_username"]))
        #expect(PoolSchema(Pool(id: "p_1")).username == .name(aliases: []))
    }

    @Test("attributes are ordered required, then standard, then custom, each by name; sub is left out")
    func ordering() {
        let names = Self.schema.attributes.map(\.name)
        #expect(Array(names.prefix(2)) == ["birthdate", "email"])
        #expect(Array(names.suffix(2)) == ["custom:badge", "custom:team"])
        let standard = Array(names.dropFirst(2).dropLast(2))
        #expect(standard == standard.sorted())
        #expect(standard.contains("address") && standard.contains("zoneinfo"))
        #expect(!names.contains("sub"))
    }

    @Test("a custom attribute listed without its prefix gets custom:")
    func customPrefix() {
        let schema = PoolSchema(Pool(id: "p_1", schemaAttributes: [Self.attribute("team")]))
        #expect(schema.attributes.contains { $0.name == "custom:team" && $0.custom })
    }

    @Test("standard attributes a reply leaves out are still known, optional and mutable")
    func unlistedStandard() {
        let schema = PoolSchema(Pool(id: "p_1", schemaAttributes: [Self.attribute("custom:team")]))
        #expect(schema.problem(with: ["email", "given_name", "custom:team"], existingUser: true) == nil)
        #expect(schema.attributes.first { $0.name == "email" }?.required == false)
    }

    @Test("an unknown attribute is one sentence naming it and the pool")
    func unknown() {
        #expect(Self.schema.problem(with: ["email", "shoe_size"], existingUser: false)
                == "The pool eu-west-1_Test has no attribute shoe_size.")
    }

    @Test("an immutable attribute may be given at creation but not changed later")
    func immutable() {
        #expect(Self.schema.problem(with: ["custom:badge"], existingUser: false) == nil)
        #expect(Self.schema.problem(with: ["custom:badge"], existingUser: true)?.contains("immutable") == true)
    }

    @Test("creating a user without a required attribute names it")
    func requiredMissing() {
        let user = NewUser(username: "ann", attributes: [("email", "ann@example.com")])
        #expect(UserAdmin.problem(creating: user, in: Self.schema) == "The attribute birthdate is required in eu-west-1_Test.")
    }

    @Test("in a pool whose usernames are emails, a plain name is refused")
    func usernameKind() {
        let schema = PoolSchema(Pool(id: "p_1", usernameAttributes: [.email]))
        #expect(UserAdmin.problem(creating: NewUser(username: "ann"), in: schema)?.contains("the user's email") == true)
        #expect(UserAdmin.problem(creating: NewUser(username: "ann@example.com"), in: schema) == nil)
    }

    @Test("a temporary password the policy refuses names the rule")
    func temporaryPassword() {
        let schema = PoolSchema(Pool(id: "p_1", policies: .init(passwordPolicy: .init(minimumLength: 12))))
        let problem = UserAdmin.problem(creating: NewUser(username: "ann", password: .temporary("Short1!a")), in: schema)
        #expect(problem == "The temporary password breaks the pool's policy: it must be at least 12 characters long.")
    }

    @Test("SMS invitations need the pool's SMS set up")
    func delivery() {
        let schema = PoolSchema(Pool(id: "p_1"))
        #expect(UserAdmin.problem(creating: NewUser(username: "ann", deliveryMediums: ["SMS"]), in: schema)?.contains("by SMS") == true)
        #expect(UserAdmin.problem(creating: NewUser(username: "ann", deliveryMediums: ["EMAIL"]), in: schema) == nil)
    }
}
