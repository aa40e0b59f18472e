import ArgumentParser
import CognitoAPI
import CognitoAdmin
import Foundation

extension AdminContext {
    /// The id of the identity pool `reference` names: an id as it is, a name looked up among the pools.
    /// - Throws: `CommandFailure.usage` when no pool or several pools have the name.
    func identityPool(_ reference: String) async throws -> String {
        do {
            return try await IdentityPoolLookup.resolve(backend, reference)
        } catch let error as IdentityPoolLookupError {
            throw CommandFailure.usage(error.description)
        }
    }
}

extension InputChecks {
    /// `IDPOOL`: an identity pool id, or a name as identity pools are named.
    static func identityPool(_ reference: String) throws {
        if IdentityPoolLookup.looksLikeID(reference) { return try identityPoolID(reference) }
        do {
            try member("IdentityPoolName", .string(reference), of: "CreateIdentityPool")
        } catch {
            throw ValidationError("`\(reference)` is neither an identity pool id (like eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789) nor an identity pool name.")
        }
    }

    static func identityID(_ id: String) throws {
        do {
            try member("IdentityId", .string(id), of: "DescribeIdentity")
        } catch {
            throw ValidationError("`\(id)` is not an identity id; they look like eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789.")
        }
    }
}

/// Files and `@FILE` arguments the identity-pool commands read.
enum InputFile {
    /// The text of a file.
    /// - Throws: `CommandFailure.usage` naming the file when it cannot be read.
    static func text(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure.usage("Cannot read \(what) from \(path).")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// An argument that is either the value itself or `@FILE` for the file's contents.
    static func valueOrFile(_ argument: String, what: String) throws -> String {
        guard argument.hasPrefix("@") else { return argument }
        return try text(String(argument.dropFirst()), what: what)
    }

    /// A JSON document from a file.
    static func json(_ path: String, what: String) throws -> JSONValue {
        let text = try text(path, what: what)
        do {
            return try CognitoJSONText.parse(text)
        } catch {
            throw CommandFailure.usage("\(path) is not JSON, so it cannot be \(what).")
        }
    }
}

/// Help text shared by the identity-pool commands.
enum IdentityPoolHelp {
    static let argument = ArgumentHelp("The identity pool: its id (eu-west-1:0a1b2c3d-…) or its name, if no other pool has it.",
                                       valueName: "idpool")
}

extension Output {
    /// Prints a JSON value, indented on a terminal.
    static func json(_ value: JSONValue) throws {
        json(try CognitoJSONText.data(value), pretty: isatty(STDOUT_FILENO) == 1)
    }
}
