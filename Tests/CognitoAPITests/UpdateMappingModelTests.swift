import CognitoAPI
import Foundation
import Testing
import TestSupport

/// The generated update table against botocore's shapes, read by a separate Python process:
/// each list the table holds is recomputed here from the source model.
@Suite("Update mappings match the service models", .timeLimit(.minutes(5)))
struct UpdateMappingModelTests {
    struct Shape: Decodable {
        let type: String
        let document: Bool
        let members: [String]?
        let targets: [String: String]?
        let required: [String]?
        let member: String?
        let key: String?
        let value: String?
    }

    struct Model: Decodable {
        let operations: [String: [String: String]]
        let shapes: [String: Shape]

        func input(_ operation: String) -> Shape { shapes[operations[operation]!["input"]!]! }

        /// Whether two shapes encode alike in JSON (same kinds, same member names, all the way
        /// down); constraints and enum values aside.
        func sameStructure(_ a: String, _ b: String, depth: Int = 0) -> Bool {
            if a == b { return true }
            guard depth < 20, let x = shapes[a], let y = shapes[b], x.type == y.type, x.document == y.document else {
                return false
            }
            switch x.type {
            case "structure":
                guard !x.document else { return true }
                guard Set(x.members ?? []) == Set(y.members ?? []) else { return false }
                return (x.members ?? []).allSatisfy { sameStructure(x.targets![$0]!, y.targets![$0]!, depth: depth + 1) }
            case "list":
                return sameStructure(x.member!, y.member!, depth: depth + 1)
            case "map":
                return sameStructure(x.key!, y.key!, depth: depth + 1) && sameStructure(x.value!, y.value!, depth: depth + 1)
            default:
                return true
            }
        }
    }

    static let script = #"""
import json, sys
import botocore.loaders
loader = botocore.loaders.create_loader()
model = loader.load_service_model(sys.argv[1], "service-2", sys.argv[2])
def shape(s):
    out = {"type": s["type"], "document": bool(s.get("document"))}
    if s["type"] == "structure":
        out["members"] = list(s["members"])
        out["targets"] = {m: spec["shape"] for m, spec in s["members"].items()}
        out["required"] = s.get("required", [])
    if s["type"] == "list":
        out["member"] = s["member"]["shape"]
    if s["type"] == "map":
        out["key"], out["value"] = s["key"]["shape"], s["value"]["shape"]
    return out
print(json.dumps({
    "operations": {n: {k: v for k, v in (("input", op["input"]["shape"]), ("output", op.get("output", {}).get("shape"))) if v}
                   for n, op in model["operations"].items()},
    "shapes": {n: shape(s) for n, s in model["shapes"].items()},
}))
"""#

    static func load(_ service: CognitoService) throws -> Model {
        let version = service == .cognitoIdentity ? "2014-06-30" : "2016-04-18"
        let process = Process()
        process.executableURL = ProjectPython.url
        process.arguments = ["-c", script, service.rawValue, version]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 could not read botocore's \(service.rawValue) model")
        return try JSONDecoder().decode(Model.self, from: data)
    }

    @Test("each mapping's lists follow from the model's shapes", arguments: CognitoService.allCases)
    func lists(service: CognitoService) throws {
        let model = try Self.load(service)
        let mappings = UpdateMapping.all.filter { $0.update.service == service }
        #expect(!mappings.isEmpty)
        for mapping in mappings {
            let name = mapping.update.name
            let update = model.input(name)
            let updateTargets = try #require(update.targets)
            // The read's required input members name the resource.
            #expect(mapping.identifiers == model.input(mapping.read.name).required, "\(name)")

            // Follow the path from the read's output to the resource.
            var resourceName = try #require(model.operations[mapping.read.name]?["output"], "\(mapping.read.name) has no output")
            for key in mapping.resourcePath {
                resourceName = try #require(model.shapes[resourceName]?.targets?[key], "\(name): no \(key)")
            }
            let resource = try #require(model.shapes[resourceName]?.targets, "\(name): the resource is not a structure")

            for member in mapping.copied {
                let source = mapping.renamed[member] ?? member
                let from = try #require(resource[source], "\(name): the resource has no \(source)")
                let to = try #require(updateTargets[member], "\(name): the update has no \(member)")
                if mapping.renamed[member] == nil {
                    #expect(model.sameStructure(from, to), "\(name).\(member): \(from) and \(to) differ")
                } else {
                    #expect(from == to, "\(name).\(member) renamed from \(source) with another shape")
                }
            }
            for member in mapping.notReturned {
                let returned = resource[member].map { model.sameStructure($0, updateTargets[member]!) } ?? false
                #expect(!returned, "\(name).\(member) is returned, yet listed as not returned")
            }
            let used = Set(mapping.identifiers).union(mapping.copied.map { mapping.renamed[$0] ?? $0 })
            #expect(Set(mapping.dropped) == Set(resource.keys).subtracting(used), "\(name) dropped")
            #expect(Set(mapping.identifiers + mapping.copied + mapping.notReturned) == Set(update.members ?? []), "\(name)")
        }
    }
}
