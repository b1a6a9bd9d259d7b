import Foundation
import Glibc
import Yams

/// A data directory that holds no journal but points at a workspace kept elsewhere: its
/// workspace.yml says only `store: postgresql://…`, so `--dir`, MLBOARD_DIR and the search for
/// a .mlboard folder find a database workspace as they find a folder one. The URL never holds
/// a password (PGPASSWORD and .pgpass do).
public enum WorkspacePointer {
    static let key = "store"

    /// The store URL `directory` points at, or nil when it is a folder workspace (or none).
    /// Read without following links, like every file of a data directory.
    public static func store(in directory: DataDirectory) throws -> String? {
        guard FileFacts.of(directory.journalURL.path, in: AT_FDCWD) == nil,
              FileFacts.of(directory.configURL.path, in: AT_FDCWD) != nil else { return nil }
        let folder = try WorkspaceFolder.open(directory.path)
        let fd = try folder.openFile(DataDirectory.configName)
        defer { close(fd) }
        let bytes = try FileDescriptor.readAll(fd, path: folder.pathOf(DataDirectory.configName))
        guard let text = String(validating: bytes, as: UTF8.self),
              let fields = (try? Yams.load(yaml: text)) as? [String: Any] else {
            throw StoreError.badConfiguration(file: directory.configURL.path, reason: "has no journal beside it and is not a pointer ('store: postgresql://…')")
        }
        guard let url = fields[key] as? String, !url.isEmpty else {
            throw StoreError.badConfiguration(file: directory.configURL.path, reason: "has no journal beside it and no '\(key):' line naming where the workspace is")
        }
        return url
    }

    /// Makes `directory` (which must not exist yet, or be empty) a pointer to `url`.
    public static func write(_ url: String, in directory: DataDirectory) throws {
        if directory.exists { throw StoreError.alreadyExists(directory.path) }
        do {
            try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        } catch {
            throw StoreError.permissionDenied(path: directory.path, action: "create", detail: nil)
        }
        let text = """
            # This folder points at an mlboard workspace kept on a server. No password goes here:
            # use PGPASSWORD, or PGPASSFILE / ~/.pgpass.
            \(key): \(url)

            """
        try AtomicFile.write(Array(text.utf8), named: DataDirectory.configName, in: try WorkspaceFolder.open(directory.path), sharing: .private)
    }
}
