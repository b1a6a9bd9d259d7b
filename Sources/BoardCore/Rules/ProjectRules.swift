extension Decider {
    func createProject(_ new: NewProject) throws -> [Event] {
        try requireActor()
        try Validate.slug(new.slug, field: "project slug")
        guard state.projects[new.slug] == nil else {
            throw RuleViolation(.duplicateId, "project '\(new.slug)' already exists")
        }
        try Validate.name(new.name, field: "project name")
        try Validate.longText(new.description, field: "project description")
        try checkVocabulary(goal: new.goal, otherGoals: new.otherGoals, priority: new.priorityBasis,
                            impact: new.impactAreas, cadence: new.cadence)
        let step = new.step ?? config.lifecycleSteps.first ?? ""
        try Validate.member(step, of: config.lifecycleSteps, field: "step")
        let project = Project(
            slug: new.slug, name: new.name, description: new.description, goal: new.goal,
            otherGoals: new.otherGoals, priorityBasis: new.priorityBasis, impactAreas: new.impactAreas,
            cadence: new.cadence, step: step, createdAt: now, createdBy: actor.handle)
        return [.projectCreated(project)]
    }

    func editProject(_ slug: String, _ edit: ProjectEdit) throws -> [Event] {
        try requireActor()
        _ = try liveProject(slug)
        guard !edit.isEmpty else { throw RuleViolation(.nothingToChange, "no field of project '\(slug)' was given to change") }
        if let name = edit.name { try Validate.name(name, field: "project name") }
        if let description = edit.description { try Validate.longText(description, field: "project description") }
        try checkVocabulary(goal: edit.goal, otherGoals: edit.otherGoals ?? [], priority: edit.priorityBasis,
                            impact: edit.impactAreas ?? [], cadence: edit.cadence)
        return [.projectEdited(slug: slug, edit)]
    }

    /// Archiving closes the project's open promotion requests: nobody should approve a
    /// promotion in a project that is over.
    func archiveProject(_ slug: String) throws -> [Event] {
        try requireLead(to: "archive a project")
        _ = try liveProject(slug)
        return [.projectArchived(slug: slug)]
            + openRequests(ofProject: slug).map { .requestSuperseded(request: $0.id, reason: "project '\(slug)' was archived") }
    }

    /// Restoring brings an archived project back as it was; the requests archiving
    /// superseded stay closed.
    func restoreProject(_ slug: String) throws -> [Event] {
        try requireLead(to: "restore a project")
        guard try project(slug).archived else {
            throw RuleViolation(.nothingToChange, "project '\(slug)' is not archived")
        }
        return [.projectRestored(slug: slug)]
    }

    func setProjectStep(_ slug: String, _ step: String) throws -> [Event] {
        try requireActor()
        let project = try liveProject(slug)
        try Validate.member(step, of: config.lifecycleSteps, field: "step")
        guard project.step != step else { throw RuleViolation(.nothingToChange, "project '\(slug)' is already at step '\(step)'") }
        return [.projectStepSet(slug: slug, step: step)]
    }

    func setProjectStatus(_ slug: String, _ status: ProjectStatus) throws -> [Event] {
        try requireActor()
        let project = try liveProject(slug)
        guard project.status != status else {
            throw RuleViolation(.nothingToChange, "project '\(slug)' is already \(status.rawValue)")
        }
        return [.projectStatusSet(slug: slug, status: status)]
    }

    func recordRetrain(_ slug: String, _ note: String) throws -> [Event] {
        try requireActor()
        _ = try liveProject(slug)
        try Validate.longText(note, field: "retrain note")
        return [.retrainRecorded(project: slug, note: note)]
    }

    private func checkVocabulary(
        goal: String?, otherGoals: [String], priority: String?, impact: [String], cadence: String?
    ) throws {
        if let goal { try Validate.member(goal, of: config.businessGoals, field: "goal") }
        for other in otherGoals { try Validate.member(other, of: config.businessGoals, field: "other goal") }
        if let priority { try Validate.member(priority, of: config.prioritisationBases, field: "priority basis") }
        for area in impact { try Validate.member(area, of: config.impactAreas, field: "impact area") }
        if let cadence {
            try Validate.member(cadence, of: config.retrainingCadences.map(\.name), field: "retraining cadence")
        }
    }
}
