import Foundation
import TestSupport

/// The service models read straight from botocore by a Python child process, independently of
/// the generator, so tests compare the generated tables with the source rather than with
/// themselves.
struct BotocoreModel: Decodable {
    struct Operation: Decodable {
        let authtype: String?
        let auth: [String]?
        let input: String
        let output: String?
        let errors: [String]
    }

    struct Paginator: Decodable {
        let input_token: String
        let output_token: String
        let limit_key: String?
        let result_key: String
    }

    let targetPrefix: String
    let operations: [String: Operation]
    let paginators: [String: Paginator]

    static let script = #"""
import json, sys
import botocore.loaders
loader = botocore.loaders.create_loader()
name, version = sys.argv[1], sys.argv[2]
model = loader.load_service_model(name, "service-2", version)
pages = loader.load_service_model(name, "paginators-1", version)
print(json.dumps({
    "targetPrefix": model["metadata"]["targetPrefix"],
    "operations": {
        op_name: {
            "authtype": op.get("authtype"),
            "auth": op.get("auth"),
            "input": op["input"]["shape"],
            "output": op.get("output", {}).get("shape"),
            "errors": [e["shape"] for e in op.get("errors", [])],
        }
        for op_name, op in model["operations"].items()
    },
    "paginators": pages.get("pagination", {}),
}))
"""#

    static func load(service: String, version: String) throws -> BotocoreModel {
        let process = Process()
        process.executableURL = ProjectPython.url
        process.arguments = ["-c", script, service, version]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw EmulatorTestFailure("python3 could not read botocore's \(service) model (is botocore installed?)")
        }
        return try JSONDecoder().decode(BotocoreModel.self, from: data)
    }
}
