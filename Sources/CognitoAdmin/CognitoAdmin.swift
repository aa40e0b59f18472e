/// What an administrator does with Cognito, with no user interface in it: the user lifecycle,
/// groups, identity pools and role mappings, read-modify-write updates, jobs, scans, export and
/// sign-in. The console's view-model and the command-line subcommands are two thin front ends
/// over these functions, so every action has one implementation.
public enum CognitoAdmin {}
