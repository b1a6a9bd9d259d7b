extension BoardState {
    public var openChallenges: [Challenge] {
        challenges.values.filter(\.status.isOpen).sorted {
            $0.severity == $1.severity ? IdNumber.of($0.id) < IdNumber.of($1.id) : $0.severity > $1.severity
        }
    }

    /// Open challenges per category, in the configuration's order, categories with none left out.
    public var openChallengesByCategory: [(category: String, count: Int)] {
        let open = openChallenges
        return config.challengeCategories.compactMap { category in
            let count = open.filter { $0.category == category.name }.count
            return count == 0 ? nil : (category.name, count)
        }
    }

    public var openChallengesBySeverity: [Severity: Int] {
        var counts: [Severity: Int] = [:]
        for challenge in openChallenges { counts[challenge.severity, default: 0] += 1 }
        return counts
    }

    /// The newest activity first.
    public func activityFeed(limit: Int = 50) -> [ActivityEntry] {
        Array(activity.suffix(limit).reversed())
    }
}
