import BoardCore

/// The rows and figures derived from the projects. A change to a few projects (a step moved, a
/// project created or archived) patches each of them for those projects alone, instead of
/// going over every project again; see `Patched`.
extension PaneRows {
    /// The projects Projects lists: the live ones, or the archived ones when asked for.
    var projects: [ProjectSummary] {
        ui.showArchivedProjects ? archivedProjects : liveProjects
    }

    /// Archived projects, filtered and sorted like the live ones. Few, and rarely changed, so
    /// derived afresh whenever the projects or their tallies change.
    var archivedProjects: [ProjectSummary] {
        let memo = self.memo
        let tallies = summaryTallies
        let filter = filterText(.projects)
        let order = ProjectOrder(sort: ui.projectSort, nameKeys: memo.nameKeys)
        return memo.archivedProjects.get(DerivedFrom(parts: [SameStorage(state.projects)], texts: [filter],
                                                     numbers: [ui.projectSort.rawValue, memo.tallies.generation])) {
            let rows = state.projects.values.filter(\.archived).compactMap { project -> ProjectSummary? in
                // The summary of a live project with the same figures; an archived one is never overdue.
                var asLive = project
                asLive.archived = false
                var summary = state.liveSummary(of: asLive, tallies: tallies, now: now)
                summary?.daysOverdue = nil
                return summary
            }
            return order.sorted(rows.filter { SearchFields.match(filter, SearchFields.of($0)) })
        }
    }

    /// The tallies of models, versions, challenges and requests per project, kept while those stay the same.
    private var summaryTallies: SummaryTallies {
        memo.tallies.get(DerivedFrom(parts: [
            SameStorage(state.models), SameStorage(state.versions), SameStorage(state.challenges), SameStorage(state.requests),
        ])) { SummaryTallies(of: state) }
    }

    /// Live projects, filtered and sorted. `daysOverdue` is as of when the row was derived:
    /// ask `state.daysOverdue(_:now:)` for the moment a row is drawn.
    private var liveProjects: [ProjectSummary] {
        let memo = self.memo
        // A change to a project alone (its step, say) keeps the tallies of everything else.
        let tallies = summaryTallies
        let source = SummarySource(projectsAt: ProjectsAt(state), tallies: tallies, talliesGeneration: memo.tallies.generation)
        let filter = filterText(.projects)
        let order = ProjectOrder(sort: ui.projectSort, nameKeys: memo.nameKeys)
        func isShown(_ summary: ProjectSummary) -> Bool {
            SearchFields.match(filter, SearchFields.of(summary))
        }
        /// The row of `project` with `tallies`, when it is live and passes the filter.
        func shown(_ project: Project, _ tallies: SummaryTallies) -> ProjectSummary? {
            state.liveSummary(of: project, tallies: tallies, now: now).flatMap { isShown($0) ? $0 : nil }
        }
        return memo.projects.get(source, inputs: DerivedFrom(parts: [], texts: [filter], numbers: [ui.projectSort.rawValue]),
                                 changed: { old in summariesChanged(from: old, to: source) },
                                 build: { order.sorted(state.liveSummaries(now: now, tallies: tallies).filter(isShown)) },
                                 patch: { rows, slugs, old in
            for slug in slugs {
                if let before = old.projectsAt.projects[slug].flatMap({ shown($0, old.tallies) }), !order.remove(before, from: &rows) { return false }
                if let after = state.projects[slug].flatMap({ shown($0, tallies) }) { order.insert(after, into: &rows) }
            }
            return true
        })
    }

    /// The projects whose summary may differ between `old` and `new`: changed projects, and
    /// projects with other tallies when the tallies were made afresh. Nil when too many did.
    private func summariesChanged(from old: SummarySource, to new: SummarySource) -> Set<String>? {
        guard let projects = memo.projectChanges.between(old.projectsAt, new.projectsAt) else { return nil }
        guard old.talliesGeneration != new.talliesGeneration else { return projects }
        guard let tallied = new.tallies.projectsChanged(since: old.tallies, limit: ProjectChanges.limit) else { return nil }
        let changed = projects.union(tallied)
        return changed.count > ProjectChanges.limit ? nil : changed
    }

    /// The projects that changed since `old`, for values derived from the projects alone.
    private func projectsChanged(since old: ProjectsAt) -> Set<String>? {
        memo.projectChanges.between(old, ProjectsAt(state))
    }

    /// The live project with the first slug: the RACI matrix shows it until another is chosen.
    var firstLiveProject: String? {
        memo.matrixProject.get(ProjectsAt(state), inputs: DerivedFrom(parts: []), changed: projectsChanged(since:), build: {
            var first: String?
            for (slug, project) in state.projects where !project.archived && first.map({ slug < $0 }) ?? true { first = slug }
            return first
        }, patch: { first, slugs, _ in
            if let kept = first, slugs.contains(kept), state.projects[kept]?.archived != false { return false }
            for slug in slugs where state.projects[slug]?.archived == false && first.map({ slug < $0 }) ?? true { first = slug }
            return true
        })
    }

    /// Live projects per lifecycle step, in lifecycle order.
    var projectsPerStep: [(label: String, value: Int)] {
        memo.projectsPerStep.get(ProjectsAt(state), inputs: DerivedFrom(parts: []), changed: projectsChanged(since:), build: {
            var perStep: [String: Int] = [:]
            for project in state.projects.values where !project.archived { perStep[project.step, default: 0] += 1 }
            return state.config.lifecycleSteps.map { (label: $0, value: perStep[$0] ?? 0) }
        }, patch: { steps, slugs, old in
            func count(_ project: Project?, _ delta: Int) {
                guard let project, !project.archived else { return }
                for index in steps.indices where steps[index].label == project.step { steps[index].value += delta }
            }
            for slug in slugs {
                count(old.projects[slug], -1)
                count(state.projects[slug], 1)
            }
            return true
        })
    }

    /// As `state.productionShare`: of the models of live projects, how many have a version in
    /// production. Models are counted per project while models and versions stay the same.
    var productionShare: (inProduction: Int, total: Int) {
        let memo = self.memo
        let production = state.config.policy.productionStage
        let inProduction = memo.modelsInProduction.get(DerivedFrom(parts: [SameStorage(state.versions)])) {
            Set(state.versions.values.lazy.filter { $0.stage == production }.map(\.ref.model))
        }
        let perProject = memo.modelsPerProject.get(DerivedFrom(parts: [SameStorage(state.models)], numbers: [memo.modelsInProduction.generation])) {
            var counts: [String: ModelCount] = [:]
            for model in state.models.values {
                counts[model.project, default: ModelCount()].models += 1
                if inProduction.contains(model.slug) { counts[model.project, default: ModelCount()].inProduction += 1 }
            }
            return counts
        }
        return memo.productionShare.get(ProjectsAt(state), inputs: DerivedFrom(parts: [], numbers: [memo.modelsPerProject.generation]),
                                        changed: projectsChanged(since:), build: {
            var share = (inProduction: 0, total: 0)
            for (project, count) in perProject where state.projects[project]?.archived == false {
                share.inProduction += count.inProduction
                share.total += count.models
            }
            return share
        }, patch: { share, slugs, old in
            for slug in slugs {
                let (wasLive, isLive) = (old.projects[slug]?.archived == false, state.projects[slug]?.archived == false)
                guard wasLive != isLive, let count = perProject[slug] else { continue }
                let sign = isLive ? 1 : -1
                share.inProduction += sign * count.inProduction
                share.total += sign * count.models
            }
            return true
        })
    }

    /// Slugs of the projects overdue for retraining now.
    var overdueProjects: [String] {
        memo.retrainDue.get(ProjectsAt(state), inputs: DerivedFrom(parts: []), changed: projectsChanged(since:), build: {
            RetrainDue(of: state.projects, config: state.config)
        }, patch: { due, slugs, old in
            slugs.allSatisfy { due.update(from: old.projects[$0], to: state.projects[$0]) }
        }).overdue(at: now)
    }
}
