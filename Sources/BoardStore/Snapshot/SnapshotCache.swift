import Foundation

/// Where this user keeps snapshots: a cache outside the shared folder, so nobody else can
/// plant a snapshot that a reader would trust, and nobody's umask can lock others out of it.
/// $XDG_CACHE_HOME/mlboard/KEY/snapshot.bin, KEY naming the data directory's path.
public enum SnapshotCache {
    public static func url(for directory: DataDirectory, environment: [String: String]) -> URL {
        url(forKey: directory.path, environment: environment)
    }

    static func url(forKey key: String, environment: [String: String]) -> URL {
        folder(environment: environment)
            .appending(path: String(JournalLine.hexDigest(Array(key.utf8)).prefix(24)), directoryHint: .isDirectory)
            .appending(path: "snapshot.bin", directoryHint: .notDirectory)
    }

    static func folder(environment: [String: String]) -> URL {
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
            return URL(fileURLWithPath: cache, isDirectory: true).appending(path: "mlboard", directoryHint: .isDirectory)
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appending(path: ".cache/mlboard", directoryHint: .isDirectory)
    }

    /// Writes a snapshot into the cache, making the cache's folders (private to this user).
    static func write(_ bytes: [UInt8], to url: URL) throws {
        let parent = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let folder = try WorkspaceFolder.open(parent.path)
        try AtomicFile.write(bytes, named: url.lastPathComponent, in: folder, sharing: .private)
    }
}
