// The console works with the domain layer's values (BackendInfo, the backend protocol) throughout;
// callers of ConsoleModel get them with it.
@_exported import CognitoAdmin
