import AnkiPackage
import Foundation
import FuzzSupport

/// A package file's bytes through `AnkiPackageReader.read(_:mediaFolder:)` (zip directory, `meta`
/// and the media map as protobuf, zstd streams, collection entry streamed out, SQLite collection
/// at schema 11 or 18, media the notes refer to extracted). The reader takes a path, so each input is
/// written to one temporary file first. Properties: never traps; fails only with an
/// `AnkiPackageError` (a clear message), never another error.
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-fuzz-apkg-\(getpid())")
let package = folder.appendingPathComponent("input.apkg")
let media = folder.appendingPathComponent("media")
// Small, so that a fuzzed size field cannot make one run write hundreds of megabytes.
let reader: AnkiPackageReader = {
    var limits = AnkiLimits()
    limits.collectionBytes = 4 << 20
    limits.mediaBytes = 4 << 20
    return AnkiPackageReader(limits: limits)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnkiPackage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
        try? FileManager.default.removeItem(at: media)
        try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
        try Data(fuzzBytes(data, size)).write(to: package)
    } catch {
        fatalError("cannot write the input to \(package.path): \(error)")
    }
    do {
        let contents = try reader.read(package, mediaFolder: media)
        _ = contents.collection.notes.count + contents.collection.cards.count + contents.mediaFiles
    } catch let error as AnkiPackageError {
        require(!error.description.isEmpty, "an empty error message")
    } catch {
        require(false, "not an AnkiPackageError: \(type(of: error)) \(error)")
    }
    return 0
}

@_cdecl("fuzz_anki_package_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    atexit { try? FileManager.default.removeItem(at: folder) }  // libFuzzer ends with exit()
    return runLibFuzzer(argc, argv, fuzzAnkiPackage)
}
