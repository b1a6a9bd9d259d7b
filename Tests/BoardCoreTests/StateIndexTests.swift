import PropertyBased
import Testing
@testable import BoardCore
import BoardDemo

/// A demo large enough for generated archives, rollbacks, supersessions and hand-overs.
private let size = 120

@Suite("Look-ups by owner (StateIndex) give the answers of scans")
struct StateIndexTests {
    @Test("the demo script decided with look-ups makes the same events as decided with scans")
    func sameEventsAsScans() {
        let withLookups = DemoWorkspace.build(projects: size)
        var state = BoardState(config: DemoWorkspace.config)
        var records: [EventRecord] = []
        for step in DemoWorkspace.script(projects: size) {
            guard case .success(let events) = decide(step.command, state: state, actor: step.actor, now: step.at) else {
                Issue.record("the script was refused without look-ups: \(step.command)")
                return
            }
            for event in events {
                let record = EventRecord(sequence: Int64(records.count + 1), at: step.at, actor: step.actor, event: event)
                apply(record, to: &state)
                records.append(record)
            }
        }
        #expect(records == withLookups.records)
        let kinds = Set(records.map(\.event.typeName))
        #expect(kinds.isSuperset(of: ["requestApproved", "projectArchived", "assigned", "stageChanged"]),
                "the demo exercises the rules that use look-ups")
    }

    @Test("archiving each project with open requests supersedes the same requests with look-ups as with scans")
    func archivingSupersedesAlike() throws {
        let (_, state) = DemoWorkspace.build(projects: size)
        let index = StateIndex(of: state)
        let lead = Actor(handle: DemoWorkspace.leadHandle, osUser: "test")
        let withOpenRequests = Set(state.openRequests.compactMap { state.models[$0.version.model]?.project })
        #expect(!withOpenRequests.isEmpty)
        for slug in withOpenRequests.sorted() {
            let scanned = try decide(.archiveProject(slug: slug), state: state, actor: lead, now: DemoWorkspace.now).get()
            let looked = try decide(.archiveProject(slug: slug), state: state, actor: lead, now: DemoWorkspace.now, index: index).get()
            #expect(looked == scanned)
            #expect(scanned.contains { if case .requestSuperseded = $0 { true } else { false } })
        }
    }

    @Test("in random sessions every command is decided alike with look-ups and with scans")
    func randomSessionsDecideAlike() async {
        await propertyCheck(count: 100, input: SessionPlan.generator) { plan in
            let config = plan.config
            let start = plan.startInProduction
                ? TestBoard.withV1InProduction(config: config) : TestBoard.standard(config: config)
            var state = start.state
            var index = StateIndex(of: state)
            var clock = start.now
            let pool = CommandPool(config: config)
            for step in plan.steps {
                clock = Instant(millis: clock.millis + Int64(step.gapMillis))
                let (handle, command) = pool.next(step, in: state)
                let actor = Fixture.actor(handle)
                let scanned = decide(command, state: state, actor: actor, now: clock)
                #expect(decide(command, state: state, actor: actor, now: clock, index: index) == scanned, "\(command)")
                for event in (try? scanned.get()) ?? [] {
                    apply(EventRecord(sequence: state.lastSequence + 1, at: clock, actor: actor, event: event), to: &state)
                    index.note(event)
                }
            }
        }
    }

    @Test("an index noted event by event, and one built from the state, answer as scans of the state")
    func answersMatchScans() {
        let (records, state) = DemoWorkspace.build(projects: size)
        var noted = StateIndex()
        for record in records { noted.note(record.event) }
        for index in [noted, StateIndex(of: state)] {
            for project in state.projects.keys {
                #expect(index.modelSlugs(of: project, in: state) == Set(state.models.values.filter { $0.project == project }.map(\.slug)))
                #expect(Set(index.blockingChallenges(of: project, in: state).map(\.id))
                    == Set((Gates.blockingChallenges(in: state)[project] ?? []).map(\.id)))
                for step in state.config.lifecycleSteps {
                    #expect(index.assignments(to: step, of: project, in: state).map(\.key)
                        == state.assignments.values.filter { $0.project == project && $0.step == step }.map(\.key)
                            .sorted { $0.stakeholder < $1.stakeholder })
                }
            }
            for model in state.models.keys {
                #expect(index.versions(of: model, in: state) == state.versions(of: model))
            }
            for ref in state.versions.keys {
                #expect(index.openRequests(for: [ref], in: state) == state.openRequests(for: ref))
            }
        }
    }

    @Test("a candidate that changed since it was noted is not returned")
    func staleCandidatesAreChecked() throws {
        var (_, state) = DemoWorkspace.build()
        let index = StateIndex(of: state)
        let request = try #require(state.openRequests.first)
        state.requests[request.id]?.status = .withdrawn
        #expect(!index.openRequests(for: [request.version], in: state).contains { $0.id == request.id })
        let challenge = try #require(state.challenges.values.first { 
            $0.project != nil && $0.status.isOpen && $0.severity >= state.config.policy.blockingSeverity
        })
        state.challenges[challenge.id]?.status = .resolved
        #expect(!index.blockingChallenges(of: challenge.project!, in: state).contains { $0.id == challenge.id })
    }
}
