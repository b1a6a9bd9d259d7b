import CPosix
import Glibc

/// What mlboard checks of a file before it trusts it: its kind, links, owner and mode, read
/// without following a final symbolic link.
struct FileFacts: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: UInt64
    var mode: mode_t
    var links: UInt32
    var owner: uid_t
    var group: gid_t

    /// The facts of `name` in the folder `folder`, or of `folder` itself when `name` is empty.
    /// nil with errno set when there is no such file or it cannot be looked at.
    static func of(_ name: String, in folder: Int32) -> FileFacts? {
        var facts = mlb_file_facts()
        guard mlb_file_facts(folder, name, &facts) == 0 else { return nil }
        return FileFacts(
            device: facts.device, inode: facts.inode, size: facts.size, mode: mode_t(facts.mode),
            links: facts.links, owner: uid_t(facts.owner), group: gid_t(facts.group))
    }

    /// The facts of an open descriptor.
    static func of(descriptor: Int32) -> FileFacts? { of("", in: descriptor) }

    var isRegularFile: Bool { mode & S_IFMT == S_IFREG }
    var isFolder: Bool { mode & S_IFMT == S_IFDIR }
    var permissions: mode_t { mode & 0o7777 }

    /// The same file: device and inode agree.
    func isSameFile(as other: FileFacts) -> Bool { device == other.device && inode == other.inode }

    /// "a symbolic link", "a FIFO", ... for a file that is not what it should be.
    var kind: String {
        switch mode & S_IFMT {
        case S_IFREG: "a regular file"
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "an unknown kind of file"
        }
    }

    /// "alice:team 0664", for messages.
    var ownership: String {
        "owner \(UserNames.user(owner)), group \(UserNames.group(group)), mode \(String(permissions, radix: 8))"
    }
}

/// Names of users and groups for messages; the number where the system knows no name.
enum UserNames {
    static func user(_ id: uid_t) -> String {
        getpwuid(id).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "\(id)"
    }

    static func group(_ id: gid_t) -> String {
        getgrgid(id).flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? "\(id)"
    }

    static var me: String { user(geteuid()) }
}
