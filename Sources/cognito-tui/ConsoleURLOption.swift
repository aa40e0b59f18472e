import ArgumentParser
import CognitoAdmin
import ConsoleModel

/// `--console-url` on the `get` commands: once the resource is read (so a wrong name is the
/// same error as without it), print the URL of its page in the AWS console instead of it. The
/// page of each kind is the one the console's `o` uses, from the resource descriptors.
struct ConsoleURLOption: ParsableArguments {
    @Flag(name: .customLong("console-url"), help: "Print the URL of its page in the AWS console instead of its settings.")
    var requested = false

    /// Prints the console URL of `ref` and returns true when `--console-url` was given.
    func print(_ ref: ResourceRef, _ admin: AdminContext) -> Bool {
        guard requested, let page = ResourceRegistry.descriptor(ref.kind).consolePage else { return false }
        Swift.print(page.url(ref, region: admin.backend.info.region))
        return true
    }
}
