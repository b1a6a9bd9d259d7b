import CPosix
import Foundation
import Glibc

/// The checks behind `WorkspaceDoctor.examine`, gathering findings as they go.
struct DoctorChecks {
    let folder: WorkspaceFolder
    let sharing: SharingMode
    private(set) var found: [DoctorFinding] = []

    init(folder: WorkspaceFolder, sharing: SharingMode) {
        self.folder = folder
        self.sharing = sharing
    }

    mutating func add(_ path: String, _ problem: String, advice: String, repair: DoctorRepair? = nil) {
        found.append(DoctorFinding(path: path, problem: problem, advice: advice, repair: repair))
    }

    /// A shared folder needs group rwx, setgid and sticky; the configuration should say so.
    mutating func checkFolder(recorded: SharingMode?) {
        let facts = folder.facts
        if recorded == .group || facts.permissions & 0o020 != 0 {
            let wanted = facts.permissions | 0o070 | S_ISGID | S_ISVTX
            if facts.permissions != wanted {
                add(folder.path, "a shared workspace's folder needs group rwx, setgid and sticky; it has mode \(octal(facts.permissions))",
                    advice: "chmod \(octal(wanted)) '\(folder.path)'", repair: facts.owner == geteuid() ? .setMode(UInt32(wanted)) : nil)
            }
            if recorded == nil {
                add(folder.pathOf(DataDirectory.configName), "the folder is group-writable but the configuration does not say 'shared: group'",
                    advice: "add the line 'shared: group' to workspace.yml")
            }
        }
    }

    /// A file of the directory: regular, one link, the workspace's group or owner, and
    /// group read and write when shared.
    mutating func checkFile(_ name: String, required: Bool) {
        let path = folder.pathOf(name)
        guard let facts = folder.factsOf(name) else {
            if required { add(path, "it is missing", advice: "restore it from a backup") }
            return
        }
        if let problem = folder.trustProblem(facts) {
            let planted = !facts.isRegularFile || facts.links != 1
            let advice = name == LockHolderFile.name && planted
                ? "remove it; mlboard makes a new one" : planted ? "move it aside and restore the real file from a backup" : "chgrp \(UserNames.group(folder.facts.group)) '\(path)'"
            let repair: DoctorRepair? = name == LockHolderFile.name && planted ? .remove
                : !planted && facts.owner == geteuid() ? .setGroup(UInt32(folder.facts.group)) : nil
            add(path, problem, advice: advice, repair: repair)
            if planted { return }
        }
        if sharing == .group && facts.permissions & 0o060 != 0o060 {
            let wanted = facts.permissions | 0o660
            add(path, "every member must read and write it, but it has mode \(octal(facts.permissions)) (\(facts.ownership))",
                advice: "chmod g+rw '\(path)' (as \(UserNames.user(facts.owner)))", repair: facts.owner == geteuid() ? .setMode(UInt32(wanted)) : nil)
        }
    }

    mutating func checkSubfolder(_ name: String) {
        let path = folder.pathOf(name)
        guard let facts = folder.factsOf(name) else { return }  // made when first needed
        guard facts.isFolder else {
            add(path, "it is \(facts.kind), where mlboard keeps a folder", advice: "remove it; mlboard makes the folder again", repair: .remove)
            return
        }
        if let problem = folder.ownershipProblem(facts) {
            add(path, problem, advice: "chgrp \(UserNames.group(folder.facts.group)) '\(path)'",
                repair: facts.owner == geteuid() ? .setGroup(UInt32(folder.facts.group)) : nil)
        }
        let wanted = facts.permissions | 0o070 | S_ISGID | S_ISVTX
        if sharing == .group && facts.permissions != wanted {
            add(path, "a shared folder needs group rwx, setgid and sticky; it has mode \(octal(facts.permissions))",
                advice: "chmod \(octal(wanted)) '\(path)'", repair: facts.owner == geteuid() ? .setMode(UInt32(wanted)) : nil)
        }
    }

    /// Old snapshots (now a per-user cache) and temporary files of writes that crashed.
    mutating func checkLeftovers() {
        for name in folder.names() {
            let path = folder.pathOf(name)
            if DataDirectory.legacySnapshotNames.contains(name) {
                add(path, "snapshots are kept per user outside the shared folder now; this one is no longer read",
                    advice: "rm '\(path)'", repair: .remove)
            } else if name.hasPrefix(".") && name.hasSuffix(".tmp") {
                add(path, "a temporary file left by a write that did not finish", advice: "rm '\(path)'", repair: .remove)
            }
        }
    }

    /// The journal grows its zero-filled reserve a mebibyte at a time.
    mutating func checkFreeSpace() {
        var info = statvfs()
        guard fstatvfs(folder.descriptor, &info) == 0 else { return }
        let free = UInt64(info.f_bavail) * UInt64(info.f_frsize)
        if free < 2 * JournalReserve.chunk {
            add(folder.path, "only \(free / 1024) KiB free: the journal cannot add to its reserve, and commits will cost more and fail sooner",
                advice: "free some space on this file system")
        }
    }

    /// Two descriptors of the journal must exclude each other, or writers would not.
    mutating func checkLocks() {
        let path = folder.pathOf(DataDirectory.journalName)
        guard folder.canWrite(DataDirectory.journalName),
              let first = try? folder.openFile(DataDirectory.journalName, writable: true) else { return }
        defer { close(first) }
        switch mlb_try_lock_exclusive(first) {
        case 1:
            defer { _ = mlb_unlock(first) }
            guard let second = try? folder.openFile(DataDirectory.journalName, writable: true) else { return }
            defer { close(second) }
            if mlb_try_lock_exclusive(second) == 1 {
                _ = mlb_unlock(second)
                add(path, "the file system does not honour open-file-description locks: two writers could write at once",
                    advice: "keep the workspace on a local file system or on NFS with locking (not 'nolock')")
            }
        case 0:
            break  // a writer holds it right now: locks work
        default:
            add(path, "locking failed: \(String(cString: strerror(errno)))",
                advice: "keep the workspace on a file system with open-file-description locks (Linux 3.15 and later, local or NFS)")
        }
    }

    /// A line refused for its signature, or a root key other than the one this machine pinned.
    mutating func checkSigning(_ store: WorkspaceStore) {
        let journal = store.directory.journalURL.path
        if let refused = store.refusedLine {
            add(journal, refused.readOnlyReason, advice: "compare the journal with a backup; the line and those after it are not read")
        }
        if let change = store.rootChange {
            add(journal, change, advice: "ask the root key's holder whether they handed it on; only then run 'mlboard verify --accept-root'")
        }
    }

    private func octal(_ mode: mode_t) -> String { String(mode, radix: 8) }
}
