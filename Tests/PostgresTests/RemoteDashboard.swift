import TestSupport
import Foundation
import Testing

/// One person's dashboard under tmux, read as they see it. Every wait is bounded; one that
/// runs out records an issue with the screen it last saw.
struct RemoteDashboard {
    static let session = "board"
    static let patience = 20.0

    let person: WorkspaceClient
    let tmux: TmuxServer

    func open() throws {
        try person.openDashboard(on: tmux, session: Self.session)
    }

    /// The network namespace the dashboard's process runs in ("" for the host's).
    func namespace() throws -> String {
        let pid = try tmux.tmux(["display-message", "-p", "-t", Self.session, "#{pane_pid}"])
        return try NetworkNamespace.namespace(of: pid.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits until the header line says the dashboard is live (not read-only).
    func expectLive(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectScreen("a live header", sourceLocation: sourceLocation) {
            let header = Self.header(of: $0)
            return header.contains("live") && !header.contains("READ-ONLY")
        }
    }

    /// Waits until the header line says the dashboard lost the server and shows what it had.
    func expectOffline(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectScreen("an offline header", sourceLocation: sourceLocation) {
            Self.header(of: $0).contains("READ-ONLY: offline, reconnecting")
        }
    }

    /// Waits until the screen satisfies `condition`, described as `what`.
    func expectScreen(_ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                      _ condition: (String) -> Bool) throws {
        let screen = try tmux.waitFor(Self.session, seconds: Self.patience, condition)
        let errors = person.dashboardErrorText()
        #expect(condition(screen), "\(person.handle)'s dashboard shows \(what):\n\(screen)\(errors.isEmpty ? "" : "\nits standard error:\n" + errors.prefix(2000))",
                sourceLocation: sourceLocation)
    }

    static func header(of screen: String) -> String {
        String(screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }
}

extension RemoteDashboard {
    /// Presses the pane's number key and waits for a box titled `title` ("┌─ title").
    func show(pane key: String, titled title: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try tmux.keys(Self.session, key)
        try expectScreen("the \(title) pane", sourceLocation: sourceLocation) { $0.contains("┌─ \(title)") }
    }
}

extension String {
    /// Whether one line of this screen holds every one of `parts`.
    func hasLine(with parts: String...) -> Bool {
        split(separator: "\n").contains { line in parts.allSatisfy { line.contains($0) } }
    }

    /// The rows inside the box titled `title` ("┌─ title …┐") of this screen, trimmed: what a
    /// column of the Models pane lists.
    func column(titled title: String) -> [String] {
        let lines = split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let top = Array("┌─ \(title)")
        for (row, line) in lines.enumerated() {
            guard let start = line.indices.first(where: { line[$0...].starts(with: top) }),
                  let end = line[start...].firstIndex(of: "┐") else { continue }
            return lines[(row + 1)...].prefix { $0.count > end && $0[start] == "│" }
                .map { String($0[(start + 1)..<end]).trimmingCharacters(in: .whitespaces) }
        }
        return []
    }
}
