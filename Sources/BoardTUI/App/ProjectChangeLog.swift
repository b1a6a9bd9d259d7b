import BoardCore

/// Which project each event a workspace applied lately changed, by sequence number. The
/// dashboard's kept rows ask it which projects changed between two states, and patch those,
/// instead of comparing every project (at 10,000 projects a comparison reads megabytes).
///
/// It only answers for a run of sequence numbers it noted without a gap: a workspace that
/// applies records it does not note (another process's, caught up while writing) leaves a
/// gap, and the answer is then nil ("unknown"), never a wrong set.
public final class ProjectChangeLog {
    /// The log covers the events numbered `start + 1` through `start + changed.count`.
    private var start: Int64 = 0
    private var changed: [String?] = []
    private let capacity: Int

    public init(capacity: Int = 4096) { self.capacity = capacity }

    /// Notes records as they are applied, in order. A record that does not follow the last
    /// one noted starts the log afresh.
    public func note(_ records: some Sequence<EventRecord>) {
        for record in records {
            if record.sequence != start + Int64(changed.count) + 1 {
                start = record.sequence - 1
                changed = []
            }
            changed.append(record.event.projectChanged)
        }
        if changed.count > capacity {
            let dropped = changed.count - capacity / 2
            changed.removeFirst(dropped)
            start += Int64(dropped)
        }
    }

    /// The slugs of the projects changed by the events after `old` through `new`; nil unless
    /// every one of those events was noted.
    func projectsChanged(after old: Int64, through new: Int64) -> Set<String>? {
        guard start <= old, old <= new, new <= start + Int64(changed.count) else { return nil }
        return Set(changed[Int(old - start)..<Int(new - start)].lazy.compactMap { $0 })
    }
}
