import ArgumentParser
import BoardCore
import BoardMLflow
import BoardStore
import Foundation

struct MLflowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlflow", _superCommandName: MLBoard.commandName,
        abstract: "Bridge to an MLflow model registry: pull its models and versions, push approved promotions back.",
        discussion: """
            The server is --tracking-uri, else MLFLOW_TRACKING_URI. MLFLOW_TRACKING_TOKEN signs in with a bearer \
            token, else MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD with basic authentication. A \
            registered model's project is its tag mlboard.project, else its entry under mlflow.projects in \
            workspace.yml. An unreachable or failing server exits 3; what was done stays done, and the next \
            run finishes the job.
            """,
        subcommands: [Pull.self, Push.self, Sync.self])

    /// What every subcommand takes.
    struct ServerOptions: ParsableArguments {
        @Option(help: ArgumentHelp("The MLflow tracking server (default: MLFLOW_TRACKING_URI).", valueName: "URL"))
        var trackingURI: String?

        func client(environment: [String: String]) throws -> MLflowClient {
            do {
                return MLflowClient(connection: try MLflowConnection.resolve(trackingURI: trackingURI, environment: environment))
            } catch let error as MLflowError {
                throw CLIFailure.usage(error.description)
            }
        }
    }

    struct Pull: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull",
            abstract: "Register MLflow's new models and versions, with their run's metrics and lineage, in one all-or-nothing write.")
        @OptionGroup var workspace: WorkspaceOptions
        @OptionGroup var server: ServerOptions
        @Option(name: .customLong("model"), help: ArgumentHelp("Only this registered model (repeat for more).", valueName: "NAME"))
        var models: [String] = []

        func run() throws {
            let client = try server.client(environment: workspace.environment)
            try MLflowCommand.reportingServerErrors {
                _ = try MLflowCommand.pull(client: client, workspace: workspace, store: try workspace.openStore(), models: models, quiet: false)
            }
        }
    }

    struct Push: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "push",
            abstract: "Make MLflow agree with mlboard: aliases, stages and approval tags of every pulled model; prints each change.")
        @OptionGroup var workspace: WorkspaceOptions
        @OptionGroup var server: ServerOptions

        func run() throws {
            let client = try server.client(environment: workspace.environment)
            try MLflowCommand.reportingServerErrors {
                _ = try MLflowCommand.push(client: client, workspace: workspace, store: try workspace.openStore(), quiet: false)
            }
        }
    }

    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Pull, then push; --follow repeats it every --interval seconds until interrupted.",
            discussion: """
                With --follow a failing server is reported and tried again at the next round; it prints only \
                what changed.
                """)
        @OptionGroup var workspace: WorkspaceOptions
        @OptionGroup var server: ServerOptions
        @Flag(help: "Keep running, pulling and pushing every --interval seconds.") var follow = false
        @Option(help: ArgumentHelp("Seconds between rounds with --follow.", valueName: "SECONDS")) var interval: Double = 30

        func validate() throws {
            guard interval >= 1 && interval.isFinite else { throw ValidationError("--interval takes a number of seconds, 1 or more") }
        }

        func run() throws {
            let client = try server.client(environment: workspace.environment)
            let store = try workspace.openStore()
            guard follow else {
                try MLflowCommand.reportingServerErrors { try round(client: client, store: store, quiet: false) }
                return
            }
            Console.say("syncing with \(client.connection.displayURI) every \(MetricThreshold.format(interval)) s; Ctrl-C stops")
            fflush(nil)
            while true {
                // Pull and push each report their own failure, so one refused pull does not stop pushes.
                try reportingAndGoingOn { _ = try MLflowCommand.pull(client: client, workspace: workspace, store: store, models: [], quiet: true) }
                try reportingAndGoingOn { _ = try MLflowCommand.push(client: client, workspace: workspace, store: store, quiet: true) }
                fflush(nil)
                Thread.sleep(forTimeInterval: interval)
            }
        }

        private func round(client: MLflowClient, store: any WorkspaceStoring, quiet: Bool) throws {
            _ = try MLflowCommand.pull(client: client, workspace: workspace, store: store, models: [], quiet: quiet)
            _ = try MLflowCommand.push(client: client, workspace: workspace, store: store, quiet: quiet)
        }

        /// A server or rule problem in one round is reported and tried again next round; any
        /// other (the data directory's) ends the command.
        private func reportingAndGoingOn(_ body: () throws -> Void) throws {
            let again = "trying again in \(MetricThreshold.format(interval)) s"
            do {
                try body()
            } catch let error as MLflowError {
                Console.error("mlboard: \(error); \(again)")
            } catch let violation as RuleViolation {
                Console.error("mlboard: \(CLIFailure.rule(violation).message); \(again)")
            }
        }
    }

    // MARK: Shared by the subcommands

    static func pull(client: MLflowClient, workspace: WorkspaceOptions, store: any WorkspaceStoring, models: [String], quiet: Bool) throws -> Bool {
        let outcome = try MLflowPull.run(client: client, store: store, actor: workspace.actor, models: models, now: Instant(Date()))
        for line in outcome.registered { Console.say("pulled \(line)") }
        if !quiet {
            for (name, reason) in outcome.skipped { Console.say("skipped MLflow model '\(name)': \(reason)") }
        }
        if outcome.changedSomething {
            let versions = outcome.records.filter { if case .versionRegistered = $0.event { true } else { false } }.count
            Console.say("pulled \(versions) version(s) from \(client.connection.displayURI): \(outcome.records.count) events, the last recording the sync")
        } else if !quiet {
            Console.say("nothing new to pull from \(client.connection.displayURI)")
        }
        return outcome.changedSomething
    }

    static func push(client: MLflowClient, workspace: WorkspaceOptions, store: any WorkspaceStoring, quiet: Bool) throws -> Bool {
        let outcome = try MLflowPush.run(client: client, store: store, actor: workspace.actor, now: Instant(Date())) { change in
            Console.say("pushed \(change)")
            fflush(nil)
        }
        if outcome.changedSomething {
            Console.say("pushed \(outcome.changes.count) change(s) to \(client.connection.displayURI)")
        } else if !quiet {
            Console.say("MLflow at \(client.connection.displayURI) agrees with mlboard: nothing to push")
        }
        return outcome.changedSomething
    }

    /// A server that cannot be reached or refuses exits 3, like a data directory problem:
    /// the command could not finish, and running it again is the remedy.
    static func reportingServerErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as MLflowError {
            if case .configuration(let text) = error { throw CLIFailure.usage(text) }
            Console.error("mlboard: \(error); what was done stays done, and running it again finishes the job")
            Foundation.exit(ExitStatus.dataDirectory)
        }
    }
}
