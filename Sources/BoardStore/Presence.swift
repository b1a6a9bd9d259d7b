import Foundation
import Glibc

/// Who has a dashboard open: each open dashboard keeps a small heartbeat file in the data
/// directory's presence/ folder fresh; one not refreshed for `staleAfter` seconds (its
/// process quit or crashed) no longer counts. Each file belongs to its writer; in a shared
/// workspace the folder is sticky, so nobody can remove or replace another's.
public final class Presence {
    public static let staleAfter: TimeInterval = 30

    private let directory: DataDirectory
    private let ownName: String
    private var folder: WorkspaceFolder?
    private var ownFile: Int32 = -1

    public init(directory: DataDirectory, handle: String) {
        self.directory = directory
        let hostName = HostName.current.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        let safeHandle = handle.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        ownName = "\(safeHandle)@\(hostName).\(getpid())"
    }

    deinit { if ownFile >= 0 { close(ownFile) } }

    /// Touches this dashboard's heartbeat; best effort, so a read-only directory only loses presence.
    public func heartbeat() {
        guard let folder = openFolder() else { return }
        if ownFile < 0 {
            let sharing: SharingMode = folder.isShared ? .group : .private
            guard let fd = try? folder.openOrCreateFile(ownName, sharing: sharing) else { return }
            ownFile = fd
        }
        _ = futimens(ownFile, nil)
    }

    /// Handles of others whose heartbeat is fresh, sorted, without duplicates.
    public func others(now: Date = Date()) -> [String] {
        guard let folder = openFolder() else { return [] }
        var handles: Set<String> = []
        for name in folder.names() where name != ownName && !name.hasPrefix(".") {
            var stats = stat()
            guard fstatat(folder.descriptor, name, &stats, AT_SYMLINK_NOFOLLOW) == 0, stats.st_mode & S_IFMT == S_IFREG else { continue }
            let modified = Date(timeIntervalSince1970: TimeInterval(stats.st_mtim.tv_sec) + TimeInterval(stats.st_mtim.tv_nsec) / 1e9)
            let age = now.timeIntervalSince(modified)
            if age <= Presence.staleAfter {
                handles.insert(String(name.split(separator: "@").first ?? ""))
            } else if age > Presence.staleAfter * 20 {
                _ = folder.remove(name)  // long dead; tidy up (the sticky bit lets only its owner)
            }
        }
        return handles.sorted()
    }

    /// Removes this dashboard's heartbeat on a clean exit.
    public func leave() {
        if let folder = openFolder() { _ = folder.remove(ownName) }
        if ownFile >= 0 { close(ownFile); ownFile = -1 }
    }

    private func openFolder() -> WorkspaceFolder? {
        if let folder { return folder }
        guard let data = try? WorkspaceFolder.open(directory.path) else { return nil }
        let sharing: SharingMode = data.isShared ? .group : .private
        folder = try? data.folder(DataDirectory.presenceName, create: data.canWrite() ? sharing : nil)
        return folder
    }
}
