/// Checks `command` against `state` on behalf of `actor` at `now`, and returns the events
/// it produces or the rule it breaks. Pure: no files, clocks or globals.
///
/// A caller deciding many commands in a row passes a `StateIndex` kept up to date with
/// `state`: the answers are the same, without scans of whole collections per command.
public func decide(
    _ command: Command, state: BoardState, actor: Actor, now: Instant, index: StateIndex? = nil
) -> Result<[Event], RuleViolation> {
    let decider = Decider(state: state, actor: actor, now: now, index: index)
    do {
        return .success(try decider.events(for: command))
    } catch let violation as RuleViolation {
        return .failure(violation)
    } catch {
        return .failure(RuleViolation(.invalidText, "\(error)"))
    }
}

/// Why `actor` may not approve (or reject) request `id`, or nil: the same checks `decide` makes
/// first, without the version's gates (an override can pass those) or what the decision moves,
/// so a screen can ask it of every frame.
public func refusalToDecide(request id: String, rejecting: Bool, state: BoardState, actor: Actor, now: Instant) -> RuleViolation? {
    do {
        _ = try Decider(state: state, actor: actor, now: now, index: nil).deciderChecks(id, rejecting: rejecting)
        return nil
    } catch let violation as RuleViolation {
        return violation
    } catch {
        return RuleViolation(.invalidText, "\(error)")
    }
}

/// Holds what every rule needs and the look-ups that fail with a precise message.
struct Decider {
    let state: BoardState
    let actor: Actor
    let now: Instant
    var index: StateIndex? = nil

    var config: WorkspaceConfig { state.config }

    func events(for command: Command) throws -> [Event] {
        switch command {
        case .createProject(let new): return try createProject(new)
        case .editProject(let slug, let edit): return try editProject(slug, edit)
        case .archiveProject(let slug): return try archiveProject(slug)
        case .restoreProject(let slug): return try restoreProject(slug)
        case .setProjectStep(let slug, let step): return try setProjectStep(slug, step)
        case .setProjectStatus(let slug, let status): return try setProjectStatus(slug, status)
        case .addStakeholder(let person): return try addStakeholder(person)
        case .editStakeholder(let handle, let edit): return try editStakeholder(handle, edit)
        case .setApprovalRights(let handle, let stages): return try setApprovalRights(handle, stages)
        case .deactivateStakeholder(let handle): return try deactivateStakeholder(handle)
        case .assign(let project, let step, let person, let raci): return try assign(project, step, person, raci)
        case .unassign(let project, let step, let person): return try unassign(project, step, person)
        case .registerModel(let model): return try registerModel(model)
        case .registerVersion(let model, let metrics, let source, let lineage):
            return try registerVersion(model, metrics, source, lineage)
        case .recordRetrain(let project, let note): return try recordRetrain(project, note)
        case .requestPromotion(let version, let stage, let reason): return try requestPromotion(version, stage, reason)
        case .approve(let id, let comment, let overrideReason): return try approve(id, comment, overrideReason)
        case .reject(let id, let comment): return try reject(id, comment)
        case .withdraw(let id): return try withdraw(id)
        case .rollback(let model, let reason): return try rollback(model, reason)
        case .requestAliasMove(let version, let alias, let reason): return try requestAliasMove(version, alias, reason)
        case .openChallenge(let new): return try openChallenge(new)
        case .editChallenge(let id, let edit): return try editChallenge(id, edit)
        case .moveChallenge(let id, let status, let note): return try moveChallenge(id, status, note)
        case .comment(let target, let body): return try comment(target, body)
        case .recordBridgeSync(let bridge, let target, let pulled, let pushed): return try recordBridgeSync(bridge, target, pulled, pushed)
        case .addKey(let handle, let fingerprint, let publicKey): return try addKey(handle, fingerprint, publicKey)
        case .revokeKey(let fingerprint): return try revokeKey(fingerprint)
        case .setRootKey(let fingerprint): return try setRootKey(fingerprint)
        case .setSignaturePolicy(let policy): return try setSignaturePolicy(policy)
        }
    }

    // MARK: Who is acting

    /// The acting stakeholder, who must exist and be active.
    @discardableResult
    func requireActor() throws -> Stakeholder {
        guard let person = state.stakeholders[actor.handle] else {
            throw RuleViolation(
                .notAStakeholder,
                "'\(actor.handle)' is not a stakeholder of this workspace; act as one with --as HANDLE")
        }
        guard person.active else {
            throw RuleViolation(.notAStakeholder, "stakeholder '\(actor.handle)' is deactivated")
        }
        return person
    }

    func requireLead(to action: String) throws {
        let person = try requireActor()
        guard person.isLead else {
            throw RuleViolation(.leadOnly, "only a lead may \(action); '\(person.handle)' is not a lead")
        }
    }

    // MARK: Look-ups

    func project(_ slug: String) throws -> Project {
        guard let project = state.projects[slug] else {
            throw RuleViolation(.unknownEntity, "no project '\(slug.prefix(80))'")
        }
        return project
    }

    func liveProject(_ slug: String) throws -> Project {
        let found = try project(slug)
        guard !found.archived else { throw RuleViolation(.projectArchived, "project '\(slug)' is archived") }
        return found
    }

    func stakeholder(_ handle: String) throws -> Stakeholder {
        guard let person = state.stakeholders[handle] else {
            throw RuleViolation(.unknownEntity, "no stakeholder '\(handle.prefix(80))'")
        }
        return person
    }

    func model(_ slug: String) throws -> MLModel {
        guard let model = state.models[slug] else {
            throw RuleViolation(.unknownEntity, "no model '\(slug.prefix(80))'")
        }
        return model
    }

    func version(_ ref: VersionRef) throws -> ModelVersion {
        _ = try model(ref.model)
        guard let version = state.versions[ref] else {
            throw RuleViolation(.unknownEntity, "model '\(ref.model)' has no version \(ref.number)")
        }
        return version
    }

    func request(_ id: String) throws -> PromotionRequest {
        guard let request = state.requests[id] else {
            throw RuleViolation(.unknownEntity, "no promotion request '\(id.prefix(80))'")
        }
        return request
    }

    func challenge(_ id: String) throws -> Challenge {
        guard let challenge = state.challenges[id] else {
            throw RuleViolation(.unknownEntity, "no challenge '\(id.prefix(80))'")
        }
        return challenge
    }
}
