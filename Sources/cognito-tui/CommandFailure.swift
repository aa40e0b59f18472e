/// A subcommand's own refusal or failure, as one sentence and an exit status; nothing was sent
/// unless the sentence says otherwise.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var status: Int32

    /// Bad input found after parsing (a file that cannot be written, an id the service needs).
    static func usage(_ sentence: String) -> CommandFailure {
        CommandFailure(description: sentence, status: ExitStatus.usage)
    }

    /// A change that was not confirmed: declined at the prompt, or `--yes`/`--confirm` missing.
    static func notConfirmed(_ sentence: String) -> CommandFailure {
        CommandFailure(description: sentence, status: ExitStatus.notConfirmed)
    }

    /// Bad input found by reading first (an unknown user, a password the policy refuses): the
    /// problem as one sentence, ending in "nothing was sent".
    static func refused(_ problem: String) -> CommandFailure {
        let text = problem.trimmingCharacters(in: .whitespaces)
        let stem = text.hasSuffix(".") ? String(text.dropLast()) : text
        return CommandFailure(description: stem + "; nothing was sent.", status: ExitStatus.usage)
    }
}
