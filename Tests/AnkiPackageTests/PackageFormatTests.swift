import Foundation
import RecallTestSupport
import Testing
import ZIPFoundation

@testable import AnkiPackage

/// zstd frames and protobuf written by hand (raw and RLE blocks need no compressor), for the
/// latest package generation's decoders.
enum HandMade {
    /// A zstd frame: a 128 KiB window, no content size, then (block type, size, payload) blocks.
    static func frame(_ blocks: [(type: UInt32, size: UInt32, payload: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38]
        for (index, block) in blocks.enumerated() {
            let header = block.size << 3 | block.type << 1 | (index == blocks.count - 1 ? 1 : 0)
            out += [UInt8(header & 0xff), UInt8(header >> 8 & 0xff), UInt8(header >> 16 & 0xff)] + block.payload
        }
        return out
    }

    /// `bytes` stored as raw blocks of at most 128 KiB.
    static func raw(_ bytes: [UInt8]) -> [UInt8] {
        let chunks = stride(from: 0, to: max(bytes.count, 1), by: 131_072).map {
            Array(bytes[$0..<min($0 + 131_072, bytes.count)])
        }
        return frame(chunks.map { (0, UInt32($0.count), $0) })
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value
        var out: [UInt8] = []
        repeat {
            out.append(UInt8(value & 0x7f) | (value >= 0x80 ? 0x80 : 0))
            value >>= 7
        } while value > 0
        return out
    }

    static func field(_ number: UInt64, _ payload: [UInt8]) -> [UInt8] {
        varint(number << 3 | 2) + varint(UInt64(payload.count)) + payload
    }
}

@Suite("Anki's current package format: zstd, protobuf, schema 18")
struct PackageFormatTests {
    @Test("protobuf: fields read; a cut-short length, an endless number or a group is malformed")
    func protobuf() throws {
        let entry =
            HandMade.field(1, Array("a.png".utf8)) + [0x10, 0x05] + HandMade.field(3, [UInt8](repeating: 1, count: 20))
        let message = try ProtobufFields(
            HandMade.field(1, entry) + HandMade.field(1, HandMade.field(1, Array("b".utf8))))
        #expect(try message.all(1).count == 2)
        let first = try ProtobufFields(try message.all(1)[0])
        #expect(try first.string(1) == "a.png")
        #expect(try first.varint(2) == 5)
        #expect(throws: ProtobufFields.Malformed.self) { try ProtobufFields(HandMade.field(1, entry).dropLast()) }
        #expect(throws: ProtobufFields.Malformed.self) {
            try ProtobufFields([0x08] + [UInt8](repeating: 0xff, count: 11))
        }
        #expect(throws: ProtobufFields.Malformed.self) { try ProtobufFields([0x0b, 0x0c]) }
        #expect(throws: ProtobufFields.Malformed.self) { try ProtobufFields([0x0a, 0x80, 0x80, 0x80, 0x80, 0x10]) }
        #expect(throws: ProtobufFields.Malformed.self) {
            try ProtobufFields(HandMade.field(1, [0xff, 0xfe])).string(1)
        }
    }

    @Test("zstd: a frame decodes; a bomb stops at the limit; a frame cut short is damaged")
    func zstd() throws {
        let text = Array("hello, zstd".utf8)
        #expect(try ZstdStream.decompress(Data(HandMade.raw(text)), limit: 100) == Data(text))
        // 64 RLE blocks of 128 KiB: 8 MiB from 262 bytes.
        let bomb = HandMade.frame(Array(repeating: (1, 131_072, [0]), count: 64))
        #expect(bomb.count < 300)
        #expect(throws: ZstdStream.Problem.tooLarge(limit: 1_048_576)) {
            try ZstdStream.decompress(Data(bomb), limit: 1_048_576)
        }
        #expect(try ZstdStream.decompress(Data(bomb), limit: 8_388_608).count == 8_388_608)
        #expect(throws: ZstdStream.Problem.self) {
            try ZstdStream.decompress(Data(HandMade.raw(text).dropLast(3)), limit: 100)
        }
    }

    /// A package of the latest generation around `collection` (written at schema 11, which the
    /// reader takes from an anki21b entry too), with `media` as the media map's protobuf entries.
    static func modernPackage(
        _ folder: TemporaryFolder, _ collection: AnkiCollection = PackageFileTests.sample(), media: [[UInt8]],
        files: [[UInt8]]
    ) throws -> URL {
        let legacy = folder.url.appendingPathComponent("legacy.apkg")
        try AnkiPackageWriter.write(collection, to: legacy, now: 1_795_430_000)
        let source = try Archive(url: legacy, accessMode: .read)
        var database = Data()
        _ = try source.extract(try #require(source["collection.anki2"])) { database.append($0) }
        let url = folder.url.appendingPathComponent("modern-\(UUID().uuidString.prefix(6)).apkg")
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ name: String, _ bytes: [UInt8]) throws {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                Data(bytes[Int(position)..<Int(position) + size])
            }
        }
        try add("meta", [0x08, 0x03])
        try add("collection.anki21b", HandMade.raw([UInt8](database)))
        try add("media", HandMade.raw(media.flatMap { HandMade.field(1, $0) }))
        for (index, file) in files.enumerated() { try add(String(index), HandMade.raw(file)) }
        return url
    }

    @Test("a package of the latest generation reads, with the media its notes refer to")
    func modernPackage() throws {
        let folder = try TemporaryFolder("anki-modern")
        defer { folder.remove() }
        var sample = PackageFileTests.sample()
        sample.notes[0].fields[1] = "<img src=\"x.png\"> [sound:y.mp3]"
        let url = try Self.modernPackage(
            folder, sample, media: [HandMade.field(1, Array("x.png".utf8)), HandMade.field(1, Array("y.mp3".utf8))],
            files: [[1, 2, 3], [4, 5]])
        let media = folder.url.appendingPathComponent("media")
        try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
        let contents = try AnkiPackageReader().read(url, mediaFolder: media)
        #expect(contents.collectionEntry == "collection.anki21b")
        #expect(contents.mediaFiles == 2)
        #expect(contents.media.keys.sorted() == ["x.png", "y.mp3"])
        #expect(try Data(contentsOf: try #require(contents.media["y.mp3"])) == Data([4, 5]))
        #expect(contents.collection.notes.count == PackageFileTests.sample().notes.count)

        let hostile = try Self.modernPackage(folder, media: [HandMade.field(1, Array("../x".utf8))], files: [[1]])
        #expect(throws: AnkiPackageError.unsafeMediaName(path: hostile.path, name: "../x")) {
            try AnkiPackageReader().read(hostile, mediaFolder: folder.url)
        }
    }

    @Test("references to media in a field: found, and rewritten into the deck's media folder")
    func references() {
        let html = "<p>a <img alt=\"x\" src=\"my pic.png\"> b [sound:s.mp3] <img src='q&amp;a.jpg'></p>"
        #expect(AnkiMedia.references(in: html) == ["my pic.png", "s.mp3", "q&a.jpg"])
        let rewritten = AnkiMedia.rewrite(html) { "media/" + AnkiMedia.urlPath($0) }
        #expect(
            rewritten
                == "<p>a <img alt=\"x\" src=\"media/my%20pic.png\"> b <a href=\"media/s.mp3\">s.mp3</a> <img src='media/q%26a.jpg'></p>"
        )
        for bad in ["../x", "/etc/passwd", "a/b", "a\\b", "..", "", "x\u{0}y"] {
            #expect(!AnkiMedia.isSafeName(bad), "\(bad)")
        }
        #expect(AnkiMedia.isSafeName("graph of a curve (1).png"))
    }
}
