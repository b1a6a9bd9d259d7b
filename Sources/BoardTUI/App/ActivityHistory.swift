import BoardCore

/// Every activity entry since the journal began. The state keeps only the newest
/// `BoardState.activityLimit`; the older ones are read from the journal once, when the
/// Activity pane is first shown, and what arrives later is added to them.
final class ActivityHistory {
    /// Entries read from the journal or received since, oldest first.
    private(set) var known: [ActivityEntry] = []
    /// Changes whenever `known` does, for the derived rows.
    private(set) var generation = 0
    private(set) var isLoaded = false
    /// Whether a read on another thread is under way.
    private(set) var isReading = false

    /// Whether the state's newest entries are all there is, so nothing need be read.
    static func stateHoldsAll(_ state: BoardState) -> Bool { state.activity.count < BoardState.activityLimit }

    /// Reads the journal's entries unless they are read already (or the state holds them all).
    func load(from workspace: DashboardWorkspace) throws {
        guard !isLoaded else { return }
        known = Self.stateHoldsAll(workspace.state) ? [] : try workspace.activityHistory()
        isLoaded = true
        generation += 1
    }

    /// A read elsewhere began: until it ends, the pane shows the state's newest entries.
    func beginReading() { isReading = true }

    /// The entries a read elsewhere found.
    func finishReading(_ entries: [ActivityEntry]) {
        isReading = false
        known = entries
        isLoaded = true
        generation += 1
    }

    func readFailed() { isReading = false }

    /// Adds entries of records from other processes, so a flood of them leaves no gap.
    func note(_ records: [EventRecord]) {
        guard isLoaded, let last = known.last?.sequence else { return }
        let newer = records.filter { $0.sequence > last }
        guard !newer.isEmpty else { return }
        known += newer.map(ActivityEntry.init)
        generation += 1
    }

    /// Whether the state's newest entries follow on from `known` without a gap.
    func joins(_ newest: [ActivityEntry]) -> Bool {
        guard let last = known.last?.sequence, let first = newest.first?.sequence else { return true }
        return first <= last + 1
    }

    /// Forgets what was read, so the next `load` reads the journal again.
    func reset() {
        known = []
        isLoaded = false
        isReading = false
        generation += 1
    }

    /// Every entry, newest first: the known ones and the state's newer ones after them.
    func entries(newest: [ActivityEntry]) -> [ActivityEntry] {
        let cut = known.last?.sequence ?? 0
        return (known + newest.drop { $0.sequence <= cut }).reversed()
    }
}
