import ConsoleModel

/// One terminal cell: a grapheme and the semantic role that styles it.
///
/// A character two columns wide occupies its cell and the next one; the next one is a
/// continuation cell, drawn by nothing (the terminal fills it with the right half).
public struct Cell: Sendable, Equatable {
    /// The grapheme shown; a space in blank and continuation cells.
    public var character: Character
    /// How the cell is styled.
    public var role: StyleRole
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    /// A cell showing `character` in `role`.
    public init(_ character: Character = " ", role: StyleRole = .normal, isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.isContinuation = isContinuation
    }

    /// A blank cell in the given role.
    public static func blank(_ role: StyleRole = .normal) -> Cell {
        Cell(" ", role: role)
    }
}
