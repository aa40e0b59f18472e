// CognitoAPI: the typed Cognito Identity and Cognito Identity Provider API.
//
// - Generated/ (scripts/codegen/generate.py, never edited by hand): per service a namespace of
//   shapes and enums (`CognitoIdentityProvider.ListUsersRequest`), the operation table
//   (`CognitoIdentityProvider.Operations`), a client with one method per operation
//   (`CognitoIdentityProviderClient.listUsers(_:)`), paginators (`listUsersPages`,
//   `listUsersItems`), the constraint schema, and the error codes of both services.
// - Runtime/: the call path every generated method takes (read-only refusal, encoding,
//   validation, `AWSClient.callJSON`, decoding) and the types generated code builds on.
// - Validation/: the model's rules checked before anything is sent.
// - Catalog/: `OperationCatalog`, for callers that work from operation names and raw JSON.
// - Pagination/: the page and item sequences.
// - Credentials/: the Cognito credential providers (`CognitoIdentityCredentialProvider`,
//   `CognitoIdentityPoolCredentialProvider`), for any AWSCore client's `credentials`.
