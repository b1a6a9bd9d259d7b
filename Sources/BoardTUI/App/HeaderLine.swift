/// The header's first line: the workspace, who you are, who else is here, and the sync state.
/// When it does not fit, the workspace name and your role give way first; who else is here
/// and the sync state stay, shortened only when nothing else is left to give.
struct HeaderLine {
    var workspace: String
    /// Who you are, from the fullest description to the shortest.
    var you: [String]
    var othersPresent: [String]
    var sync: String

    /// The text left of the sync state, to fit in `width` columns together with the sync state
    /// (placed at the right edge with a space around it); and the sync state itself.
    func fitted(in width: Int) -> (left: String, sync: String) {
        let sync = DisplayWidth.truncate(self.sync, to: max(12, width / 2))
        let room = width - DisplayWidth.of(sync) - 2
        let presence = presenceText(maxWidth: .max)
        for who in you {
            let line = "\(workspace) · \(who) · \(presence)"
            if DisplayWidth.of(line) <= room { return (line, sync) }
        }
        let shortest = you.last ?? ""
        let rest = " · \(shortest) · \(presence)"
        let workspaceRoom = room - DisplayWidth.of(rest)
        if workspaceRoom >= 6 { return (DisplayWidth.truncate(workspace, to: workspaceRoom) + rest, sync) }
        if DisplayWidth.of("\(shortest) · \(presence)") <= room { return ("\(shortest) · \(presence)", sync) }
        return (presenceText(maxWidth: room), sync)
    }

    /// "also here: a, b, c", or as many names as fit and "+N" for the rest.
    private func presenceText(maxWidth: Int) -> String {
        guard !othersPresent.isEmpty else { return DisplayWidth.truncate("nobody else here", to: maxWidth) }
        let full = "also here: " + othersPresent.joined(separator: ", ")
        if DisplayWidth.of(full) <= maxWidth { return full }
        for shown in stride(from: othersPresent.count - 1, through: 0, by: -1) {
            let names = othersPresent.prefix(shown).joined(separator: ", ")
            let text = "also here: " + names + (shown == 0 ? "" : " ") + "+\(othersPresent.count - shown)"
            if DisplayWidth.of(text) <= maxWidth { return text }
        }
        return DisplayWidth.truncate("+\(othersPresent.count) here", to: maxWidth)
    }
}
