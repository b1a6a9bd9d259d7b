import BoardDemo
import BoardStore
import Foundation
import Glibc

/// The demo's own signing keys: one unencrypted Ed25519 key per demo person, named by handle, in
/// a private folder beside the data directory (`DIR-keys`), never inside it, where the people
/// sharing a workspace could read them.
struct DemoKeys {
    let folder: URL

    init(for directory: DataDirectory) {
        let data = directory.url.standardizedFileURL
        folder = data.deletingLastPathComponent().appendingPathComponent(data.lastPathComponent + "-keys")
    }

    /// Signs as each demo person with their key (the dashboard's `--as` picks whose).
    var signers: KeyFolder { KeyFolder(folder) }

    /// Makes a new key for each of `handles` (mode 0600, in a folder of mode 0700), replacing the
    /// keys of a demo that was there before, and returns them as the demo's plan registers them.
    /// The files are flushed to disk together at the end: one flush per file took most of the
    /// time of a large demo (`--size 10000` makes 2,510 keys).
    func generate(for handles: [String]) throws -> [String: DemoKey] {
        try? FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        if mkdir(folder.path, 0o700) != 0 && errno != EEXIST {
            throw CLIFailure.store(.io(operation: "create", path: folder.path, errno: errno))
        }
        var facts = stat()
        guard lstat(folder.path, &facts) == 0, facts.st_mode & S_IFMT == S_IFDIR, facts.st_uid == getuid(),
              chmod(folder.path, 0o700) == 0 else {
            throw CLIFailure.usage("\(folder.path) must be a folder of your own, to keep the demo's keys in")
        }
        var keys: [String: DemoKey] = [:]
        for handle in handles {
            let path = folder.appendingPathComponent(handle).path
            unlink(path)  // an old demo's key: its workspace is gone
            unlink(path + ".pub")
            do {
                let key = try Ed25519KeyFile.generate(at: path, comment: "\(handle)@mlboard-demo", flushed: false)
                keys[handle] = DemoKey(fingerprint: key.fingerprint, publicKey: key.openSSHLine)
            } catch let error as StoreError {
                throw CLIFailure.store(error)
            } catch {
                throw CLIFailure.usage("cannot make the demo's key for \(handle): \(error)")
            }
        }
        do {
            try Ed25519KeyFile.flushKeys(in: folder.path)
        } catch {
            throw CLIFailure.store(error)
        }
        return keys
    }
}
