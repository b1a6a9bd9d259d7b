import BoardCore

extension Dashboard {
    static let commandNames = ["theme", "project", "pane", "filter", "help", "quit"]

    /// Runs a `:` command; returns what it asks of the terminal.
    func runCommandLine(_ text: String) -> [Effect] {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = words.first else { return [] }
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "q", "quit": quitAskingFirst()
        case "help": return perform(.help)
        case "theme":
            guard !argument.isEmpty else { return [.complain(":theme NAME; themes: \(themeNames.joined(separator: ", "))")] }
            return [.terminal(.switchTheme(argument))]
        case "project":
            guard state.projects[argument] != nil else { return [.complain("no project '\(argument)'")] }
            switchPane(to: .projects)
            if let row = rows.projects.firstIndex(where: { $0.slug == argument }) { ui.selection[.projects] = row }
            ui.matrixProject = argument
            openDetail(.projectDetail(slug: argument))
        case "pane":
            let pane = Int(argument).flatMap(PaneRegistry.pane(number:))
                ?? Pane.allCases.first { $0.title.lowercased() == argument.lowercased() }
            guard let pane else { return [.complain("no pane '\(argument)'; 1-\(Pane.allCases.count) or a name")] }
            switchPane(to: pane)
        case "filter":
            ui.filters[ui.pane] = argument
            if !argument.isEmpty { ui.lastFilters[ui.pane] = argument }
            ui.selection[ui.pane] = 0
        default:
            complain("unknown command ':\(name)'; commands: \(Dashboard.commandNames.joined(separator: ", "))")
        }
        return []
    }

    /// Completes the command name, then its argument (theme names, project slugs, pane names).
    func completeCommandLine(_ text: String) -> String {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if parts.count <= 1 {
            let matches = Dashboard.commandNames.filter { $0.hasPrefix(text) }
            return matches.count == 1 ? matches[0] + " " : commonPrefix(matches, fallback: text)
        }
        let candidates: [String]
        switch parts[0] {
        case "theme": candidates = themeNames
        case "project": candidates = state.liveProjects.map(\.slug)
        case "pane": candidates = Pane.allCases.map { $0.title.lowercased() }
        default: candidates = []
        }
        let matches = candidates.filter { $0.hasPrefix(parts[1]) }
        if matches.count == 1 { return "\(parts[0]) \(matches[0])" }
        if matches.count > 1 { say(matches.prefix(8).joined(separator: "  ")) }
        return "\(parts[0]) \(commonPrefix(matches, fallback: parts[1]))"
    }

    private func commonPrefix(_ words: [String], fallback: String) -> String {
        guard var prefix = words.first else { return fallback }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix.count > fallback.count ? prefix : fallback
    }
}
