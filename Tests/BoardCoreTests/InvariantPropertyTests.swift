import BoardCore
import PropertyBased
import Testing

/// What must hold after any random session, whatever people tried.
@Suite struct InvariantPropertyTests {
    private static let plans = SessionPlan.generator

    @Test func neverTwoAccountablesOnAProjectStep() async {
        await propertyCheck(count: 150, input: Self.plans) { plan in
            let state = Session(plan).live
            var accountable: [String: [String]] = [:]
            for assignment in state.assignments.values where assignment.raci == .accountable {
                accountable["\(assignment.project) / \(assignment.step)", default: []].append(assignment.stakeholder)
            }
            for (step, holders) in accountable {
                #expect(holders.count == 1, "\(step) has Accountables \(holders)")
            }
        }
    }

    @Test func theWorkspaceAlwaysKeepsAnActiveLead() async {
        await propertyCheck(count: 150, input: Self.plans) { plan in
            let state = Session(plan).live
            #expect(state.stakeholders.values.contains { $0.isLead && $0.active })
        }
    }

    @Test func withArchivingOnAModelHasAtMostOneProductionVersion() async {
        await propertyCheck(count: 150, input: Self.plans.filter(\.archiveReplacedVersion)) { plan in
            let session = Session(plan)
            let production = session.config.policy.productionStage
            for model in session.live.models.keys {
                let live = session.live.versions(of: model).filter { $0.stage == production }.map(\.ref.number)
                #expect(live.count <= 1, "\(model) has versions \(live) in \(production)")
            }
        }
    }

    @Test func governanceHoldsForEveryRequest() async {
        await propertyCheck(count: 150, input: Self.plans) { plan in
            let session = Session(plan)
            let state = session.live
            let config = session.config
            for request in state.requests.values {
                let approvers = request.approvals.map(\.by)
                let needed = config.approvalsRequired(for: request.toStage)
                #expect(!approvers.contains(request.requestedBy), "\(request.id) approved by its requester")
                #expect(Set(approvers).count == approvers.count, "\(request.id) approved twice by one person")
                #expect(request.approvals.allSatisfy { $0.failedGates.isEmpty || $0.overrideReason != nil })
                switch request.status {
                case .approved:
                    #expect(approvers.count >= needed, "\(request.id) approved with \(approvers.count) of \(needed)")
                case .open:
                    // Approvals by people who have since lost the right (or were deactivated) stay
                    // recorded but no longer count toward the quorum.
                    #expect(state.countedApprovers(of: request).count < needed)
                    // Whatever moved its version closed it too: no open request goes stale.
                    #expect(state.versions[request.version]?.stage == request.fromStage, "\(request.id) is stale")
                default:
                    break
                }
            }
            // Ids are handed out once each, so no entity was silently overwritten.
            #expect(state.counters.requests == state.requests.count)
            #expect(state.counters.challenges == state.challenges.count)
            #expect(state.counters.comments == session.records.compactMap(\.comment).count)
            #expect(state.versions.values.allSatisfy { config.stages.contains($0.stage) })
        }
    }

    @Test func stagesAgreeWithTheStageHistory() async {
        await propertyCheck(count: 100, input: Self.plans) { plan in
            let state = Session(plan).live
            for version in state.versions.values {
                let last = state.stageHistory(of: version.ref.model).last { $0.version == version.ref }
                #expect(version.stage == (last?.to ?? state.config.initialStage), "\(version.ref)")
                if let last { #expect(last.at >= version.registeredAt) }
            }
        }
    }

    @Test func aChallengeHasAResolutionExactlyWhenItIsSettled() async {
        await propertyCheck(count: 100, input: Self.plans) { plan in
            for challenge in Session(plan).live.challenges.values {
                #expect(challenge.status.needsNote == (challenge.resolution != nil), "\(challenge.id) \(challenge.status)")
            }
        }
    }

    @Test func everythingRefersToThingsThatExist() async {
        await propertyCheck(count: 100, input: Self.plans) { plan in
            let session = Session(plan)
            let state = session.live
            for assignment in state.assignments.values {
                #expect(state.projects[assignment.project] != nil)
                #expect(state.stakeholders[assignment.stakeholder] != nil)
                #expect(state.config.lifecycleSteps.contains(assignment.step))
            }
            for model in state.models.values { #expect(state.projects[model.project] != nil) }
            for version in state.versions.values { #expect(state.models[version.ref.model] != nil) }
            for request in state.requests.values { #expect(state.versions[request.version] != nil) }
            for comment in session.records.compactMap(\.comment) {
                switch comment.target {
                case .project(let slug): #expect(state.projects[slug] != nil)
                case .version(let ref): #expect(state.versions[ref] != nil)
                case .request(let id): #expect(state.requests[id] != nil)
                case .challenge(let id): #expect(state.challenges[id] != nil)
                }
            }
        }
    }

    /// Walks the journal record by record: every change after the first was made by an active
    /// stakeholder, and every approval by someone who held the right at that moment.
    @Test func theJournalOnlyHoldsChangesByActiveStakeholdersWithTheRight() async {
        await propertyCheck(count: 100, input: Self.plans) { plan in
            let session = Session(plan)
            var state = BoardState(config: session.config)
            for record in session.records {
                let handle = record.actor.handle
                if !state.stakeholders.isEmpty {
                    #expect(state.activeStakeholder(handle) != nil, "#\(record.sequence) by '\(handle)'")
                }
                if case .approvalRecorded(let id, let approval) = record.event, let request = state.requests[id] {
                    #expect(approval.by == handle)
                    #expect(state.activeStakeholder(handle)?.mayApprove(to: request.toStage) == true)
                    #expect(request.isOpen)
                }
                apply(record, to: &state)
            }
        }
    }
}
