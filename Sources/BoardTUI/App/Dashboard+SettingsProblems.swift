extension Dashboard {
    /// Keeps every problem for the `?` overlay, which lists each whole; the status line, one
    /// line high, says how many there are and starts the first.
    public func reportSettingsProblems(_ problems: [String]) {
        settingsProblems = problems
        guard let first = problems.first else { return }
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        complain("\(count) in your settings (? lists each whole): \(first)")
    }
}
