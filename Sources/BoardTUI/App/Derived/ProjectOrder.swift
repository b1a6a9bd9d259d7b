import BoardCore

/// The order of the project list under one sort. Slugs break ties, so the order is total: a
/// row is found and placed by binary search, and a list patched row by row equals the same
/// rows sorted afresh.
struct ProjectOrder {
    let sort: ProjectSort
    let nameKeys: NameKeys

    struct Key: Comparable {
        var figure: Int
        var name: SortKey
        var slug: String

        static func < (lhs: Key, rhs: Key) -> Bool {
            if lhs.figure != rhs.figure { return lhs.figure < rhs.figure }
            if lhs.name < rhs.name { return true }
            if rhs.name < lhs.name { return false }
            return lhs.slug < rhs.slug
        }
    }

    func key(_ row: ProjectSummary) -> Key {
        let names = nameKeys.of(slug: row.slug, name: row.name)
        switch sort {
        case .name: return Key(figure: 0, name: names.caseless, slug: row.slug)
        case .step: return Key(figure: row.stepNumber, name: names.exact, slug: row.slug)
        case .challenges: return Key(figure: -row.openChallenges, name: names.exact, slug: row.slug)
        case .pending: return Key(figure: -row.pendingRequests, name: names.exact, slug: row.slug)
        }
    }

    func sorted(_ rows: [ProjectSummary]) -> [ProjectSummary] {
        let keys = rows.map(key)
        return SortKey.order(rows) { keys[$0] < keys[$1] }
    }

    /// Puts `row` where it belongs in `rows`, which are in this order.
    func insert(_ row: ProjectSummary, into rows: inout [ProjectSummary]) {
        rows.insert(row, at: firstIndex(notBefore: key(row), in: rows))
    }

    /// Takes out of `rows` (in this order) the row with `row`'s key; false when none is there.
    func remove(_ row: ProjectSummary, from rows: inout [ProjectSummary]) -> Bool {
        let index = firstIndex(notBefore: key(row), in: rows)
        guard index < rows.count, rows[index].slug == row.slug else { return false }
        rows.remove(at: index)
        return true
    }

    private func firstIndex(notBefore wanted: Key, in rows: [ProjectSummary]) -> Int {
        var low = 0, high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if key(rows[middle]) < wanted { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
