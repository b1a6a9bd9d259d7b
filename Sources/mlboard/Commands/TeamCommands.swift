import ArgumentParser
import BoardCore
import BoardStore
import Foundation

struct StakeholderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stakeholder", _superCommandName: MLBoard.commandName, abstract: "Add, edit, deactivate and list stakeholders and their approval rights.",
        subcommands: [Add.self, Edit.self, Rights.self, Deactivate.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a stakeholder (leads only).")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Handle: lower-case letters, digits and dashes.") var newHandle: String
        @Option(help: "Full name.") var name: String
        @Option(help: "Role, one of the workspace's roles.") var role: String
        @Option(help: "E-mail address.") var email: String?
        @Flag(help: "Make them a lead, who manages people and assignments.") var lead = false
        @Option(name: .customLong("approves"), help: "A stage they may approve promotions to (repeatable).") var stages: [String] = []

        func run() throws {
            try workspace.perform(.addStakeholder(Stakeholder(
                handle: newHandle, name: name, role: role, email: email, isLead: lead, approvalStages: stages)))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a stakeholder's name, role, e-mail or lead right.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var target: String
        @Option var name: String?
        @Option var role: String?
        @Option var email: String?
        @Option(help: "true or false.") var lead: Bool?

        func run() throws {
            try workspace.perform(.editStakeholder(handle: target, StakeholderEdit(name: name, role: role, email: email, isLead: lead)))
        }
    }

    struct Rights: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rights", abstract: "Set the stages a stakeholder may approve promotions to (none clears them).")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var target: String
        @Argument(help: "Stages, e.g. staging production.") var stages: [String] = []
        func run() throws { try workspace.perform(.setApprovalRights(handle: target, stages: stages)) }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deactivate", abstract: "Deactivate a stakeholder; their history stays.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var target: String
        func run() throws { try workspace.perform(.deactivateStakeholder(handle: target)) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List stakeholders with role, rights and workload.")
        @OptionGroup var workspace: WorkspaceOptions
        @Flag(help: "Print JSON: an array of stakeholders.") var json = false

        func run() throws {
            let state = try workspace.openStore().state
            let people = state.stakeholders.values.sorted { $0.handle < $1.handle }
            if json { return try Console.printJSON(people) }
            for person in people {
                let load = state.workload(of: person.handle)
                let flags = [person.isLead ? "lead" : nil, person.active ? nil : "deactivated"].compactMap { $0 }
                let rights = person.approvalStages.isEmpty ? "-" : person.approvalStages.joined(separator: ",")
                Console.say("\(person.handle.padding(16)) \(person.role.padding(32)) approves: \(rights.padding(28))"
                    + " \(load.totalAssignments) assignments \(flags.isEmpty ? "" : "[\(flags.joined(separator: ", "))]")")
            }
        }
    }
}

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", _superCommandName: MLBoard.commandName, abstract: "Give a stakeholder a RACI part in a project's lifecycle step (leads only).")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument var project: String
    @Argument(help: "The step's name, e.g. \"data access\".") var step: String
    @Argument var stakeholder: String
    @Argument(help: "R, A, C or I.") var letter: String

    func run() throws {
        try workspace.perform(.assign(project: project, step: step, stakeholder: stakeholder, raci: try Parse.raci(letter)))
    }
}

struct UnassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unassign", _superCommandName: MLBoard.commandName, abstract: "Remove a stakeholder from a project's lifecycle step (leads only).")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument var project: String
    @Argument var step: String
    @Argument var stakeholder: String

    func run() throws { try workspace.perform(.unassign(project: project, step: step, stakeholder: stakeholder)) }
}
