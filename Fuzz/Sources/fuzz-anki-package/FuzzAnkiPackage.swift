import AnkiPackage
import Foundation
import FuzzSupport

/// A package file's bytes through `AnkiPackageReader.read(_:)` (zip directory, collection entry
/// streamed out, SQLite collection, JSON columns). The reader takes a path, so each input is
/// written to one temporary file first. Properties: never traps; fails only with an
/// `AnkiPackageError` (a clear message), never another error.
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-fuzz-apkg-\(getpid())")
let package = folder.appendingPathComponent("input.apkg")
// Small, so that a fuzzed size field cannot make one run write hundreds of megabytes.
let reader = AnkiPackageReader(collectionLimit: 4 << 20)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnkiPackage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(fuzzBytes(data, size)).write(to: package)
    } catch {
        fatalError("cannot write the input to \(package.path): \(error)")
    }
    do {
        let contents = try reader.read(package)
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
