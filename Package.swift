// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "cognito-tui",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cognito-tui", targets: ["CognitoTUICommand"]),
        .library(name: "AWSCore", targets: ["AWSCore"]),
        .library(name: "CognitoAPI", targets: ["CognitoAPI"]),
        // For the fuzz targets in Fuzz/, a package of their own (they are built with -sanitize=fuzzer).
        .library(name: "CognitoAdmin", targets: ["CognitoAdmin"]),
        .library(name: "ConsoleModel", targets: ["ConsoleModel"]),
        .library(name: "ConsoleUI", targets: ["ConsoleUI"]),
        .executable(name: "cognito-call-bench", targets: ["CallBench"]),
        .executable(name: "cognito-console-bench", targets: ["ConsoleBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // C shims: headers plus tiny wrappers for macros and variadic functions.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
        .target(name: "COpenSSL", linkerSettings: [.linkedLibrary("crypto")]),
        .target(name: "CNcurses", linkerSettings: [.linkedLibrary("ncursesw")]),

        .target(name: "AWSCore", dependencies: ["CCurl", "COpenSSL"], swiftSettings: strict),
        .target(name: "CognitoAPI", dependencies: ["AWSCore"], swiftSettings: strict),
        .target(name: "CognitoAdmin", dependencies: ["AWSCore", "CognitoAPI", "Yams"], swiftSettings: strict),
        .target(name: "ConsoleModel", dependencies: ["AWSCore", "CognitoAPI", "CognitoAdmin"], swiftSettings: strict),
        .target(name: "ConsoleUI", dependencies: ["ConsoleModel", "CNcurses", "Yams"], swiftSettings: strict),

        .executableTarget(
            name: "CognitoTUICommand",
            dependencies: [
                "AWSCore",
                "CognitoAPI",
                "CognitoAdmin",
                "ConsoleModel",
                "ConsoleUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/cognito-tui",
            swiftSettings: strict
        ),

        .executableTarget(name: "CallBench", dependencies: ["AWSCore"], path: "Benchmarks/CallBench", swiftSettings: strict),
        .executableTarget(
            name: "ConsoleBench",
            dependencies: ["AWSCore", "CognitoAPI", "ConsoleModel", "ConsoleUI"],
            path: "Benchmarks/ConsoleBench",
            swiftSettings: strict
        ),

        .target(name: "TestSupport", dependencies: ["AWSCore"], path: "Tests/TestSupport", swiftSettings: strict),
        .target(
            name: "ConsoleTestSupport",
            dependencies: ["AWSCore", "CognitoAPI", "CognitoAdmin", "ConsoleModel", "TestSupport"],
            path: "Tests/ConsoleTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "AWSCoreTests",
            dependencies: ["AWSCore", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CognitoAPITests",
            dependencies: ["AWSCore", "CognitoAPI", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CognitoAdminTests",
            dependencies: ["AWSCore", "CognitoAPI", "CognitoAdmin", "ConsoleTestSupport", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConsoleModelTests",
            dependencies: ["AWSCore", "CognitoAPI", "ConsoleModel", "ConsoleTestSupport", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConsoleUITests",
            dependencies: ["ConsoleModel", "ConsoleUI", "ConsoleTestSupport", "TestSupport"],
            resources: [.copy("Golden")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CognitoTUICommandTests",
            dependencies: ["AWSCore", "TestSupport"],
            swiftSettings: strict
        ),
    ]
)
