import Foundation
import RecallTestSupport
import Testing

@testable import CodeRunner

/// Finding swiftc wherever the toolchain is installed, through symlinks.
@Suite("Swift toolchain")
struct SwiftToolchainTests {
    @Test("a swiftc symlinked into a PATH folder resolves to the toolchain, which is bound read-only")
    func symlinkOnPath() throws {
        let installed = try #require(SwiftToolchain.locate())
        let folder = try TemporaryFolder("recall-path")
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/bin/swiftc", withDestinationPath: installed.compiler)
        let found = try #require(SwiftToolchain.locate(environment: ["PATH": folder.path + "/bin"]))
        #expect(found.compiler == installed.compiler)
        #expect(found.compiler.hasSuffix("/swiftc"))
        #expect(found.root == installed.root)
        if let root = found.root { #expect(found.compiler.hasPrefix(root + "/")) }
    }

    @Test("RECALL_SWIFTC wins over PATH; a missing one is skipped")
    func override() throws {
        let installed = try #require(SwiftToolchain.locate())
        let chosen = SwiftToolchain.locate(environment: ["RECALL_SWIFTC": installed.compiler, "PATH": "/nonexistent"])
        #expect(chosen?.compiler == installed.compiler)
        let skipped = SwiftToolchain.locate(environment: [
            "RECALL_SWIFTC": "/nonexistent/swiftc", "PATH": "/nonexistent",
        ])
        #expect(skipped?.compiler != "/nonexistent/swiftc")
    }
}
