import BoardCore

/// A person in the demo, with the OS account they act from.
struct DemoPerson: Sendable {
    var handle: String
    var name: String
    var role: String
    var osUser: String
    var approvalStages: [String] = []

    var email: String { "\(handle.replacingOccurrences(of: "-", with: "."))@northwind.example" }

    var stakeholder: Stakeholder {
        Stakeholder(handle: handle, name: name, role: role, email: email, approvalStages: approvalStages)
    }
}

/// The demo's team: twelve people covering every default role, and more for large workspaces.
enum DemoPeople {
    static let lead = "amara-okafor"
    static let mlEngineer = "jonas-weber"
    static let scientist = "priya-raman"
    static let forecaster = "mateo-garcia"
    static let dataEngineer = "li-wei"
    static let analyst = "sofia-lindqvist"
    static let platform = "kenji-tanaka"
    static let domainExpert = "hannah-cohen"
    static let sponsor = "david-mensah"
    static let compliance = "rosa-delgado"
    static let nlpScientist = "yuki-sato"
    /// Leaves the company part-way through the demo and is deactivated.
    static let leaver = "tom-brennan"

    /// The core team, the lead first. Approval rights other than the lead's are granted
    /// after joining with `setApprovalRights`, as a lead would.
    static let core: [DemoPerson] = [
        DemoPerson(handle: lead, name: "Amara Okafor", role: "data-science lead", osUser: "aokafor",
                   approvalStages: ["staging", "production", "archived"]),
        DemoPerson(handle: mlEngineer, name: "Jonas Weber", role: "ML engineer", osUser: "jweber"),
        DemoPerson(handle: scientist, name: "Priya Raman", role: "data scientist", osUser: "praman"),
        DemoPerson(handle: forecaster, name: "Mateo García", role: "data scientist", osUser: "mgarcia"),
        DemoPerson(handle: dataEngineer, name: "Li Wei (李伟)", role: "data engineer", osUser: "lwei"),
        // Misspelt on purpose; the lead corrects it with an edit.
        DemoPerson(handle: analyst, name: "Sofia Lindquist", role: "business analyst", osUser: "slindqvist"),
        DemoPerson(handle: platform, name: "田中 健二 (Kenji Tanaka)", role: "IT / DevOps / platform engineer",
                   osUser: "ktanaka"),
        DemoPerson(handle: domainExpert, name: "Hannah Cohen", role: "domain expert", osUser: "hcohen"),
        DemoPerson(handle: sponsor, name: "David Mensah", role: "executive sponsor", osUser: "dmensah"),
        DemoPerson(handle: compliance, name: "Rosa Delgado", role: "compliance / risk officer", osUser: "rdelgado"),
        DemoPerson(handle: nlpScientist, name: "佐藤 由紀 (Yuki Sato)", role: "data scientist", osUser: "ysato"),
        DemoPerson(handle: leaver, name: "Tom Brennan", role: "ML engineer", osUser: "tbrennan"),
    ]

    /// Approval rights the lead grants on the first morning.
    static let grants: [(handle: String, stages: [String])] = [
        (mlEngineer, ["staging", "production"]),
        (platform, ["staging", "production"]),
        (compliance, ["production", "archived"]),
    ]

    /// Day 0: the lead bootstraps the workspace and brings the team in.
    static func addCoreTeam(_ script: inout DemoScript) {
        for person in core {
            script.addStakeholder(by: lead, person.stakeholder, osUser: person.osUser)
        }
        for grant in grants {
            script.run(lead, .setApprovalRights(handle: grant.handle, stages: grant.stages))
        }
        script.run(lead, .editStakeholder(handle: analyst, StakeholderEdit(name: "Sofia Lindqvist")))
    }

    // MARK: Large workspaces

    /// One more person per four projects beyond the core eight, so big workspaces have a
    /// believable team. Deterministic: person `n` is the same whatever the size.
    static func extraPeople(forProjects size: Int) -> [DemoPerson] {
        let count = max(0, size - DemoProjects.core.count) / 4
        return (0..<count).map(extraPerson)
    }

    private static let firstNames = [
        "Aisha", "Bruno", "Chen", "Daniela", "Emeka", "Fatima", "Gustav", "Hiroshi", "Ines", "Jakub",
        "Kavya", "Lars", "Maria", "Nikolai", "Olivia", "Pedro", "Qiang", "Rania", "Samuel", "Tanvi",
        "Umar", "Valentina", "Wei", "Ximena", "Yusuf", "Zofia", "Anders", "Beatriz", "Chloe", "Dmitri",
    ]
    private static let lastNames = [
        "Adeyemi", "Bergstrom", "Castillo", "Dubois", "Eriksen", "Fischer", "Gupta", "Haddad", "Ivanova",
        "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Osei", "Petrov", "Quinn", "Rossi", "Silva",
        "Takahashi", "Usman", "Vasquez", "Williams", "Xu", "Yilmaz", "Zhang", "Novak", "Murphy", "Costa",
    ]
    /// Role weights for extra people, in the default roles' order: mostly data scientists and
    /// engineers, few sponsors and leads.
    private static let roleWeights = [30, 14, 16, 3, 12, 8, 10, 3, 4]
    private static let roles = WorkspaceConfig.defaults(name: "demo").roles

    private static func extraPerson(_ number: Int) -> DemoPerson {
        var rng = SplitMix64(seed: 0x7EA4, stream: number)
        let first = rng.pick(firstNames)
        let last = rng.pick(lastNames)
        let role = roles[rng.weightedIndex(roleWeights)]
        var stages: [String] = []
        switch role {
        case "data-science lead": stages = ["staging", "production", "archived"]
        case "IT / DevOps / platform engineer": stages = rng.chance(0.5) ? ["staging", "production"] : []
        case "ML engineer": stages = rng.chance(0.35) ? ["staging"] : []
        case "compliance / risk officer": stages = ["production", "archived"]
        default: stages = []
        }
        let handle = "\(first.lowercased())-\(last.lowercased())-\(number + 1)"
        return DemoPerson(
            handle: handle, name: "\(first) \(last)", role: role,
            osUser: "\(first.prefix(1).lowercased())\(last.lowercased())\(number + 1)", approvalStages: stages)
    }

    static func addExtraPeople(_ people: [DemoPerson], _ script: inout DemoScript) {
        for person in people {
            script.addStakeholder(by: lead, person.stakeholder, osUser: person.osUser)
        }
    }
}

/// Who is available for what, for generated projects.
struct DemoTeam {
    private(set) var byRole: [String: [String]] = [:]
    private(set) var stagingApprovers: [String] = []
    private(set) var productionApprovers: [String] = []

    /// Everyone but the leaver, who is gone before most generated work happens.
    init(core: [DemoPerson], extra: [DemoPerson], grants: [(handle: String, stages: [String])]) {
        let granted = Dictionary(uniqueKeysWithValues: grants.map { ($0.handle, $0.stages) })
        for person in core + extra where person.handle != DemoPeople.leaver {
            byRole[person.role, default: []].append(person.handle)
            let stages = granted[person.handle] ?? person.approvalStages
            if stages.contains("staging") { stagingApprovers.append(person.handle) }
            if stages.contains("production") { productionApprovers.append(person.handle) }
        }
    }

    func pick(_ role: String, _ rng: inout SplitMix64) -> String {
        let pool = byRole[role] ?? byRole["data scientist"] ?? [DemoPeople.lead]
        return rng.pick(pool)
    }

    /// `count` distinct approvers from `pool`, none of them `excluded`.
    func approvers(_ pool: [String], count: Int, excluding excluded: String, _ rng: inout SplitMix64) -> [String] {
        var chosen: [String] = []
        while chosen.count < count {
            let candidate = rng.pick(pool)
            if candidate != excluded && !chosen.contains(candidate) { chosen.append(candidate) }
        }
        return chosen
    }
}
