import ConsoleModel

/// One read from the terminal, before it means anything: a character or an ncurses key code.
public enum RawKey: Sendable, Equatable {
    /// `get_wch` returned OK: a Unicode character (or a control code below 32, or DEL).
    case character(UInt32)
    /// `get_wch` returned KEY_CODE_YES: a function key code such as KEY_UP.
    case code(Int32)
}

/// What a raw key stands for.
public enum MappedKey: Sendable, Equatable {
    case event(InputEvent)
    /// The terminal changed size (KEY_RESIZE).
    case resize
    /// A mouse event is waiting (KEY_MOUSE): read it with `getmouse`.
    case mouse
    /// Nothing the console uses.
    case ignored
}

/// The ncurses key codes the mapper needs, so the mapping is a pure function tests can call.
public struct KeyCodes: Sendable, Equatable {
    public var up, down, left, right, pageUp, pageDown, home, end: Int32
    public var enter, backspace, delete, backTab, f0, resize, mouse: Int32

    public init(up: Int32, down: Int32, left: Int32, right: Int32, pageUp: Int32, pageDown: Int32,
                home: Int32, end: Int32, enter: Int32, backspace: Int32, delete: Int32, backTab: Int32,
                f0: Int32, resize: Int32, mouse: Int32) {
        (self.up, self.down, self.left, self.right) = (up, down, left, right)
        (self.pageUp, self.pageDown, self.home, self.end) = (pageUp, pageDown, home, end)
        (self.enter, self.backspace, self.delete, self.backTab) = (enter, backspace, delete, backTab)
        (self.f0, self.resize, self.mouse) = (f0, resize, mouse)
    }
}

/// Translates terminal keys into the view-model's `InputEvent`s.
public enum InputMapper {
    /// The meaning of one raw key.
    public static func map(_ key: RawKey, codes: KeyCodes) -> MappedKey {
        switch key {
        case .character(let value): return character(value)
        case .code(let code): return self.code(code, codes: codes)
        }
    }

    private static func character(_ value: UInt32) -> MappedKey {
        switch value {
        case 10, 13: return .event(.key(.enter))
        case 9: return .event(.key(.tab))
        case 27: return .event(.key(.escape))
        case 8, 127: return .event(.key(.backspace))
        case 0: return .event(.key(.control(" ")))
        case 1...26:
            let letter = Character(Unicode.Scalar(UInt8(96 + value)))
            return .event(.key(.control(letter)))
        case 28...31: return .ignored
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignored }
            return .event(.key(.character(Character(scalar))))
        }
    }

    private static func code(_ code: Int32, codes: KeyCodes) -> MappedKey {
        let keys: [Int32: Key] = [
            codes.up: .up, codes.down: .down, codes.left: .left, codes.right: .right,
            codes.pageUp: .pageUp, codes.pageDown: .pageDown, codes.home: .home, codes.end: .end,
            codes.enter: .enter, codes.backspace: .backspace, codes.delete: .delete, codes.backTab: .backTab,
        ]
        if let key = keys[code] { return .event(.key(key)) }
        if code == codes.resize { return .resize }
        if code == codes.mouse { return .mouse }
        if code > codes.f0, code <= codes.f0 + 24 { return .event(.key(.function(Int(code - codes.f0)))) }
        return .ignored
    }
}
