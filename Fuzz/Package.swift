// swift-tools-version:6.0
// libFuzzer targets for cognito-tui's parsers and renderer. Built only by scripts/fuzz, with
// `-sanitize=fuzzer`; each target's entry hands over to libFuzzer's driver.
import PackageDescription

let fuzz: [SwiftSetting] = [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]

func target(_ name: String, _ products: [String]) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: "cognito-tui") },
                      path: "Sources/\(name)", swiftSettings: fuzz)
}

let package = Package(
    name: "cognito-tui-fuzz",
    dependencies: [.package(name: "cognito-tui", path: "..")],
    targets: [
        .target(name: "FuzzSupport", path: "Sources/FuzzSupport", swiftSettings: [.swiftLanguageMode(.v6)]),
        target("FuzzJSONShapes", ["CognitoAPI"]),
        target("FuzzErrorDecoder", ["AWSCore"]),
        target("FuzzConfigINI", ["AWSCore"]),
        target("FuzzThemeYAML", ["ConsoleUI"]),
        target("FuzzSettingsYAML", ["CognitoAdmin"]),
        target("FuzzCondition", ["CognitoAdmin"]),
        target("FuzzJWT", ["CognitoAdmin"]),
        target("FuzzGrid", ["ConsoleModel", "ConsoleUI"]),
    ]
)
