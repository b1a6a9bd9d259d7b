import Foundation
import Glibc

/// The workspace's root key as this user first saw it, kept outside the shared folder, as ssh
/// keeps host keys in known_hosts. A workspace whose root is not the pinned one is read but not
/// written until someone accepts the new root (`mlboard verify --accept-root`): a journal rewritten
/// from scratch by someone with a key of their own would have another root.
enum RootPin {
    static func load(from files: SeenMarker.Files) -> String? {
        guard let bytes = try? WholeFile.read(files.root) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmedOfWhitespace
        return text.isEmpty ? nil : text
    }

    static func save(_ fingerprint: String, in files: SeenMarker.Files) throws {
        try? FileManager.default.createDirectory(
            at: files.root.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let folder = try WorkspaceFolder.open(files.root.deletingLastPathComponent().path)
        try AtomicFile.write(Array((fingerprint + "\n").utf8), named: files.root.lastPathComponent, in: folder, sharing: .private)
    }

    /// Why the workspace's root differs from the pinned one, or nil; pins the root at first sight.
    static func check(root: String?, in files: SeenMarker.Files) -> String? {
        let pinned = load(from: files)
        switch (pinned, root) {
        case (nil, let root?):
            try? save(root, in: files)
            return nil
        case (let pinned?, let root) where pinned != root:
            let now = root.map { "is now \($0)" } ?? "is gone: the journal registers no key"
            return "the workspace's root key changed: this machine pinned \(pinned), and the root \(now). "
                + "If you expected this, accept it with 'mlboard verify --accept-root'"
        default:
            return nil
        }
    }
}
