import BoardCore
import BoardDemo
import BoardTUI

/// A demo workspace with the text that has broken the layout: CJK, emoji (with ZWJ sequences,
/// skin tones, flags), zero-width and format characters, and very long names. The records go
/// straight into the state, as an old journal could hold them, without today's input rules.
enum UnusualText {
    static let zwjTitle = "Data scientist 👩‍💻 review of 🟠 risk flags"
    static let formatTitle = "Hidden\u{FEFF}marks\u{061C} and tags\u{E0041}\u{E0042} in a title"
    static let cjkName = "顧客離反予測モデル（第二世代）の評価と改善"
    static let longName = "An extraordinarily long project name that keeps going well past any column it could be given"

    static func state() -> BoardState {
        var state = DemoDashboard.built.state
        let lead = DemoWorkspace.leadHandle
        let at = DemoWorkspace.now
        let step = state.config.lifecycleSteps[2]
        let projects = [
            Project(slug: "zz-cjk", name: cjkName, description: "", goal: "顧客維持", step: step, createdAt: at, createdBy: lead),
            Project(slug: "zz-emoji", name: "Team 👍🏽 🇩🇪 ❤️ \(zwjTitle)", description: "", goal: "growth 🚀", step: step,
                    createdAt: at, createdBy: lead),
            Project(slug: "zz-format", name: formatTitle, description: "", goal: "cost", step: step, createdAt: at, createdBy: lead),
            Project(slug: "zz-long", name: longName, description: "", goal: "an unusually long business goal text", step: step,
                    createdAt: at, createdBy: lead),
        ]
        for project in projects { record(.projectCreated(project), in: &state) }
        let challenges = [
            Challenge(id: "CH-901", project: "zz-cjk", category: "データ品質", severity: .high, owner: lead, title: cjkName,
                      description: "", openedAt: at, openedBy: lead),
            Challenge(id: "CH-902", project: "zz-emoji", category: "emoji 👩‍👩‍👧‍👦", severity: .low, owner: lead, title: zwjTitle,
                      description: "", openedAt: at, openedBy: lead),
            Challenge(id: "CH-903", project: "zz-format", category: "format", severity: .medium, owner: lead, title: formatTitle,
                      description: "", openedAt: at, openedBy: lead),
        ]
        for challenge in challenges { record(.challengeOpened(challenge), in: &state) }
        return state
    }

    static func dashboard() -> Dashboard {
        _ = UTF8Locale.ready
        let workspace = MemoryWorkspace(state: state(), me: Actor(handle: DemoWorkspace.leadHandle, osUser: "test"))
        return Dashboard(workspace: workspace, clock: { DemoWorkspace.now })
    }

    private static func record(_ event: Event, in state: inout BoardState) {
        let record = EventRecord(sequence: state.lastSequence + 1, at: DemoWorkspace.now,
                                 actor: Actor(handle: DemoWorkspace.leadHandle, osUser: "test"), event: event)
        apply(record, to: &state)
    }
}
