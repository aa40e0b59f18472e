import Foundation

/// The project's Python: `.venv/bin/python3` at the repository's top, where `scripts/setup.sh`
/// installs the pinned packages (the emulator, boto3, the AWS CLI). Every test that runs Python
/// runs this one, never whichever `python3` comes first in PATH.
public enum ProjectPython {
    public static let path = LocalServer.repositoryRoot.appendingPathComponent(".venv/bin/python3").path
    public static var url: URL { URL(fileURLWithPath: path) }
}
