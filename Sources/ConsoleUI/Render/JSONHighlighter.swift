import ConsoleModel

/// Splits one line of pretty-printed JSON into tokens with syntax roles: keys, strings,
/// numbers, literals (`true`, `false`, `null`) and punctuation. It works line by line and never
/// fails: anything it does not recognise is plain text.
public enum JSONHighlighter {
    /// A stretch of a line and its role.
    public struct Token: Sendable, Equatable {
        public var text: String
        public var role: StyleRole
    }

    /// The tokens of `line`, which concatenate back to `line`.
    public static func tokens(in line: String) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(line)
        var index = 0
        func append(_ text: String, _ role: StyleRole) {
            if let last = tokens.last, last.role == role {
                tokens[tokens.count - 1].text += text
            } else {
                tokens.append(Token(text: text, role: role))
            }
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\"" {
                var end = index + 1
                while end < characters.count, characters[end] != "\"" {
                    end += characters[end] == "\\" ? 2 : 1
                }
                end = min(end + 1, characters.count)
                var next = end
                while next < characters.count, characters[next] == " " { next += 1 }
                let isKey = next < characters.count && characters[next] == ":"
                append(String(characters[index..<end]), isKey ? .jsonKey : .jsonString)
                index = end
            } else if character == "-" || character.isASCII && character.isNumber {
                var end = index + 1
                while end < characters.count, "0123456789.eE+-".contains(characters[end]) { end += 1 }
                append(String(characters[index..<end]), .jsonNumber)
                index = end
            } else if character.isLetter {
                var end = index + 1
                while end < characters.count, characters[end].isLetter { end += 1 }
                let word = String(characters[index..<end])
                append(word, ["true", "false", "null"].contains(word) ? .jsonLiteral : .normal)
                index = end
            } else {
                append(String(character), .normal)
                index += 1
            }
        }
        return tokens
    }
}
