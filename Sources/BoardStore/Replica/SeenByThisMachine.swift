import Foundation

/// What this machine saw of a workspace kept on a server, kept where a folder's is (outside any
/// shared place): the head it last read, and the root key pinned at first sight. A journal
/// rolled back or rewritten on the server, or given another root, raises the alarms a folder
/// raises, and writes are refused until someone who has checked accepts the new head or root
/// (`mlboard verify --accept-head`, `--accept-root`).
public final class SeenByThisMachine {
    private let place: String
    private let files: SeenMarker.Files
    private lazy var writer = SeenMarkerWriter(url: files.marker)
    /// Why the root differs from the pinned one, found by `checkRoot`.
    public private(set) var rootChange: String?

    /// `place` names the workspace as messages do (a server's URL).
    public init(place: String, environment: [String: String]) {
        self.place = place
        files = SeenMarker.files(forPlace: place, environment: environment)
    }

    /// Forgets what this machine saw of an earlier workspace at this place, for one made anew.
    public func forget() { SeenMarker.forget(files) }

    /// What this machine saw, to read before the journal: read after, another process's newer
    /// note would make the journal look rolled back.
    public struct Recalled {
        let marker: SeenMarker
        /// The caller reads the server's hash at this sequence number for `check`.
        public var sequence: Int64 { marker.sequence }
    }

    public func recall() -> Recalled? {
        guard let marker = SeenMarker.load(from: files.marker), marker.directory == place else { return nil }
        return Recalled(marker: marker)
    }

    /// Compares the journal's `head`, and its hash at the recalled sequence, with what this
    /// machine saw: a rollback or fork raises the alarm, which stays until accepted. Returns
    /// the warning to show while an alarm is up.
    public func check(_ recalled: Recalled?, head: ChainHead, hashAtSeen: String?) -> String? {
        if let warning = recalled?.marker.warning(journalEnd: head.sequence, hashAtSeen: hashAtSeen) {
            HeadAlarm.raise(warning, in: files)
        }
        guard let refusal = alarm else {
            saw(head)
            return nil
        }
        return refusal
    }

    /// The journal no longer holds `place`, the line a reader stood on (it ends at
    /// `journalEnd`, and holds `hashThere` at that place, if anything): raises the alarm.
    public func noticeChange(under place: ChainHead, journalEnd: Int64, hashThere: String?) {
        let stoodOn = SeenMarker(directory: self.place, sequence: place.sequence, hash: place.hash)
        if let warning = stoodOn.warning(journalEnd: journalEnd, hashAtSeen: hashThere) { HeadAlarm.raise(warning, in: files) }
    }

    /// Why writes are refused: the alarm of a rollback or fork, until accepted. Asked for every
    /// frame: one `access` while no alarm is up, the alarm's text read once when one is.
    public var alarm: String? {
        guard HeadAlarm.isRaised(in: files) else {
            alarmText = nil
            return nil
        }
        if alarmText == nil { alarmText = HeadAlarm.current(in: files).map(HeadAlarm.refusal) }
        return alarmText
    }
    private var alarmText: String?

    /// Notes `head` as seen, unless an alarm is up (then the head the alarm is about is kept).
    public func saw(_ head: ChainHead) {
        guard !HeadAlarm.isRaised(in: files) else { return }
        writer.save(SeenMarker(directory: place, sequence: head.sequence, hash: head.hash))
    }

    /// Compares the workspace's root key with the one pinned here, pinning it at first sight.
    @discardableResult
    public func checkRoot(_ root: String?) -> String? {
        rootChange = RootPin.check(root: root, in: files)
        return rootChange
    }

    /// Takes the journal as it is now as the truth, recording who accepted which head.
    public func acceptHead(_ head: ChainHead, by user: String, now: Date = Date()) throws {
        try HeadAlarm.accept(head: JournalPosition(offset: 0, sequence: head.sequence, hash: head.hash), by: user, at: now, in: files)
        saw(head)
    }

    /// Trusts `root` (or no root) from now on.
    public func acceptRoot(_ root: String?) throws {
        if let root { try RootPin.save(root, in: files) } else { unlink(files.root.path) }
        rootChange = nil
    }
}
