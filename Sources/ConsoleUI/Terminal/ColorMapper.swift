/// How many colours the terminal can show, from ncurses' `COLORS`.
public enum ColorDepth: Sendable, Equatable {
    /// No colour at all (or `NO_COLOR`): attributes only.
    case none
    case basic8
    case basic16
    case palette256
    /// 24-bit colour (`COLORS` ≥ 2^24, e.g. `TERM=xterm-direct`): a colour number is 0xRRGGBB.
    case direct

    /// The depth for a terminal reporting `colors` colours.
    public init(colors: Int, noColor: Bool) {
        switch colors {
        case _ where noColor: self = .none
        case 1 << 24 ... Int.max: self = .direct
        case 256...: self = .palette256
        case 16...: self = .basic16
        case 8...: self = .basic8
        default: self = .none
        }
    }
}

/// Maps theme colours to terminal colour numbers: exact where the terminal can, else the
/// nearest colour it has. Pure, so it is tested without a terminal.
public enum ColorMapper {
    /// The colour number for ncurses' `init_extended_pair`; -1 is the terminal's default.
    public static func terminalColor(_ color: ThemeColor, depth: ColorDepth) -> Int32 {
        switch (color, depth) {
        case (.terminalDefault, _), (_, .none):
            return -1
        case (.indexed(let index), .palette256):
            return Int32(index)
        case (.indexed(let index), .direct) where index < 8:
            return Int32(index)  // xterm-direct keeps 0–7 as the ANSI colours
        case (.indexed(let index), _):
            let (r, g, b) = rgb(ofIndex: index)
            return fromRGB(r, g, b, depth: depth, index: index)
        case (.rgb(let r, let g, let b), _):
            return fromRGB(r, g, b, depth: depth, index: nil)
        }
    }

    /// An RGB colour (that came from palette `index`, if any) at the given depth.
    private static func fromRGB(_ r: UInt8, _ g: UInt8, _ b: UInt8, depth: ColorDepth, index fromIndex: Int?) -> Int32 {
        switch depth {
        case .none: return -1
        case .direct:
            let packed = Int32(r) << 16 | Int32(g) << 8 | Int32(b)
            return packed < 8 && packed > 0 ? 8 : packed
        case .palette256: return Int32(nearest256(r, g, b))
        case .basic16:
            if let fromIndex, fromIndex < 16 { return Int32(fromIndex) }
            return Int32(nearestBasic(r, g, b, bright: true))
        case .basic8:
            if let fromIndex, fromIndex < 16 { return Int32(fromIndex % 8) }
            return Int32(nearestBasic(r, g, b, bright: false))
        }
    }

    /// The xterm palette's RGB for an index 0–255.
    public static func rgb(ofIndex index: Int) -> (UInt8, UInt8, UInt8) {
        let basic: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        switch index {
        case ..<0: return (0, 0, 0)
        case 0..<16: return basic[index]
        case 16..<232:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let i = index - 16
            return (levels[i / 36], levels[i / 6 % 6], levels[i % 6])
        case 232..<256:
            let v = UInt8(8 + 10 * (index - 232))
            return (v, v, v)
        default: return (255, 255, 255)
        }
    }

    /// The nearest colour of the 6×6×6 cube or the grey ramp (16–255).
    public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func level(_ v: UInt8) -> Int {
            let v = Int(v)
            return v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40
        }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let grey = 232 + min(23, max(0, (average - 3) / 10))
        return distance(rgb(ofIndex: cube), (r, g, b)) <= distance(rgb(ofIndex: grey), (r, g, b)) ? cube : grey
    }

    /// The nearest of the eight basic colours (or sixteen with `bright`): greys by lightness,
    /// other colours by which channels are strong.
    public static func nearestBasic(_ r: UInt8, _ g: UInt8, _ b: UInt8, bright: Bool) -> Int {
        let high = max(r, g, b), low = min(r, g, b)
        if Int(high) - Int(low) < 40 {
            let light = (Int(r) + Int(g) + Int(b)) / 3
            if bright { return light < 48 ? 0 : light < 128 ? 8 : light < 208 ? 7 : 15 }
            return light < 160 ? 0 : 7
        }
        let threshold = max(UInt8(64), UInt8(Int(high) * 3 / 4))
        var index = (r >= threshold ? 1 : 0) | (g >= threshold ? 2 : 0) | (b >= threshold ? 4 : 0)
        if index == 0 { index = high == r ? 1 : high == g ? 2 : 4 }
        return bright && high > 200 && index != 7 ? index + 8 : index
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }
}
