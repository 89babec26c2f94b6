import CodeRunner
import DeckFormat
import Foundation

/// A learner's solution file as `recall check` takes it: its language, and its text read whole only
/// when it is a regular file of at most `maxBytes` (it is kept as the attempt, so a stray 200 MB
/// file must not be copied into the notebook).
public enum SolutionFile {
    /// The most a solution may hold (LIMITS.md).
    public static let maxBytes = 1 << 20

    /// Why `given` cannot be the language of `file`: its extension names another one. nil when they
    /// agree, or when either is silent.
    public static func languageConflict(_ file: URL, given: Language?) -> String? {
        guard let given, let named = Language(name: file.pathExtension), named != given else { return nil }
        return
            "\(file.lastPathComponent) is \(named.rawValue) by its extension, not \(given.rawValue): leave out --lang, or rename the file to .\(given.fileExtension)"
    }

    /// The language the file's extension names, unless `given`; a conflict between them is refused.
    static func language(of file: URL, given: Language?) throws -> Language {
        if let conflict = languageConflict(file, given: given) { throw ExerciseError.languageMismatch(conflict) }
        guard let language = given ?? Language(name: file.pathExtension) else {
            throw RunnerError.unknownLanguage(file.lastPathComponent)
        }
        return language
    }

    /// The file's text: refused before reading when it is missing, not a regular file, or over
    /// `maxBytes`, and when it is not UTF-8.
    static func read(_ file: URL, maxBytes: Int = SolutionFile.maxBytes) throws -> String {
        var info = stat()
        guard stat(file.path, &info) == 0 else { throw ExerciseError.missingSolution(file.path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw ExerciseError.notASolutionFile(file.path) }
        if Int(info.st_size) > maxBytes { throw ExerciseError.solutionTooLarge(file.path, Int(info.st_size), maxBytes) }
        guard let handle = try? FileHandle(forReadingFrom: file) else { throw ExerciseError.unreadable(file.path) }
        defer { try? handle.close() }
        // Read no further than one byte past the limit, in case the file grew since it was measured.
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        if data.count > maxBytes { throw ExerciseError.solutionTooLarge(file.path, data.count, maxBytes) }
        guard let text = String(data: data, encoding: .utf8) else { throw ExerciseError.unreadable(file.path) }
        return text
    }
}
