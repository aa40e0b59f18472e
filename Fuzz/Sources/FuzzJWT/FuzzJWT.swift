import CognitoAdmin
import Foundation
import FuzzSupport

/// Arbitrary text as a pasted JWT: decoded and summarised, or refused.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let token = try? JSONWebToken(compact: text) {
        _ = TokenSummary(token)
    }
    return 0
}

/// The entry SwiftPM links an executable with: hands over to libFuzzer's driver.
@_cdecl("FuzzJWT_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
