import ConsoleModel
import ConsoleUI
import Foundation
import FuzzSupport

/// Arbitrary text written into grids of sizes the first bytes pick, at a position they pick,
/// cut, padded and wrapped as the panes do: no crash, and never a cell outside the grid.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 4 else { return 0 }
    let columns = Int(data[0]) % 120, rows = Int(data[1]) % 40
    let x = Int(Int8(bitPattern: data[2])), width = Int(data[3]) % 130
    let text = String(decoding: UnsafeBufferPointer(start: data + 4, count: size - 4), as: UTF8.self)
    var grid = Grid(columns: columns, rows: rows)
    let written = grid.write(text, x: x, y: rows / 2, role: .normal, limit: width)
    // Columns left of the grid count too (a negative x): never more than reach its right edge.
    precondition(written >= 0 && written <= max(0, columns - x), "wrote \(written) columns from \(x) into \(columns)")
    let cut = TextFit.truncate(text, to: width)
    precondition(DisplayWidth.of(cut) <= width, "cut to \(DisplayWidth.of(cut)) columns, asked \(width)")
    _ = TextFit.truncateMiddle(text, to: width)
    _ = TextFit.pad(text, to: width)
    if width > 0 {
        for line in TextFit.wrap(text, width: width) { precondition(DisplayWidth.of(line) <= width, "wrapped line too wide") }
    }
    return 0
}

/// The entry SwiftPM links an executable with: hands over to libFuzzer's driver.
@_cdecl("FuzzGrid_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
