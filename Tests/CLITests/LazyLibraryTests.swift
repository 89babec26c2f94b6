import Foundation
import RecallTestSupport
import Testing

/// libgit2, cmark-gfm, libxml2 and zstd are loaded on first use, not at start-up (issue 15; the
/// dynamic loader's own log, `LD_DEBUG=files`, names every library it maps and why).
@Suite("C libraries are loaded when first needed")
struct LazyLibraryTests {
    static let lazy = ["libgit2", "libcmark-gfm", "libxml2", "libzstd"]

    /// The libraries the dynamic loader mapped while `recall arguments` ran.
    static func loaded(_ arguments: [String], home: TemporaryFolder) throws -> (status: Int32, files: [String]) {
        let run = try RecallProcess.run(arguments, home: home.path, environment: ["LD_DEBUG": "files"])
        let files = run.stderr.split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "file=") else { return nil }
            return String(line[start.upperBound...].prefix { $0 != " " && $0 != "\t" })
        }
        return (run.status, files)
    }

    @Test(
        "`recall due` maps none of them; an export maps cmark-gfm; importing Anki's current format maps zstd and libxml2"
    )
    func loadedOnFirstUse() throws {
        let (home, decks) = try homeWithHistory()
        defer { home.remove(); decks.remove() }
        let due = try Self.loaded(["due"], home: home)
        #expect(due.status == 0)
        #expect(due.files.contains { $0.hasPrefix("libsqlite3") }, "the log lists what is mapped: \(due.files)")
        for library in Self.lazy {
            #expect(!due.files.contains { $0.hasPrefix(library) }, "`recall due` mapped \(library): \(due.files)")
        }

        let export = try Self.loaded(["export", "--apkg", decks.path + "/out.apkg"], home: home)
        #expect(export.status == 0)
        #expect(export.files.contains { $0.hasPrefix("libcmark-gfm") }, "\(export.files)")

        // A package Anki made in its current format: zstd unpacks it, libxml2 reads its fields' HTML.
        let work = try TemporaryFolder("anki-work")
        let other = try TemporaryFolder("recall-home")
        defer { work.remove(); other.remove() }
        let package = work.path + "/anki.apkg"
        try Interop.run("anki_build.py", [try Interop.collectionFolder(work, "c"), package, "--modern"], in: work)
        let imported = try Self.loaded(["import", package], home: other)
        #expect(imported.status == 0)
        for library in ["libzstd", "libxml2"] {
            #expect(imported.files.contains { $0.hasPrefix(library) }, "\(library): \(imported.files)")
        }
        #expect(!imported.files.contains { $0.hasPrefix("libgit2") }, "\(imported.files)")
    }
}
