extension Decider {
    func addStakeholder(_ person: Stakeholder) throws -> [Event] {
        // The first stakeholder of an empty workspace bootstraps it and becomes its lead.
        let bootstrapping = state.stakeholders.isEmpty
        if !bootstrapping { try requireLead(to: "add a stakeholder") }
        try Validate.slug(person.handle, field: "stakeholder handle")
        guard state.stakeholders[person.handle] == nil else {
            throw RuleViolation(.duplicateId, "stakeholder '\(person.handle)' already exists")
        }
        try Validate.name(person.name, field: "stakeholder name")
        try Validate.member(person.role, of: config.roles, field: "role")
        if let email = person.email { try Validate.singleLine(email, field: "email") }
        for stage in person.approvalStages { try Validate.member(stage, of: config.stages, field: "approval stage") }
        var added = person
        added.active = true
        if bootstrapping { added.isLead = true }
        return [.stakeholderAdded(added)]
    }

    func editStakeholder(_ handle: String, _ edit: StakeholderEdit) throws -> [Event] {
        if handle != actor.handle || edit.isLead != nil { try requireLead(to: "edit another stakeholder or lead rights") }
        try requireActor()
        let person = try stakeholder(handle)
        guard edit != StakeholderEdit() else {
            throw RuleViolation(.nothingToChange, "no field of stakeholder '\(handle)' was given to change")
        }
        if edit.isLead == false, person.isLead, person.active,
           !state.stakeholders.values.contains(where: { $0.isLead && $0.active && $0.handle != handle }) {
            throw RuleViolation(.leadOnly, "'\(handle)' is the last active lead; make someone else a lead first")
        }
        if let name = edit.name { try Validate.name(name, field: "stakeholder name") }
        if let role = edit.role { try Validate.member(role, of: config.roles, field: "role") }
        if let email = edit.email { try Validate.singleLine(email, field: "email") }
        return [.stakeholderEdited(handle: handle, edit)]
    }

    func setApprovalRights(_ handle: String, _ stages: [String]) throws -> [Event] {
        try requireLead(to: "change approval rights")
        _ = try stakeholder(handle)
        for stage in stages { try Validate.member(stage, of: config.stages, field: "approval stage") }
        let ordered = config.stages.filter(stages.contains)
        return [.approvalRightsSet(handle: handle, stages: ordered)]
    }

    func deactivateStakeholder(_ handle: String) throws -> [Event] {
        try requireLead(to: "deactivate a stakeholder")
        let person = try stakeholder(handle)
        guard person.active else { throw RuleViolation(.nothingToChange, "stakeholder '\(handle)' is already deactivated") }
        guard handle != actor.handle else {
            throw RuleViolation(.leadOnly, "a lead may not deactivate themselves; ask another lead")
        }
        return [.stakeholderDeactivated(handle: handle)]
    }

    func assign(_ slug: String, _ step: String, _ handle: String, _ raci: RACI) throws -> [Event] {
        try requireLead(to: "assign stakeholders")
        _ = try liveProject(slug)
        try Validate.member(step, of: config.lifecycleSteps, field: "step")
        let person = try stakeholder(handle)
        guard person.active else { throw RuleViolation(.notAStakeholder, "stakeholder '\(handle)' is deactivated") }
        if raci == .accountable,
           let holder = otherAccountable(for: step, of: slug, than: handle) {
            throw RuleViolation(
                .singleAccountable,
                "step '\(step)' of project '\(slug)' already has '\(holder.stakeholder)' as Accountable; clear that first")
        }
        let assignment = Assignment(project: slug, step: step, stakeholder: handle, raci: raci)
        if state.assignments[assignment.key] == assignment {
            throw RuleViolation(.nothingToChange, "'\(handle)' is already \(raci.word) for '\(step)' of '\(slug)'")
        }
        return [.assigned(assignment)]
    }

    func unassign(_ slug: String, _ step: String, _ handle: String) throws -> [Event] {
        try requireLead(to: "unassign stakeholders")
        _ = try project(slug)
        let key = AssignmentKey(project: slug, step: step, stakeholder: handle)
        guard state.assignments[key] != nil else {
            throw RuleViolation(.unknownEntity, "'\(handle)' has no part in step '\(step)' of project '\(slug)'")
        }
        return [.unassigned(key)]
    }
}
