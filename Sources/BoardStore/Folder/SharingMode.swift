import Foundation
import Glibc

/// Who may write a workspace's files, like git's core.sharedRepository. A shared workspace's
/// files get group read and write and its folders are setgid (new files take the folder's
/// group) and sticky (members cannot rename or delete each other's files), whatever the umask
/// of the person who created them. A private one leaves modes to the umask.
public enum SharingMode: String, Sendable, Codable, CaseIterable {
    case `private`
    case group

    /// The mode for a new file, given the creator's umask: group read and write when shared,
    /// other people's bits as the umask says.
    func fileMode(umask: mode_t = ProcessMask.current) -> mode_t {
        let base = 0o666 & ~umask
        return self == .group ? base | 0o660 : base
    }

    /// The mode for a new folder: shared folders are setgid and sticky with group rwx.
    func folderMode(umask: mode_t = ProcessMask.current) -> mode_t {
        let base = 0o777 & ~umask
        return self == .group ? base | 0o770 | S_ISGID | S_ISVTX : base
    }

    /// Gives a file or folder mlboard just created its mode and the workspace's group,
    /// through its descriptor (never by path, which someone could swap).
    func apply(to descriptor: Int32, folder: Bool, group: gid_t) {
        guard self == .group else { return }
        _ = fchown(descriptor, uid_t.max, group)  // -1 keeps the owner; fails harmlessly when not a member
        _ = fchmod(descriptor, folder ? folderMode() : fileMode())
    }
}

/// This process's umask, read without changing it: calling umask() to read it would briefly
/// set another mask for every thread.
enum ProcessMask {
    static let current: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let value = mode_t(line.dropFirst("Umask:".count).trimmedOfWhitespace, radix: 8) {
            return value
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()
}

extension SharingMode {
    /// What `mlboard init` picks when not told: shared when the folder it creates the
    /// workspace in is setgid or belongs to a group other than the creator's, as a team's
    /// shared folder does.
    static func inferred(fromParent parent: FileFacts) -> SharingMode {
        parent.mode & S_ISGID != 0 || parent.group != getegid() ? .group : .private
    }
}
