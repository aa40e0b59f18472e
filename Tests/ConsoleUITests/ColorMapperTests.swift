import Testing
@testable import ConsoleUI

@Suite(.timeLimit(.minutes(5))) struct ColorMapperTests {
    @Test func depthFollowsTheNumberOfColours() {
        #expect(ColorDepth(colors: 8, noColor: false) == .basic8)
        #expect(ColorDepth(colors: 16, noColor: false) == .basic16)
        #expect(ColorDepth(colors: 256, noColor: false) == .palette256)
        #expect(ColorDepth(colors: 1 << 24, noColor: false) == .direct)
        #expect(ColorDepth(colors: 256, noColor: true) == .none)
        #expect(ColorDepth(colors: 0, noColor: false) == .none)
    }

    @Test func theDefaultColourIsMinusOneEverywhere() {
        for depth in [ColorDepth.none, .basic8, .basic16, .palette256, .direct] {
            #expect(ColorMapper.terminalColor(.terminalDefault, depth: depth) == -1)
        }
    }

    @Test func hexMapsToTheExactCubeColourOn256() {
        #expect(ColorMapper.terminalColor(.rgb(0x00, 0x5F, 0x87), depth: .palette256) == 24)
        #expect(ColorMapper.terminalColor(.rgb(0x30, 0x30, 0x30), depth: .palette256) == 236)
        #expect(ColorMapper.terminalColor(.rgb(255, 255, 255), depth: .palette256) == 231)
    }

    @Test func hexIsPackedOnDirectColour() {
        #expect(ColorMapper.terminalColor(.rgb(0x12, 0x34, 0x56), depth: .direct) == 0x123456)
        #expect(ColorMapper.terminalColor(.indexed(3), depth: .direct) == 3)
        #expect(ColorMapper.terminalColor(.indexed(196), depth: .direct) == 0xFF0000)
    }

    @Test func eightColourTerminalsGetTheNearestBasicColour() {
        #expect(ColorMapper.terminalColor(.rgb(0x00, 0x5F, 0x87), depth: .basic8) == 4)  // blue
        #expect(ColorMapper.terminalColor(.rgb(0x30, 0x30, 0x30), depth: .basic8) == 0)  // black
        #expect(ColorMapper.terminalColor(.rgb(0xEE, 0xEE, 0xEE), depth: .basic8) == 7)  // white
        #expect(ColorMapper.terminalColor(.indexed(12), depth: .basic8) == 4)  // bright blue → blue
        #expect(ColorMapper.terminalColor(.indexed(196), depth: .basic8) == 1)  // cube red → red
        #expect(ColorMapper.terminalColor(.indexed(12), depth: .basic16) == 12)
    }

    @Test func paletteIndicesRoundTripThroughRGB() {
        for index in 16..<256 {
            let (r, g, b) = ColorMapper.rgb(ofIndex: index)
            #expect(ColorMapper.rgb(ofIndex: ColorMapper.nearest256(r, g, b)) == ColorMapper.rgb(ofIndex: index))
        }
    }
}
