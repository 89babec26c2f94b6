// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets on Recall's parsers (docs/FUZZING.md). Built only with the fuzzer and address
// sanitizers, which supply `main`:
//   swift build --package-path Fuzz --scratch-path .build-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// `make fuzz` and `make fuzz-smoke` do that and run them (Fuzz/run.sh).
let package = Package(
    name: "RecallFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Recall", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "fuzz-deck-file", dependencies: ["FuzzSupport", .product(name: "DeckFormat", package: "Recall")]),
        .executableTarget(
            name: "fuzz-deck-yaml", dependencies: ["FuzzSupport", .product(name: "DeckFormat", package: "Recall")]),
        .executableTarget(
            name: "fuzz-anki-html",
            dependencies: [
                "FuzzSupport", .product(name: "AnkiPackage", package: "Recall"),
                .product(name: "DeckFormat", package: "Recall"),
            ]),
        .executableTarget(
            name: "fuzz-anki-package", dependencies: ["FuzzSupport", .product(name: "AnkiPackage", package: "Recall")]),
        .executableTarget(
            name: "fuzz-progress-log", dependencies: ["FuzzSupport", .product(name: "Notebook", package: "Recall")]),
        .executableTarget(
            name: "fuzz-known-hosts", dependencies: ["FuzzSupport", .product(name: "GitSync", package: "Recall")]),
        .executableTarget(
            name: "fuzz-harness-output",
            dependencies: [
                "FuzzSupport", .product(name: "CodeRunner", package: "Recall"),
                .product(name: "DeckFormat", package: "Recall"),
            ]),
    ]
)
