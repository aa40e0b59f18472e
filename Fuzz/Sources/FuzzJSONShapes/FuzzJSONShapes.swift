import CognitoAPI
import Foundation
import FuzzSupport

/// Arbitrary bytes as the JSON replies of a few operations, through the same decoding the client
/// uses: any input may be refused, none may crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    guard let value = try? JSONValue(json: bytes) else { return 0 }
    _ = try? CognitoJSON.decode(CognitoIdentityProvider.ListUsersResponse.self, from: value)
    _ = try? CognitoJSON.decode(CognitoIdentityProvider.DescribeUserPoolResponse.self, from: value)
    _ = try? CognitoJSON.decode(CognitoIdentity.GetIdentityPoolRolesResponse.self, from: value)
    _ = try? CognitoJSON.decode(CognitoIdentity.GetCredentialsForIdentityResponse.self, from: value)
    _ = try? CognitoJSON.value(value)
    return 0
}

/// The entry SwiftPM links an executable with: hands over to libFuzzer's driver.
@_cdecl("FuzzJSONShapes_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
