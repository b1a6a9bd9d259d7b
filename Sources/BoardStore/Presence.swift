import Foundation
import Glibc

/// Who has a dashboard open: each open dashboard keeps a small heartbeat file in the data
/// directory's presence/ folder fresh; one not refreshed for `staleAfter` seconds (its
/// process quit or crashed) no longer counts.
public final class Presence {
    public static let staleAfter: TimeInterval = 30

    private let folder: URL
    private let ownFile: URL

    public init(directory: DataDirectory, handle: String) {
        folder = directory.url.appendingPathComponent("presence")
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count)
        let hostName = String(cString: host).filter { $0.isLetter || $0.isNumber || $0 == "-" }
        ownFile = folder.appendingPathComponent("\(handle)@\(hostName).\(getpid())")
    }

    /// Touches this dashboard's heartbeat; best effort, so a read-only directory only loses presence.
    public func heartbeat() {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: ownFile.path) {
            FileManager.default.createFile(atPath: ownFile.path, contents: Data())
        } else {
            utimes(ownFile.path, nil)
        }
    }

    /// Handles of others whose heartbeat is fresh, sorted, without duplicates.
    public func others(now: Date = Date()) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
        var handles: Set<String> = []
        for file in files where file.lastPathComponent != ownFile.lastPathComponent {
            guard let modified = try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate else { continue }
            if now.timeIntervalSince(modified) <= Presence.staleAfter {
                handles.insert(String(file.lastPathComponent.split(separator: "@").first ?? ""))
            } else if now.timeIntervalSince(modified) > Presence.staleAfter * 20 {
                try? FileManager.default.removeItem(at: file)  // long dead; tidy up
            }
        }
        return handles.sorted()
    }

    /// Removes this dashboard's heartbeat on a clean exit.
    public func leave() {
        try? FileManager.default.removeItem(at: ownFile)
    }
}
