import BoardCore

/// The projects of a state, with the sequence number of the last event applied to it.
struct ProjectsAt: Sendable {
    var projects: [String: Project]
    var sequence: Int64

    init(_ state: BoardState) {
        projects = state.projects
        sequence = state.lastSequence
    }
}

/// Which projects differ between two versions of `state.projects`: as the workspace's change
/// log says when it noted every event in between, else by comparing the two (remembered for the
/// last pair asked about, which the values kept for one frame's panes mostly share).
final class ProjectChanges {
    /// Beyond this many changed projects a value is built afresh rather than patched.
    static let limit = 256

    private let log: ProjectChangeLog?
    private var last: (old: SameStorage, new: SameStorage, changed: Set<String>?)?

    init(log: ProjectChangeLog?) { self.log = log }

    /// The slugs of the projects added, removed or changed from `old` to `new` (perhaps a few
    /// more: an event may leave its project as it was); nil when more than `limit` did.
    func between(_ old: ProjectsAt, _ new: ProjectsAt) -> Set<String>? {
        let (oldStorage, newStorage) = (SameStorage(old.projects), SameStorage(new.projects))
        if oldStorage == newStorage { return [] }
        if old.sequence < new.sequence, let logged = log?.projectsChanged(after: old.sequence, through: new.sequence) {
            return logged.count > Self.limit ? nil : logged
        }
        if let last, last.old == oldStorage, last.new == newStorage { return last.changed }
        let changed = new.projects.keysChanged(since: old.projects, limit: Self.limit)
        last = (oldStorage, newStorage, changed)
        return changed
    }
}
