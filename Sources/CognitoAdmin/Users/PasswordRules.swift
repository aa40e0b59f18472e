import CognitoAPI

/// A user pool's password policy, to check a password before it is sent (naming the rule it
/// breaks) and to generate one that satisfies it. The rules are those of the pool's
/// `PasswordPolicyType`; the symbols are the ones Amazon Cognito accepts, as listed in its
/// developer guide's "password requirements".
public struct PasswordRules: Sendable, Equatable {
    public var minimumLength: Int
    public var uppercase: Bool
    public var lowercase: Bool
    public var numbers: Bool
    public var symbols: Bool

    /// Cognito's special characters for passwords (and the space, which it also accepts).
    public static let symbolSet: Set<Character> = Set("^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-")

    public init(minimumLength: Int = 8, uppercase: Bool = true, lowercase: Bool = true, numbers: Bool = true, symbols: Bool = true) {
        self.minimumLength = minimumLength
        self.uppercase = uppercase
        self.lowercase = lowercase
        self.numbers = numbers
        self.symbols = symbols
    }

    /// The pool's rules; a pool without a policy gets the service's defaults (8, all four kinds).
    public init(_ policy: CognitoIdentityProvider.PasswordPolicyType?) {
        self.init(minimumLength: policy?.minimumLength ?? 8, uppercase: policy?.requireUppercase ?? true,
                  lowercase: policy?.requireLowercase ?? true, numbers: policy?.requireNumbers ?? true,
                  symbols: policy?.requireSymbols ?? true)
    }

    /// Every rule the password breaks, one short sentence each, in the policy's order.
    public func violations(_ password: String) -> [String] {
        var problems: [String] = []
        if password.count < minimumLength { problems.append("it must be at least \(minimumLength) characters long") }
        if uppercase && !password.contains(where: \.isUppercase) { problems.append("it must contain an uppercase letter") }
        if lowercase && !password.contains(where: \.isLowercase) { problems.append("it must contain a lowercase letter") }
        if numbers && !password.contains(where: { $0.isASCII && $0.isNumber }) { problems.append("it must contain a number") }
        if symbols && !password.contains(where: Self.symbolSet.contains) { problems.append("it must contain a symbol such as ! or #") }
        if password.first == " " || password.last == " " { problems.append("it must not start or end with a space") }
        return problems
    }

    /// A password that satisfies the rules: at least 16 characters (or the minimum, if longer),
    /// one of each required kind, the rest mixed, in an order from `random`.
    public func generate<R: RandomNumberGenerator>(using random: inout R) -> String {
        let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ"), lower = Array("abcdefghijkmnopqrstuvwxyz")
        let digits = Array("23456789"), marks = Array("!#%+-=?@^_~")
        var characters: [Character] = []
        characters.append(upper.randomElement(using: &random)!)
        characters.append(lower.randomElement(using: &random)!)
        characters.append(digits.randomElement(using: &random)!)
        characters.append(marks.randomElement(using: &random)!)
        let all = upper + lower + digits + marks
        while characters.count < max(16, minimumLength) { characters.append(all.randomElement(using: &random)!) }
        characters.shuffle(using: &random)
        return String(characters)
    }
}
