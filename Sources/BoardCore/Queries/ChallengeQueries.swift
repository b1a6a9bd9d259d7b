extension BoardState {
    public var openChallenges: [Challenge] {
        challenges.values.filter(\.status.isOpen).sorted {
            $0.severity == $1.severity ? IdNumber.of($0.id) < IdNumber.of($1.id) : $0.severity > $1.severity
        }
    }

    /// Open challenges per category, in the configuration's order, categories with none left out.
    public var openChallengesByCategory: [(category: String, count: Int)] {
        var counts: [String: Int] = [:]
        for challenge in challenges.values where challenge.status.isOpen { counts[challenge.category, default: 0] += 1 }
        return config.challengeCategories.compactMap { category in
            counts[category.name].map { (category.name, $0) }
        }
    }

    public var openChallengesBySeverity: [Severity: Int] {
        var counts: [Severity: Int] = [:]
        for challenge in challenges.values where challenge.status.isOpen { counts[challenge.severity, default: 0] += 1 }
        return counts
    }

    /// The newest activity first.
    public func activityFeed(limit: Int = 50) -> [ActivityEntry] {
        Array(activity.suffix(limit).reversed())
    }
}
