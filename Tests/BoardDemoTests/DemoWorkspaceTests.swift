import Foundation
import Testing
import BoardCore
import BoardDemo

/// Built once and shared by the tests below.
private let demo = DemoWorkspace.build()

private func isWide(_ scalar: Unicode.Scalar) -> Bool {
    (0x3040...0x30FF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
}

/// Properties every size of the demo keeps.
private func expectInvariants(_ state: BoardState, sourceLocation: SourceLocation = #_sourceLocation) {
    var accountable: [String: Int] = [:]
    var assignedCells: Set<String> = []
    for assignment in state.assignments.values {
        let cell = "\(assignment.project)/\(assignment.step)"
        assignedCells.insert(cell)
        if assignment.raci == .accountable { accountable[cell, default: 0] += 1 }
    }
    let badCells = assignedCells.filter { accountable[$0] != 1 }
    #expect(badCells.isEmpty, "steps without exactly one Accountable: \(badCells.sorted().prefix(5))",
            sourceLocation: sourceLocation)

    let overdue = state.overdueProjects(now: DemoWorkspace.now).map(\.slug)
    #expect(overdue == [DemoWorkspace.overdueProject], sourceLocation: sourceLocation)

    let production = state.config.policy.productionStage
    let failing = state.openRequests.filter { $0.toStage == production }.filter { request in
        !Gates.failures(for: state.versions[request.version]!, entering: production, in: state).isEmpty
    }
    #expect(failing.map(\.version) == [DemoWorkspace.failingVersion], sourceLocation: sourceLocation)
}

@Suite("Demo workspace")
struct DemoWorkspaceTests {
    let state = demo.state
    let records = demo.records
    let lead = DemoWorkspace.leadHandle

    @Test func eightProjectsSpreadOverStepsAndGoals() {
        let projects = state.projects.values
        #expect(projects.count == 8)
        #expect(Set(projects.map(\.step)).count >= 7)
        #expect(Set(projects.map(\.goal)) == Set(state.config.businessGoals))
        #expect(Set(projects.compactMap(\.priorityBasis)).count >= 4)
        #expect(Set(projects.compactMap(\.cadence)).count >= 5)
        for project in projects {
            #expect(project.priorityBasis != nil, "\(project.slug) has no priority basis")
            #expect(!project.impactAreas.isEmpty, "\(project.slug) has no impact areas")
            #expect(project.cadence != nil, "\(project.slug) has no cadence")
            #expect(project.description.count > 40, "\(project.slug) has no real description")
            #expect(!project.archived && project.status == .active)
        }
        let wide = projects.filter { project in
            project.name.unicodeScalars.contains(where: isWide) && project.description.unicodeScalars.contains(where: isWide)
        }
        #expect(wide.count == 1)
    }

    @Test func twelveStakeholdersInEveryRoleLeadFirst() throws {
        let people = state.stakeholders.values
        #expect(people.count == 12)
        for role in state.config.roles {
            #expect(people.contains { $0.role == role }, "nobody is a \(role)")
        }
        guard case .stakeholderAdded(let first) = records.first?.event else {
            Issue.record("the first event does not add a stakeholder")
            return
        }
        #expect(first.handle == lead)
        let leadPerson = try #require(state.stakeholders[lead])
        #expect(leadPerson.isLead && leadPerson.active && leadPerson.role == "data-science lead")
        #expect(leadPerson.mayApprove(to: "staging") && leadPerson.mayApprove(to: "production"))
        let otherProductionApprovers = people.filter { $0.handle != lead && $0.mayApprove(to: "production") }
        #expect(otherProductionApprovers.count >= 3)
        #expect(people.filter { !$0.active }.count == 1)
    }

    @Test func raciHasOneAccountablePerAssignedStep() {
        #expect(state.assignments.count >= 100)
        for project in state.projects.keys {
            #expect(!state.team(of: project).isEmpty, "\(project) has no team")
            for (step, members) in state.team(of: project) {
                #expect(members.filter { $0.raci == .accountable }.count == 1, "\(project) / \(step)")
            }
        }
        #expect(Set(state.assignments.values.map(\.raci)) == Set(RACI.allCases))
        let inactive = Set(state.stakeholders.values.filter { !$0.active }.map(\.handle))
        #expect(!state.assignments.values.contains { inactive.contains($0.stakeholder) })
        #expect(records.contains { if case .unassigned = $0.event { true } else { false } })
    }

    @Test func versionsCoverEveryStageThroughRealMoves() {
        #expect(state.versions.count >= 20)
        let funnel = Dictionary(uniqueKeysWithValues: state.versionFunnel.map { ($0.stage, $0.count) })
        for stage in state.config.stages {
            #expect((funnel[stage] ?? 0) >= 1, "no version in \(stage)")
        }
        for version in state.versions.values where version.stage != state.config.initialStage {
            #expect(state.stageHistory(of: version.ref.model).contains { $0.version == version.ref && $0.to == version.stage },
                    "\(version.ref) reached \(version.stage) without a recorded move")
        }
        for version in state.versions.values {
            #expect(!version.metrics.isEmpty)
            #expect(!(state.models[version.ref.model]?.thresholds.isEmpty ?? true))
        }
        #expect(state.stageMoves.contains { $0.reason.hasPrefix("rollback:") })
        #expect(state.stageMoves.contains { $0.to == "archived" && $0.reason.hasPrefix("replaced in production") })
        #expect(state.stageMoves.contains { $0.to == "archived" && $0.request != nil && $0.from == "development" })
        let overridden = state.requests.values.flatMap(\.approvals).filter { $0.overrideReason != nil }
        #expect(!overridden.isEmpty)
        let statuses = Set(state.requests.values.map(\.status))
        #expect(statuses.isSuperset(of: [.open, .approved, .rejected, .withdrawn]))
    }

    @Test func pendingRequestsAwaitTheLead() {
        let awaiting = state.requestsAwaiting(lead)
        #expect(awaiting.count == 5)
        #expect(awaiting.allSatisfy { $0.requestedBy != lead && !$0.approvals.contains { $0.by == lead } })
        let halfApproved = awaiting.filter {
            $0.toStage == "production" && $0.approvals.count == 1 && state.config.approvalsRequired(for: $0.toStage) == 2
        }
        #expect(halfApproved.count == 1)
        #expect(awaiting.contains { $0.toStage == "staging" })
        #expect(state.openRequests.contains { $0.requestedBy == lead })
    }

    @Test func exactlyOneVersionFailsAProductionGate() throws {
        let production = state.config.policy.productionStage
        let candidates = state.openRequests.filter { $0.toStage == production }
        let failing = candidates.filter { request in
            !Gates.failures(for: state.versions[request.version]!, entering: production, in: state).isEmpty
        }
        #expect(failing.count == 1)
        let request = try #require(failing.first)
        #expect(request.version == DemoWorkspace.failingVersion)
        let failures = Gates.failures(for: state.versions[request.version]!, entering: production, in: state)
        #expect(failures.allSatisfy { $0.hasPrefix("metric ") })
        #expect(state.requestsAwaiting(lead).contains { $0.id == request.id })
    }

    @Test func challengesFollowTheSurveyProportions() throws {
        let challenges = Array(state.challenges.values)
        #expect(challenges.count == 25)
        let groupOf = Dictionary(uniqueKeysWithValues: state.config.challengeCategories.map { ($0.name, $0.group) })
        var byGroup: [String: Int] = [:]
        var byCategory: [String: Int] = [:]
        for challenge in challenges {
            byGroup[groupOf[challenge.category]!, default: 0] += 1
            byCategory[challenge.category, default: 0] += 1
        }
        #expect(Set(byGroup.keys) == Set(groupOf.values))
        let largestGroup = try #require(byGroup.max { $0.value < $1.value })
        #expect(largestGroup.key == "data and environment")
        #expect(byGroup.values.filter { $0 == largestGroup.value }.count == 1)
        let integration = byCategory["insufficient integration with existing systems"] ?? 0
        #expect(byCategory.filter { $0.key != "insufficient integration with existing systems" }.values
            .allSatisfy { $0 < integration })
        #expect(Set(challenges.map(\.severity)) == Set(Severity.allCases))
        #expect(Set(challenges.map(\.status)) == Set(ChallengeStatus.allCases))
        #expect(challenges.contains { $0.project == nil })
        #expect(challenges.contains { $0.project != nil && $0.severity == .critical && $0.status.isOpen })
        #expect(challenges.filter { $0.status.needsNote }.allSatisfy { $0.resolution != nil })
        #expect(state.openChallengesBySeverity[.critical] == 1)
        #expect(records.contains { if case .challengeEdited = $0.event { true } else { false } })
    }

    @Test func commentsOnEveryKindOfTarget() {
        let comments = records.compactMap(\.comment)
        let targets = comments.map(\.target)
        #expect(targets.contains { if case .project = $0 { true } else { false } })
        #expect(targets.contains { if case .version = $0 { true } else { false } })
        #expect(targets.contains { if case .request = $0 { true } else { false } })
        #expect(targets.contains { if case .challenge = $0 { true } else { false } })
        #expect(comments.contains { $0.body.contains("\n") })
    }

    @Test func exactlyOneProjectOverdueAtNow() throws {
        let overdue = state.overdueProjects(now: DemoWorkspace.now)
        #expect(overdue.map(\.slug) == [DemoWorkspace.overdueProject])
        let days = try #require(state.daysOverdue(overdue[0], now: DemoWorkspace.now))
        #expect((1...14).contains(days))
        #expect(records.last?.at == DemoWorkspace.lastStepAt)
        #expect(DemoWorkspace.now.millis == DemoWorkspace.lastStepAt.millis + 3_600_000)
        #expect(state.summary(of: DemoWorkspace.overdueProject, now: DemoWorkspace.now)?.isOverdue == true)
    }

    @Test func recordsAreOrderedAndReplayToTheState() {
        #expect(records.map(\.sequence) == Array(1...Int64(records.count)))
        #expect(zip(records, records.dropFirst()).allSatisfy { $0.at <= $1.at })
        #expect(records.first?.at == DemoWorkspace.start)
        #expect(replay(records, onto: BoardState(config: DemoWorkspace.config)) == state)
        let steps = DemoWorkspace.script()
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.at <= $1.at })
        let distinctTimes = Set(steps.map(\.at)).count
        #expect(distinctTimes > steps.count * 9 / 10, "steps should be spread out in time")
    }

    @Test func buildsAreDeterministic() {
        let again = DemoWorkspace.build()
        #expect(again.records == records)
        #expect(again.state == state)
        #expect(DemoWorkspace.script() == DemoWorkspace.script())
    }

    @Test func defaultDemoKeepsTheInvariants() {
        expectInvariants(state)
    }

    @Test func largerDemosGrowDeterministically() {
        let fifty = DemoWorkspace.build(projects: 50)
        #expect(fifty.state.projects.count == 50)
        #expect(fifty.state.stakeholders.count > 12)
        #expect(Set(fifty.state.projects.values.map(\.step)).count == fifty.state.config.lifecycleSteps.count)
        expectInvariants(fifty.state)
        #expect(DemoWorkspace.build(projects: 50).records == fifty.records)
        // The core eight are the same whatever the size.
        for slug in state.projects.keys {
            #expect(fifty.state.projects[slug]?.name == state.projects[slug]?.name)
        }
    }

    /// Timing of large workspaces, which take seconds in a debug build: run with
    /// DEMO_BENCH=1 (sizes 8 and 1000) or DEMO_BENCH=8,1000,10000.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DEMO_BENCH"] != nil))
    func benchmark() {
        let setting = ProcessInfo.processInfo.environment["DEMO_BENCH"] ?? ""
        let sizes = setting.split(separator: ",").compactMap { Int($0) }.filter { $0 >= 8 }
        let clock = ContinuousClock()
        for size in sizes.isEmpty ? [8, 1000] : sizes {
            var built: (records: [EventRecord], state: BoardState)?
            let elapsed = clock.measure { built = DemoWorkspace.build(projects: size) }
            guard let built else { continue }
            print("DemoWorkspace.build(projects: \(size)): \(built.state.projects.count) projects, "
                + "\(built.records.count) records in \(elapsed)")
            #expect(built.state.projects.count == size)
            expectInvariants(built.state)
        }
    }
}
