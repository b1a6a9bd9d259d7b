import BoardStore
import Crypto
import Foundation
import Glibc

/// How far a hook got: the sequence of the last event it finished and that journal line's hash,
/// so a journal whose history was rewritten is noticed instead of re-run or skipped.
public struct HookPosition: Codable, Equatable, Sendable {
    public var sequence: Int64
    public var hash: String

    public static let start = HookPosition(sequence: 0, hash: JournalLine.genesisHash)
}

/// Each hook's position, kept per user outside the shared folder:
/// $XDG_STATE_HOME/mlboard/hooks/KEY/NAME.position, KEY naming the data directory as the seen
/// marker does.
public struct HookPositionStore: Sendable {
    public let folder: URL

    public init(directory: DataDirectory, environment: [String: String]) {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/state")
        let digest = SHA256.hash(data: Array(directory.path.utf8)).map { String(format: "%02x", $0) }.joined()
        folder = state.appendingPathComponent("mlboard/hooks").appendingPathComponent(String(digest.prefix(24)))
    }

    public func url(of hook: String) -> URL { folder.appendingPathComponent("\(hook).position") }

    func lockURL(of hook: String) -> URL { folder.appendingPathComponent("\(hook).lock") }

    public func load(_ hook: String) throws -> HookPosition {
        let url = url(of: hook)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .start }
        do {
            return try JSONDecoder().decode(HookPosition.self, from: data)
        } catch {
            throw HookFailure("hook '\(hook)': its position file \(url.path) cannot be read (\(error)); "
                + "remove it only if the hook may run every event again")
        }
    }

    /// Writes to a temporary file, flushes it to disk, renames it over the old one and flushes
    /// the folder, so a crash leaves either the old position or the new one.
    public func save(_ position: HookPosition, for hook: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = url(of: hook)
        let temporary = folder.appendingPathComponent(".\(hook).position.tmp")
        let bytes = Array(try JSONEncoder().encode(position)) + [UInt8(ascii: "\n")]
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw HookFailure.io("create", temporary.path) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == bytes.count, synced == 0 else { throw HookFailure.io("write", temporary.path) }
        guard rename(temporary.path, target.path) == 0 else { throw HookFailure.io("rename", temporary.path) }
        let folderFD = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }
}

/// A hook problem that stops the run, with a message for people.
public struct HookFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }

    static func io(_ operation: String, _ path: String) -> HookFailure {
        HookFailure("cannot \(operation) \(path): \(String(cString: strerror(errno)))")
    }
}
