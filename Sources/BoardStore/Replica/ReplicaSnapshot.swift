import BoardCore
import Foundation

/// This user's snapshot of a workspace kept on a server: the state as of a line of the chain,
/// in the same format and cache as a folder's snapshot, so a new client reads only the lines
/// after it. The server's line at the snapshot's sequence must still have its hash.
public enum ReplicaSnapshot {
    /// $XDG_CACHE_HOME/mlboard/KEY/snapshot.bin, KEY naming the store (never with a password).
    public static func url(forStore name: String, environment: [String: String]) -> URL {
        SnapshotCache.url(forKey: name, environment: environment)
    }

    /// The state and the line it was taken at, or nil when there is no usable snapshot.
    public static func read(from url: URL) -> (state: BoardState, head: ChainHead)? {
        guard let bytes = try? WholeFile.read(url), case .success(let snapshot) = Snapshot.decode(bytes),
              snapshot.state.lastSequence == snapshot.position.sequence else { return nil }
        return (snapshot.state, ChainHead(sequence: snapshot.position.sequence, hash: snapshot.position.hash))
    }

    /// Writing `state` as of `head` to `url`, to run off the command's path.
    public static func work(_ state: BoardState, at head: ChainHead, to url: URL) -> SnapshotWork {
        SnapshotWork { try Snapshot.write(state, at: JournalPosition(offset: 0, sequence: head.sequence, hash: head.hash), to: url) }
    }
}
