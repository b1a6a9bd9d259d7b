import CPosix
import Foundation
import Glibc

/// A folder of the data directory, held open by one descriptor. Every file in it is opened
/// relative to that descriptor, without following a symbolic link and without blocking on a
/// FIFO, and checked before it is used: a regular file with one link, of the workspace's group
/// (shared) or owner (private). So nothing planted in the folder can make mlboard open, create,
/// truncate or copy a file anywhere else.
final class WorkspaceFolder: Sendable {
    let path: String
    let descriptor: Int32
    let facts: FileFacts
    /// Group-writable folders are shared: their files must carry the folder's group.
    var isShared: Bool { facts.permissions & 0o020 != 0 }

    private init(path: String, descriptor: Int32, facts: FileFacts) {
        self.path = path
        self.descriptor = descriptor
        self.facts = facts
    }

    deinit { close(descriptor) }

    /// Opens the folder at `path`, which the user named and which may itself be a link.
    static func open(_ path: String) throws -> WorkspaceFolder {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw StoreError.notFound("\(path) does not exist")
            case ENOTDIR: throw StoreError.notFound("\(path) is not a folder")
            case EACCES, EPERM: throw StoreError.permissionDenied(path: path, action: "read", detail: describe(path))
            default: throw StoreError.io(operation: "open folder", path: path, errno: code)
            }
        }
        guard let facts = FileFacts.of(descriptor: fd) else {
            let failure = StoreError.lastIO("look at", path)
            close(fd)
            throw failure
        }
        return WorkspaceFolder(path: path, descriptor: fd, facts: facts)
    }

    func pathOf(_ name: String) -> String { path.hasSuffix("/") ? path + name : path + "/" + name }

    // MARK: Files

    /// Opens an existing file for reading (or reading and writing) after checking it.
    /// Throws `StoreError.notFound` when it is missing.
    func openFile(_ name: String, writable: Bool = false) throws -> Int32 {
        let flags = (writable ? O_RDWR : O_RDONLY) | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY
        let fd = openat(descriptor, name, flags)
        guard fd >= 0 else { throw problem(opening: name, writable: writable) }
        return try trusted(fd, name)
    }

    /// Creates a new file that must not exist yet, with the sharing mode's permissions.
    func createFile(_ name: String, sharing: SharingMode) throws -> Int32 {
        let flags = O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY
        let fd = openat(descriptor, name, flags, sharing.fileMode())
        guard fd >= 0 else { throw problem(opening: name, writable: true) }
        sharing.apply(to: fd, folder: false, group: facts.group)
        return try trusted(fd, name)
    }

    /// Opens a file for writing, creating it first when it is missing.
    func openOrCreateFile(_ name: String, sharing: SharingMode) throws -> Int32 {
        do {
            return try createFile(name, sharing: sharing)
        } catch StoreError.io(_, _, EEXIST) {
            return try openFile(name, writable: true)
        }
    }

    /// Facts of `name` without following a link; nil when it does not exist.
    func factsOf(_ name: String) -> FileFacts? { FileFacts.of(name, in: descriptor) }

    func exists(_ name: String) -> Bool { factsOf(name) != nil }

    /// Whether this user may write `name`, as the kernel would decide.
    func canWrite(_ name: String = ".") -> Bool { faccessat(descriptor, name, W_OK, AT_EACCESS) == 0 }

    func canRead(_ name: String = ".") -> Bool { faccessat(descriptor, name, R_OK, AT_EACCESS) == 0 }

    func remove(_ name: String) -> Bool { unlinkat(descriptor, name, 0) == 0 }

    func rename(_ name: String, to newName: String) throws {
        guard renameat(descriptor, name, descriptor, newName) == 0 else { throw StoreError.lastIO("rename \(name) in", path) }
    }

    /// Flushes the folder itself, so a rename or a new file survives a crash.
    func sync() throws {
        guard fsync(descriptor) == 0 else { throw StoreError.lastIO("fsync folder", path) }
    }

    /// The names in the folder, without "." and "..".
    func names() -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else { return [] }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    // MARK: Folders

    /// Opens the folder `name` inside this one, creating it (with the sharing mode's
    /// permissions: setgid and sticky when shared) when `create` is given and it is missing.
    func folder(_ name: String, create sharing: SharingMode? = nil) throws -> WorkspaceFolder {
        var created = false
        if let sharing {
            if mkdirat(descriptor, name, sharing.folderMode() & 0o777) == 0 {
                created = true
            } else if errno != EEXIST {
                throw problem(opening: name, writable: true)
            }
        }
        let fd = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw problem(opening: name, writable: false) }
        if created, let sharing { sharing.apply(to: fd, folder: true, group: facts.group) }
        guard let inner = FileFacts.of(descriptor: fd) else {
            close(fd)
            throw StoreError.lastIO("look at", pathOf(name))
        }
        if let wrong = ownershipProblem(inner) {
            close(fd)
            throw StoreError.unsafeFile(path: pathOf(name), problem: wrong)
        }
        return WorkspaceFolder(path: pathOf(name), descriptor: fd, facts: inner)
    }

    // MARK: Checks

    /// Keeps `fd` when it is a regular file with one link and the right owner; else closes it
    /// and says what is wrong.
    private func trusted(_ fd: Int32, _ name: String) throws -> Int32 {
        guard let found = FileFacts.of(descriptor: fd) else {
            let failure = StoreError.lastIO("look at", pathOf(name))
            close(fd)
            throw failure
        }
        if let wrong = trustProblem(found) {
            close(fd)
            throw StoreError.unsafeFile(path: pathOf(name), problem: wrong)
        }
        _ = mlb_clear_nonblocking(fd)
        return fd
    }

    /// Why a file found in this folder cannot be trusted, or nil.
    func trustProblem(_ found: FileFacts) -> String? {
        if !found.isRegularFile { return "it is \(found.kind), not a regular file" }
        if found.links != 1 {
            return "it has \(found.links) hard links; a file of the data directory has exactly one, so it cannot be a link to a file elsewhere"
        }
        return ownershipProblem(found)
    }

    /// In a shared folder every file carries the folder's group; in a private one, the
    /// folder's owner (or this user) owns it.
    func ownershipProblem(_ found: FileFacts) -> String? {
        if isShared {
            guard found.group == facts.group else {
                return "it belongs to group \(UserNames.group(found.group)), not the workspace's group \(UserNames.group(facts.group))"
            }
        } else if found.owner != facts.owner && found.owner != geteuid() {
            return "it belongs to \(UserNames.user(found.owner)), not to the workspace's owner \(UserNames.user(facts.owner))"
        }
        return nil
    }

    /// Turns a failed openat of `name` into a message that says what is there.
    private func problem(opening name: String, writable: Bool) -> StoreError {
        let code = errno
        let full = pathOf(name)
        switch code {
        case ENOENT:
            return .notFound("\(full) is missing")
        case EACCES, EPERM:
            return .permissionDenied(path: full, action: writable ? "write" : "read", detail: factsOf(name)?.ownership)
        case ELOOP, EISDIR, ENXIO, ENOTDIR, EWOULDBLOCK:
            let kind = factsOf(name)?.kind ?? "not a regular file"
            var problem = "it is \(kind)"
            if kind == "a symbolic link", let target = linkTarget(name) { problem += " to \(target)" }
            return .unsafeFile(path: full, problem: problem + "; mlboard never follows links or opens special files in the data directory")
        default:
            return .io(operation: "open", path: full, errno: code)
        }
    }

    private func linkTarget(_ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlinkat(descriptor, name, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// "owner alice, group alice, mode 700" for a path that could not be opened.
    static func describe(_ path: String) -> String? {
        FileFacts.of(path, in: AT_FDCWD)?.ownership
    }
}
