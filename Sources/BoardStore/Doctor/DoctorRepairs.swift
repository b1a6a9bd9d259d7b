import Foundation
import Glibc

/// Carries out one repair through descriptors opened without following links, so the file
/// that is changed is the one that was checked.
enum DoctorRepairs {
    static func carryOut(_ repair: DoctorRepair, on path: String, in folder: WorkspaceFolder) -> String {
        let name = path == folder.path ? "" : String(path.dropFirst(folder.path.count + (folder.path.hasSuffix("/") ? 0 : 1)))
        switch repair {
        case .remove:
            let isFolder = folder.factsOf(name)?.isFolder ?? false
            guard unlinkat(folder.descriptor, name, isFolder ? AT_REMOVEDIR : 0) == 0 else { return failed("remove") }
            return "removed"
        case .setMode(let mode):
            return withDescriptor(name, in: folder) { fchmod($0, mode_t(mode)) == 0 ? "mode set to \(String(mode, radix: 8))" : failed("chmod") }
        case .setGroup(let group):
            return withDescriptor(name, in: folder) {
                fchown($0, uid_t.max, gid_t(group)) == 0 ? "group set to \(UserNames.group(gid_t(group)))" : failed("chgrp")
            }
        }
    }

    private static func withDescriptor(_ name: String, in folder: WorkspaceFolder, _ body: (Int32) -> String) -> String {
        let fd = name.isEmpty ? dup(folder.descriptor) : openat(folder.descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return failed("open") }
        defer { close(fd) }
        return body(fd)
    }

    private static func failed(_ what: String) -> String { "not repaired: \(what) failed: \(String(cString: strerror(errno)))" }
}
