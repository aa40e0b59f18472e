import AWSCore
import Foundation
import FuzzSupport

/// Arbitrary text as `~/.aws/config`: parsed or refused with a line number, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? INIParser.parse(text, file: "config")
    return 0
}

/// The entry SwiftPM links an executable with: hands over to libFuzzer's driver.
@_cdecl("FuzzConfigINI_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
