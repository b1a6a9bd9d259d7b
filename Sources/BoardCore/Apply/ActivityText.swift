/// One line per event, for the activity feed and the log.
public enum ActivityText {
    public static func summary(of event: Event) -> String {
        switch event {
        case .projectCreated(let p): "created project \(p.slug) (\(p.name))"
        case .projectEdited(let slug, _): "edited project \(slug)"
        case .projectArchived(let slug): "archived project \(slug)"
        case .projectRestored(let slug): "restored project \(slug)"
        case .projectStepSet(let slug, let step): "moved project \(slug) to step '\(step)'"
        case .projectStatusSet(let slug, let status): "set project \(slug) \(status.rawValue)"
        case .stakeholderAdded(let s): "added stakeholder \(s.handle) (\(s.role))"
        case .stakeholderEdited(let handle, _): "edited stakeholder \(handle)"
        case .approvalRightsSet(let handle, let stages):
            "set approval rights of \(handle) to \(stages.isEmpty ? "none" : stages.joined(separator: ", "))"
        case .stakeholderDeactivated(let handle): "deactivated stakeholder \(handle)"
        case .assigned(let a): "made \(a.stakeholder) \(a.raci.word) for '\(a.step)' of \(a.project)"
        case .unassigned(let k): "removed \(k.stakeholder) from '\(k.step)' of \(k.project)"
        case .modelRegistered(let m): "registered model \(m.slug) in \(m.project)"
        case .versionRegistered(let v): "registered \(v.ref) from \(v.source)"
        case .retrainRecorded(let slug, _): "recorded a retrain of \(slug)"
        case .promotionRequested(let r):
            r.alias == nil ? "requested \(r.id): \(r.version) \(r.fromStage) -> \(r.toStage)" : "requested \(r.id): \(r.target) -> \(r.version)"
        case .approvalRecorded(let id, let a): a.overrideReason == nil ? "approved \(id)" : "approved \(id), overriding gates"
        case .requestApproved(let id): "\(id) reached its approvals"
        case .requestRejected(let id, _): "rejected \(id)"
        case .requestWithdrawn(let id): "withdrew \(id)"
        case .requestSuperseded(let id, _): "\(id) superseded"
        case .stageChanged(let m): "moved \(m.version) \(m.from) -> \(m.to)"
        case .aliasMoved(let m): "moved \(m.model) \(m.summary)"
        case .challengeOpened(let c): "opened \(c.severity.rawValue) challenge \(c.id): \(c.title)"
        case .challengeEdited(let id, _): "edited challenge \(id)"
        case .challengeMoved(let id, let status, _): "moved challenge \(id) to \(status.rawValue)"
        case .commented(let c): "commented on \(c.target)"
        case .bridgeSynced(let sync): "synced \(sync.summary)"
        case .keyAdded(let handle, let fingerprint, let key): "added \(key.prefix { $0 != " " }) key \(fingerprint) for \(handle)"
        case .keyRevoked(let fingerprint): "revoked key \(fingerprint)"
        case .rootKeySet(let fingerprint): "made \(fingerprint) the root key"
        case .signaturePolicySet(let policy): policy == .required ? "required signatures on every line" : "turned required signatures off"
        }
    }
}
