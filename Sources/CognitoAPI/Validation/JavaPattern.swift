import Foundation

/// The model's `pattern` constraints, which are Java regular expressions, matched with ICU's
/// `NSRegularExpression` the way the service matches them: against the whole value.
///
/// Two Java rules ICU does not share are translated first:
/// - `\w`, `\d`, `\s` (and their negations) are ASCII-only in Java but Unicode-aware in ICU, so
///   they become explicit ASCII sets;
/// - a `-` inside a class that cannot form a range (first, last, or right after a range, as in
///   `[A-Za-z0-9-_=.]`) is literal in Java but an error in ICU, so it is escaped.
///
/// A pattern ICU still cannot compile is skipped: the value is not checked against it (the service
/// will still check it). None of the current models' patterns is skipped; a test watches that.
enum JavaPattern {
    /// Whether `text` matches `pattern` in full; nil when the pattern cannot be compiled.
    static func matches(_ pattern: String, _ text: String) -> Bool? {
        cache.withRegex(pattern) { regex in
            let range = NSRange(text.startIndex..., in: text)
            return regex.firstMatch(in: text, options: [], range: range) != nil
        }
    }

    /// Whether ICU can compile the translated pattern.
    static func isSupported(_ pattern: String) -> Bool {
        cache.withRegex(pattern) { _ in true } ?? false
    }

    private static let cache = RegexCache()

    /// The length of the escape starting with the backslash at `index`: `\p{L}`, `\xHH` or `\c`.
    private static func escapeLength(_ chars: [Character], at index: Int) -> Int {
        let last = chars.count - 1  // the sentinel
        let next = index + 1 < last ? chars[index + 1] : "\0"
        if next == "p" || next == "P", index + 2 < last, chars[index + 2] == "{" {
            var end = index + 3
            while end < last, chars[end] != "}" { end += 1 }
            return Swift.min(end + 1, last) - index
        }
        if next == "x" { return Swift.min(index + 4, last) - index }
        return Swift.min(index + 2, last) - index
    }

    /// The ICU spelling of a Java pattern, anchored at both ends.
    static func translate(_ java: String) -> String {
        let asciiSets: [Character: (bare: String, inClass: String)] = [
            "w": ("[A-Za-z0-9_]", "A-Za-z0-9_"),
            "W": ("[^A-Za-z0-9_]", "[^A-Za-z0-9_]"),
            "d": ("[0-9]", "0-9"),
            "D": ("[^0-9]", "[^0-9]"),
            "s": ("[\\t\\n\\x0B\\f\\r ]", "\\t\\n\\x0B\\f\\r "),
            "S": ("[^\\t\\n\\x0B\\f\\r ]", "[^\\t\\n\\x0B\\f\\r ]"),
        ]
        enum Previous { case none, single, rangeEnd, set }
        var out = ""
        var chars = Array(java)
        var i = 0
        var classDepth = 0
        var previous = Previous.none
        chars.append("\0")  // sentinel: lookahead never runs off the end
        while i < chars.count - 1 {
            let c = chars[i]
            if c == "\\" {
                let next = chars[i + 1]
                if let sets = asciiSets[next] {
                    out += classDepth > 0 ? sets.inClass : sets.bare
                    previous = .set
                    i += 2
                    continue
                }
                // Copy the escape whole: `\p{L}`, `\x21`, `\.`.
                let end = i + escapeLength(chars, at: i)
                previous = next == "p" || next == "P" ? .set : .single
                out += String(chars[i..<end])
                i = end
                continue
            }
            if classDepth > 0 {
                switch c {
                case "[":
                    classDepth += 1
                    previous = .none
                    out.append(c)
                case "]":
                    classDepth -= 1
                    previous = .set
                    out.append(c)
                case "-":
                    let next = chars[i + 1]
                    if previous == .single, next != "]", next != "\0" {
                        out.append(c)
                        // The range's upper end: one character or one escape (`\x2E`).
                        let end = next == "\\" ? i + 1 + escapeLength(chars, at: i + 1) : i + 2
                        out += String(chars[(i + 1)..<end])
                        i = end
                        previous = .rangeEnd
                        continue
                    }
                    out += "\\-"
                    previous = .single
                case "^" where previous == .none && out.last == "[":
                    out.append(c)
                default:
                    out.append(c)
                    previous = .single
                }
                i += 1
                continue
            }
            if c == "[" {
                classDepth = 1
                previous = .none
            }
            out.append(c)
            i += 1
        }
        return "\\A(?:" + out + ")\\z"
    }
}

/// Compiled patterns, shared across tasks. `NSRegularExpression` is used only under the lock.
private final class RegexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression?] = [:]

    func withRegex<T>(_ pattern: String, _ body: (NSRegularExpression) -> T) -> T? {
        lock.lock()
        defer { lock.unlock() }
        let regex: NSRegularExpression?
        if let cached = compiled[pattern] {
            regex = cached
        } else {
            regex = try? NSRegularExpression(pattern: JavaPattern.translate(pattern), options: [])
            compiled[pattern] = .some(regex)
        }
        return regex.map(body)
    }
}
