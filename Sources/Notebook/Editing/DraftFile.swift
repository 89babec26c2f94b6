import DeckFormat
import Foundation

/// The temporary file a learner writes a new card in (`recall add` without `--question`): under
/// $TMPDIR, readable by its owner only, named `recall-card-XXXXXX.md` so editors highlight Markdown.
struct DraftFile {
    let path: String

    /// A new draft holding `text`.
    init(text: String) throws(CardEditingError) {
        let folder = FileManager.default.temporaryDirectory.path
        var name = Array("\(folder)/recall-card-XXXXXX.md".utf8CString)
        let fd = mkstemps(&name, 3)  // mode 0600
        guard fd >= 0 else { throw .draftFile(path: folder, reason: String(cString: strerror(errno))) }
        let made = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        close(fd)
        path = made
        do {
            // Keeps the mode mkstemps gave (0600).
            try IDWriter.atomicWrite(Array(text.utf8), to: URL(fileURLWithPath: made))
        } catch {
            unlink(made)
            throw .draftFile(path: made, reason: "\(error)")
        }
    }

    /// The draft's text as the editor left it.
    func read() throws(CardEditingError) -> String {
        switch DeckFile.read(URL(fileURLWithPath: path)) {
        case .failure(let failure):
            throw .draftFile(path: path, reason: failure.message)
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .problems([DeckIssue(file: path, line: 0, message: "invalid UTF-8; save the draft as UTF-8")])
            }
            return text
        }
    }

    func remove() { unlink(path) }
}
