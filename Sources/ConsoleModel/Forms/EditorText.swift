import Foundation

/// The text `$EDITOR` is given and what is read back: `#` lines at the top explain the file and,
/// after an invalid edit, list the errors; they are dropped before the JSON is parsed.
public enum EditorText {
    public static func initial(operation: String, resource: String, json: String) -> String {
        """
        # \(operation) for \(resource).
        # Edit the JSON below, save and quit to review the change; nothing is sent before you confirm.
        # Members left out are reset by \(operation), so keep the ones you do not change.
        # Empty the file to cancel.
        \(json)

        """
    }

    public static func withErrors(_ errors: [String], body: String) -> String {
        let head = errors.map { "# ERROR: \($0)" }.joined(separator: "\n")
        return head + "\n# Fix the JSON below, or empty the file to cancel.\n" + body
    }

    /// The text less its leading `#` comment lines.
    public static func stripComments(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.trimmingCharacters(in: .whitespaces).hasPrefix("#") { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }

    /// A JSON parse error in a few words.
    public static func jsonProblem(_ error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String { return underlying }
        return String(describing: error)
    }
}
