import AWSCore
@testable import CognitoAPI
import Foundation
import Testing

/// The generated describe-to-update table and `updateInput`: a realistic read output becomes an
/// update input that the update accepts and that keeps what the read returned.
@Suite("Update mappings", .timeLimit(.minutes(5)))
struct UpdateMappingTests {
    static let replacements = UpdateMapping.all.filter { $0.kind == .replacement }

    /// The updates the table should hold, with their reads and where the resource is, stated by
    /// hand as the specification of the rule in scripts/codegen/emit_updates.py.
    static let expected: [String: (read: String, path: [String])] = [
        "SetIdentityPoolRoles": ("GetIdentityPoolRoles", []),
        "SetPrincipalTagAttributeMap": ("GetPrincipalTagAttributeMap", []),
        "UpdateIdentityPool": ("DescribeIdentityPool", []),
        "AdminSetUserSettings": ("AdminGetUser", []),
        "AdminUpdateUserAttributes": ("AdminGetUser", []),
        "SetLogDeliveryConfiguration": ("GetLogDeliveryConfiguration", ["LogDeliveryConfiguration"]),
        "SetRiskConfiguration": ("DescribeRiskConfiguration", ["RiskConfiguration"]),
        "SetUICustomization": ("GetUICustomization", ["UICustomization"]),
        "SetUserPoolMfaConfig": ("GetUserPoolMfaConfig", []),
        "UpdateGroup": ("GetGroup", ["Group"]),
        "UpdateIdentityProvider": ("DescribeIdentityProvider", ["IdentityProvider"]),
        "UpdateManagedLoginBranding": ("DescribeManagedLoginBranding", ["ManagedLoginBranding"]),
        "UpdateResourceServer": ("DescribeResourceServer", ["ResourceServer"]),
        "UpdateTerms": ("DescribeTerms", ["Terms"]),
        "UpdateUserPool": ("DescribeUserPool", ["UserPool"]),
        "UpdateUserPoolClient": ("DescribeUserPoolClient", ["UserPoolClient"]),
        "UpdateUserPoolDomain": ("DescribeUserPoolDomain", ["DomainDescription"]),
    ]

    func mapping(_ update: String) throws -> UpdateMapping {
        try #require(UpdateMapping.all.first { $0.update.name == update }, "no mapping for \(update)")
    }

    func input(_ update: String) throws -> [String: JSONValue] {
        let mapping = try mapping(update)
        let sample = try #require(UpdateReadSamples.byUpdate[update])
        guard case .object(let members) = try mapping.updateInput(from: sample.json, identifiers: sample.identifiers) else {
            Issue.record("\(update): the update input is not an object")
            return [:]
        }
        return members
    }

    static func resource(of mapping: UpdateMapping, in output: JSONValue) -> [String: JSONValue] {
        var value = output
        for key in mapping.resourcePath {
            guard case .object(let members) = value, let next = members[key] else { return [:] }
            value = next
        }
        guard case .object(let members) = value else { return [:] }
        return members
    }

    static func inputMembers(of operation: OperationMetadata) -> Set<String> {
        Set(operation.service.schema.shape(operation.input).members.map(\.name))
    }

    // MARK: the table

    @Test("the table holds exactly the expected updates, each with its read and resource path")
    func table() {
        #expect(Set(UpdateMapping.all.map(\.update.name)) == Set(Self.expected.keys))
        for mapping in UpdateMapping.all {
            guard let (read, path) = Self.expected[mapping.update.name] else { continue }
            #expect(mapping.read.name == read, "\(mapping.update.name)")
            #expect(mapping.resourcePath == path, "\(mapping.update.name)")
            #expect(mapping.read.service == mapping.update.service, "\(mapping.update.name)")
            #expect(!mapping.read.mutates && mapping.update.mutates, "\(mapping.update.name)")
            #expect(UpdateMapping.forUpdate(mapping.update) == mapping)
        }
        #expect(UpdateMapping.forUpdate(CognitoIdentityProvider.Operations.listUsers) == nil)
    }

    @Test("the other Update and Set operations are listed with the reason they have no mapping")
    func unmapped() {
        let reasons = Dictionary(uniqueKeysWithValues: UpdateMapping.unmapped.map { ($0.update.name, $0.reason) })
        let idp = CognitoIdentityProvider.Operations.self
        #expect(reasons == [
            "AdminSetUserMFAPreference": .nothingToKeep(read: idp.adminGetUser),
            "AdminSetUserPassword": .nothingToKeep(read: idp.adminGetUser),
            "AdminUpdateAuthEventFeedback": .noRead,
            "AdminUpdateDeviceStatus": .nothingToKeep(read: idp.adminGetDevice),
            "SetUserMFAPreference": .userCall,
            "SetUserSettings": .userCall,
            "UpdateAuthEventFeedback": .userCall,
            "UpdateDeviceStatus": .userCall,
            "UpdateUserAttributes": .userCall,
        ])
    }

    @Test("every update and set operation of both services is either mapped or listed as unmapped")
    func everyUpdateAccounted() {
        let updates = CognitoService.allCases.flatMap(\.operations).filter { op in
            let name = op.name.hasPrefix("Admin") ? String(op.name.dropFirst(5)) : op.name
            return ["Update", "Set"].contains { verb in
                name.hasPrefix(verb) && name.dropFirst(verb.count).first?.isUppercase == true
            }
        }
        let accounted = UpdateMapping.all.map(\.update) + UpdateMapping.unmapped.map(\.update)
        #expect(Set(accounted) == Set(updates))
        #expect(accounted.count == updates.count, "an operation is listed twice")
    }

    @Test("every mapping has a realistic sample read output, valid for the read's output shape")
    func samples() throws {
        #expect(Set(UpdateReadSamples.byUpdate.keys) == Set(UpdateMapping.all.map(\.update.name)))
        for mapping in UpdateMapping.all {
            let sample = try #require(UpdateReadSamples.byUpdate[mapping.update.name])
            let output = try #require(mapping.read.output)
            let validator = InputValidator(schema: mapping.read.service.schema, operation: mapping.read.name)
            #expect(throws: Never.self, "\(mapping.read.name) sample") {
                try validator.validate(input: sample.json, shape: output)
            }
            #expect(!Self.resource(of: mapping, in: sample.json).isEmpty, "\(mapping.read.name) sample has no resource")
        }
    }

    // MARK: every replacement

    @Test("the update input holds only members of the update's input shape", arguments: replacements)
    func onlyUpdateMembers(mapping: UpdateMapping) throws {
        let members = try input(mapping.update.name)
        let accepted = Self.inputMembers(of: mapping.update)
        #expect(Set(members.keys).isSubset(of: accepted),
                "\(mapping.update.name) gets \(Set(members.keys).subtracting(accepted).sorted())")
    }

    @Test("every member the read returned and the update accepts is kept, unchanged", arguments: replacements)
    func keepsAcceptedMembers(mapping: UpdateMapping) throws {
        let sample = try #require(UpdateReadSamples.byUpdate[mapping.update.name])
        let members = try input(mapping.update.name)
        let accepted = Self.inputMembers(of: mapping.update)
        let resource = Self.resource(of: mapping, in: sample.json)
        for (name, value) in resource.sorted(by: { $0.key < $1.key }) where accepted.contains(name) && value != .null {
            #expect(members[name] == value, "\(mapping.update.name) loses or changes \(name)")
        }
        for (to, from) in mapping.renamed {
            #expect(members[to] == resource[from], "\(mapping.update.name) \(to) from \(from)")
        }
        for name in mapping.identifiers {
            #expect(members[name] == sample.identifiers[name].map(JSONValue.string), "\(mapping.update.name) \(name)")
        }
    }

    @Test("the update input passes the model's validation for the update", arguments: replacements)
    func valid(mapping: UpdateMapping) throws {
        let members = try input(mapping.update.name)
        let data = try JSONEncoder().encode(JSONValue.object(members))
        #expect(throws: Never.self, "\(mapping.update.name)") {
            try OperationCatalog.validate(json: data, for: mapping.update)
        }
    }

    @Test("identifiers, copied members and the ones the read does not return split the update input",
          arguments: UpdateMapping.all)
    func partition(mapping: UpdateMapping) {
        let parts = [Set(mapping.identifiers), Set(mapping.copied), Set(mapping.notReturned)]
        #expect(parts.reduce(0) { $0 + $1.count } == mapping.identifiers.count + mapping.copied.count + mapping.notReturned.count)
        #expect(parts[0].union(parts[1]).union(parts[2]) == Self.inputMembers(of: mapping.update), "\(mapping.update.name)")
        #expect(parts[0].isDisjoint(with: parts[1]) && parts[1].isDisjoint(with: parts[2]) && parts[0].isDisjoint(with: parts[2]))
    }

    // MARK: spot checks

    @Test("UpdateGroup from GetGroup keeps Description, Precedence and RoleArn and drops the dates")
    func group() throws {
        let members = try input("UpdateGroup")
        #expect(members == [
            "GroupName": .string("admins"), "UserPoolId": .string("us-east-1_Ab12Cd34E"),
            "Description": .string("Shop administrators"),
            "RoleArn": .string("arn:aws:iam::123456789012:role/ShopAdmins"), "Precedence": .integer(1),
        ])
        #expect(try mapping("UpdateGroup").dropped == ["LastModifiedDate", "CreationDate"])
    }

    @Test("UpdateUserPoolClient drops the client secret and the dates, and keeps the rest")
    func client() throws {
        let members = try input("UpdateUserPoolClient")
        for dropped in ["ClientSecret", "CreationDate", "LastModifiedDate"] {
            #expect(members[dropped] == nil, "\(dropped)")
        }
        #expect(members["RefreshTokenRotation"] == .object(["Feature": .string("ENABLED"), "RetryGracePeriodSeconds": .integer(10)]))
        #expect(members["ClientName"] == .string("shop-web"))
        #expect(try mapping("UpdateUserPoolClient").notReturned == [])
    }

    @Test("UpdateIdentityPool keeps every member of the IdentityPool")
    func identityPool() throws {
        let sample = try #require(UpdateReadSamples.byUpdate["UpdateIdentityPool"])
        #expect(JSONValue.object(try input("UpdateIdentityPool")) == sample.json)
    }

    @Test("UpdateUserPool takes the pool's Name as PoolName and drops what only describes the pool")
    func userPool() throws {
        let members = try input("UpdateUserPool")
        #expect(members["PoolName"] == .string("shop-customers"))
        for dropped in ["Id", "Name", "Arn", "Status", "SchemaAttributes", "UsernameAttributes", "EstimatedNumberOfUsers",
                        "Domain", "UsernameConfiguration", "CreationDate", "LastModifiedDate"] {
            #expect(members[dropped] == nil, "\(dropped)")
        }
        #expect(members["DeletionProtection"] == .string("ACTIVE"))
        #expect(try mapping("UpdateUserPool").renamed == ["PoolName": "Name"])
    }

    @Test("SetUICustomization warns that the image is not returned, so sending resets it")
    func uiCustomization() throws {
        let mapping = try mapping("SetUICustomization")
        #expect(mapping.notReturned == ["ImageFile"])
        #expect(mapping.dropped.contains("ImageUrl"))
        #expect(try input("SetUICustomization")["CSS"] == .string(".banner-customizable {background-color: #0f1b2d;}"))
    }

    @Test("SetUserPoolMfaConfig takes the pool id from the identifiers, since the read does not return it")
    func mfaConfig() throws {
        let members = try input("SetUserPoolMfaConfig")
        #expect(members["UserPoolId"] == .string("us-east-1_Ab12Cd34E"))
        #expect(members["MfaConfiguration"] == .string("OPTIONAL"))
    }

    @Test("AdminUpdateUserAttributes merges attributes by name, so building it from the read is refused")
    func attributesNeedAnAdapter() throws {
        let mapping = try mapping("AdminUpdateUserAttributes")
        #expect(mapping.kind == .mergeByName(member: "UserAttributes", key: "Name"))
        let sample = try #require(UpdateReadSamples.byUpdate["AdminUpdateUserAttributes"])
        #expect(throws: UpdateMappingError.needsAdapter(update: "AdminUpdateUserAttributes", member: "UserAttributes")) {
            try mapping.updateInput(from: sample.json, identifiers: sample.identifiers)
        }
    }

    // MARK: refusals

    @Test("a missing identifier value is refused")
    func missingIdentifier() throws {
        let sample = try #require(UpdateReadSamples.byUpdate["UpdateGroup"])
        #expect(throws: UpdateMappingError.missingIdentifier(update: "UpdateGroup", name: "GroupName")) {
            try mapping("UpdateGroup").updateInput(from: sample.json, identifiers: ["UserPoolId": "us-east-1_Ab12Cd34E"])
        }
    }

    @Test("a value for a member that is not an identifier is refused, not sent")
    func strayIdentifier() throws {
        let sample = try #require(UpdateReadSamples.byUpdate["UpdateGroup"])
        var values = sample.identifiers
        values["Precedence"] = "3"
        #expect(throws: UpdateMappingError.unknownIdentifier(update: "UpdateGroup", name: "Precedence",
                                                             identifiers: ["GroupName", "UserPoolId"])) {
            try mapping("UpdateGroup").updateInput(from: sample.json, identifiers: values)
        }
    }

    @Test("a read output without the resource object is refused")
    func missingResource() throws {
        #expect(throws: UpdateMappingError.resourceMissing(read: "GetGroup", path: ["Group"])) {
            try mapping("UpdateGroup").updateInput(from: .object([:]), identifiers: ["GroupName": "a", "UserPoolId": "b"])
        }
    }
}

extension UpdateMapping: CustomTestStringConvertible {
    public var testDescription: String { update.name }
}
