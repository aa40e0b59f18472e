import ArgumentParser
import CognitoAPI
import CognitoAdmin
import Foundation

/// Checks of the ids and names the subcommands take, before anything is sent. The rules are the
/// service model's (lengths, patterns); the sentences say what was expected.
enum InputChecks {
    static func userPoolID(_ id: String) throws {
        guard passes("UserPoolId", .string(id), of: "DescribeUserPool") else {
            throw ValidationError("`\(id)` is not a user pool id; they look like eu-west-1_AbC123def.")
        }
    }

    /// `--pool`: a user pool id, or a name as pools are named (looked up when the command runs).
    static func userPool(_ reference: String) throws {
        if UserPoolLookup.looksLikeID(reference) { return try userPoolID(reference) }
        guard passes("PoolName", .string(reference), of: "CreateUserPool") else {
            throw ValidationError("`\(reference)` is neither a user pool id (like eu-west-1_AbC123def) nor a pool name.")
        }
    }

    static func identityPoolID(_ id: String) throws {
        guard passes("IdentityPoolId", .string(id), of: "DescribeIdentityPool") else {
            throw ValidationError("`\(id)` is not an identity pool id; they look like eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789.")
        }
    }

    static func username(_ name: String) throws {
        guard !name.isEmpty else { throw ValidationError("A username cannot be empty.") }
        guard passes("Username", .string(name), of: "AdminGetUser") else {
            throw ValidationError("`\(name)` is not a username: up to 128 letters, digits, marks, symbols or punctuation, without spaces.")
        }
    }

    static func groupName(_ name: String) throws {
        guard !name.isEmpty else { throw ValidationError("A group name cannot be empty.") }
        guard passes("GroupName", .string(name), of: "GetGroup") else {
            throw ValidationError("`\(name)` is not a group name: up to 128 letters, digits, marks, symbols or punctuation, without spaces.")
        }
    }

    /// Any other member of an operation's input, by the model's rule, as one sentence.
    static func member(_ member: String, _ value: JSONValue, of operation: String) throws {
        guard let metadata = OperationFacts.operation(operation) else { return }
        do {
            try CognitoJSON.validate(member: member, value: value, of: metadata)
        } catch let error as InputValidationError {
            throw ValidationError(error.description)
        }
    }

    /// A file the command reads (`--from FILE`, the file to import): it must exist and be a file.
    static func readableFile(_ path: String, option: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ValidationError("\(option) names `\(path)`, which does not exist.")
        }
        guard !isFolder.boolValue, FileManager.default.isReadableFile(atPath: path) else {
            throw ValidationError("\(option) names `\(path)`, which is not a file that can be read.")
        }
    }

    /// `--report FILE`: a `.csv` or `.jsonl` file in a folder that exists.
    static func reportPath(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        guard ReportFormat(path: path) != nil else {
            throw ValidationError("--report takes a file ending in .csv or .jsonl, got `\(path)`.")
        }
        var isFolder: ObjCBool = false
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("--report names a file in `\(folder)`, which is not a folder.")
        }
    }

    private static func passes(_ member: String, _ value: JSONValue, of operation: String) -> Bool {
        guard let metadata = OperationFacts.operation(operation) else { return true }
        return (try? CognitoJSON.validate(member: member, value: value, of: metadata)) != nil
    }
}

/// The formats `--report` writes, by the file's extension.
enum ReportFormat {
    case csv, jsonLines

    init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "csv": self = .csv
        case "jsonl": self = .jsonLines
        default: return nil
        }
    }

    func text(_ report: JobReport) -> String {
        switch self {
        case .csv: return JobReportWriter.csv(report)
        case .jsonLines: return JobReportWriter.jsonLines(report)
        }
    }
}

/// The help of `--pool`, the same on every subcommand.
enum PoolHelp {
    static let option = ArgumentHelp("The user pool: its id (eu-west-1_AbC123def) or its name, if no other pool has it.",
                                     valueName: "pool")
}
