import CGit2

/// The sole owner of one libgit2 object: frees it, with the function libgit2 names for that type,
/// when the last Swift reference goes. Keeps the object it depends on (its repository) alive
/// until then, since libgit2 objects must not outlive their repository.
final class Handle {
    let pointer: OpaquePointer
    private let release: (OpaquePointer?) -> Void
    private let owner: AnyObject?

    init(_ pointer: OpaquePointer, owner: AnyObject?, release: @escaping (OpaquePointer?) -> Void) {
        self.pointer = pointer
        self.owner = owner
        self.release = release
    }

    /// Runs a libgit2 constructor; on failure frees any half-made object before throwing.
    static func make(
        _ operation: @autoclosure () -> String, owner: AnyObject?, release: @escaping (OpaquePointer?) -> Void,
        _ construct: (inout OpaquePointer?) -> Int32
    ) throws -> Handle {
        var pointer: OpaquePointer?
        let code = construct(&pointer)
        if code < 0 {
            release(pointer)  // libgit2 usually leaves NULL here; freeing NULL is a no-op
            try Libgit2.check(code, operation())
        }
        guard let pointer else {
            throw GitError.libgit2(
                operation: operation(), code: -1, errorClass: "internal", message: "libgit2 returned no object")
        }
        return Handle(pointer, owner: owner, release: release)
    }

    deinit { release(pointer) }
}
