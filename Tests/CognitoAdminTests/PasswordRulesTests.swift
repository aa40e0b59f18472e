import CognitoAPI
import CognitoAdmin
import Testing

/// A small seeded generator (SplitMix64), so a run that fails can be repeated exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Password rules: each rule named, generated passwords that pass", .timeLimit(.minutes(5)))
struct PasswordRulesTests {
    static let all = PasswordRules(minimumLength: 10)

    @Test("a password meeting every rule has no violation")
    func passes() {
        #expect(Self.all.violations("Abcdefgh1!").isEmpty)
    }

    @Test("too short names the minimum length")
    func length() {
        #expect(Self.all.violations("Abcdef1!") == ["it must be at least 10 characters long"])
    }

    @Test("no uppercase letter names that rule")
    func uppercase() {
        #expect(Self.all.violations("abcdefgh1!") == ["it must contain an uppercase letter"])
    }

    @Test("no lowercase letter names that rule")
    func lowercase() {
        #expect(Self.all.violations("ABCDEFGH1!") == ["it must contain a lowercase letter"])
    }

    @Test("no digit names that rule")
    func numbers() {
        #expect(Self.all.violations("Abcdefghi!") == ["it must contain a number"])
    }

    @Test("no symbol names that rule")
    func symbols() {
        #expect(Self.all.violations("Abcdefghi1") == ["it must contain a symbol such as ! or #"])
    }

    @Test("a leading or trailing space is refused")
    func spaces() {
        #expect(Self.all.violations(" Abcdefgh1!") == ["it must not start or end with a space"])
    }

    @Test("a rule the policy turns off is not checked")
    func rulesOff() {
        let loose = PasswordRules(minimumLength: 6, uppercase: false, lowercase: true, numbers: false, symbols: false)
        #expect(loose.violations("abcdef").isEmpty)
    }

    @Test("a pool without a policy gets the service's defaults")
    func defaults() {
        #expect(PasswordRules(nil) == PasswordRules(minimumLength: 8, uppercase: true, lowercase: true, numbers: true, symbols: true))
        let policy = CognitoIdentityProvider.PasswordPolicyType(minimumLength: 12, requireSymbols: false)
        #expect(PasswordRules(policy).minimumLength == 12)
        #expect(PasswordRules(policy).symbols == false)
    }

    @Test("200 generated passwords satisfy 200 random policies")
    func generatedPass() {
        var random = SeededGenerator(state: 20_240_601)
        for _ in 0..<200 {
            let rules = PasswordRules(minimumLength: Int.random(in: 6...99, using: &random), uppercase: Bool.random(using: &random),
                                      lowercase: Bool.random(using: &random), numbers: Bool.random(using: &random),
                                      symbols: Bool.random(using: &random))
            let password = rules.generate(using: &random)
            #expect(rules.violations(password).isEmpty, "\(rules): \(password)")
            #expect(password.count >= max(16, rules.minimumLength))
        }
    }

    @Test("the same seed makes the same password; another seed another one")
    func seeded() {
        var a = SeededGenerator(state: 7), b = SeededGenerator(state: 7), c = SeededGenerator(state: 8)
        let one = Self.all.generate(using: &a)
        #expect(one == Self.all.generate(using: &b))
        #expect(one != Self.all.generate(using: &c))
    }
}
