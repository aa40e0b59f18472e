import Foundation

/// The text `$EDITOR` is given and what is read back, for the console and `cognito-tui edit`
/// alike: `#` lines at the top explain the file and, after an invalid edit, list the errors;
/// they are dropped before the JSON is parsed.
public enum EditorText {
    public static func initial(operation: String, resource: String, json: String) -> String {
        header(operation: operation, resource: resource) + "\n" + json + "\n\n"
    }

    /// The guidance at the top of every version of the file.
    static func header(operation: String, resource: String) -> String {
        """
        # \(operation) for \(resource).
        # Edit the JSON below, save and quit to review the change; nothing is sent before you confirm.
        # Members left out are reset by \(operation), so keep the ones you do not change.
        # Empty the file to cancel.
        """
    }

    /// An invalid edit handed back: the errors first, then the same guidance, then the edit.
    public static func withErrors(_ errors: [String], operation: String, resource: String, body: String) -> String {
        let head = errors.map { "# ERROR: \($0)" }.joined(separator: "\n")
        return head + "\n" + header(operation: operation, resource: resource) + "\n" + body
    }

    /// The text less its leading `#` comment lines.
    public static func stripComments(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.trimmingCharacters(in: .whitespaces).hasPrefix("#") { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }

    /// Why `text` is not JSON, in a few words with the line where the parser stopped; nil when
    /// it parses.
    public static func jsonProblem(in text: String) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            return nil
        } catch {
            var problem = jsonProblem(error).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            // Foundation counts UTF-16 code units from the start: turn that into a line of the file.
            if let range = problem.range(of: #"character \d+"#, options: .regularExpression),
               let offset = Int(problem[range].dropFirst("character ".count)) {
                let line = text.utf16.prefix(offset).filter { $0 == 0x0A }.count + 1
                problem.replaceSubrange(range, with: "line \(line) of the JSON")
            }
            return problem
        }
    }

    /// A JSON parse error in a few words.
    public static func jsonProblem(_ error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String { return underlying }
        return String(describing: error)
    }
}
