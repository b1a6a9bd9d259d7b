/// The one list of panes, in number-key and tab order. A pane that is not here is not shown,
/// has no number key and no keys; `PaneRegistryTests` checks the list against `Pane`.
enum PaneRegistry {
    static let panes: [any DashboardPane] = [
        OverviewPane(), ProjectsPane(), TeamPane(), ModelsPane(), ChallengesPane(), ApprovalsPane(), ActivityPane(),
    ]

    private static let byIdentity: [Pane: any DashboardPane] = Dictionary(uniqueKeysWithValues: panes.map { ($0.pane, $0) })

    /// The pane whose number key is `number`: its place in the list, from 1.
    static func pane(number: Int) -> Pane? { panes[safe: number - 1]?.pane }

    /// The registered type of `pane`.
    static func pane(_ pane: Pane) -> any DashboardPane {
        guard let registered = byIdentity[pane] else { fatalError("\(pane) is not in PaneRegistry.panes") }
        return registered
    }
}
