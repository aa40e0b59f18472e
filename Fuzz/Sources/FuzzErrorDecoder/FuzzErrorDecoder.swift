import AWSCore
import Foundation
import FuzzSupport

/// Arbitrary bytes as an error reply: the first byte picks the status, the rest is the body, read
/// as JSON 1.1 (Cognito) and as the query protocol's XML (STS). Each yields an error value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let status = 400 + Int(data[0]) % 200
    let headers = size > 1 && data[1] & 1 == 1
        ? HTTPHeaders([("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/")]) : HTTPHeaders()
    let body = Data(bytes: data + 1, count: size - 1)
    let response = HTTPResponse(status: status, headers: headers, body: body)
    _ = String(describing: JSONProtocol.decodeError(response, operation: "ListUsers"))
    _ = String(describing: QueryProtocol.decodeError(response, operation: "AssumeRole"))
    return 0
}

/// The entry SwiftPM links an executable with: hands over to libFuzzer's driver.
@_cdecl("FuzzErrorDecoder_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
