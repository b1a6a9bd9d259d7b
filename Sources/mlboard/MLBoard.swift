import ArgumentParser
import BoardCore
import BoardStore
import Foundation

@main
struct MLBoard: ParsableCommand {
    /// Every subcommand names it as the command above it: parsed alone (parseCommandLine), a
    /// subcommand then says "mlboard status" in its usage and skips the completion-script
    /// check that only the root has.
    static let commandName = "mlboard"

    static let configuration = CommandConfiguration(
        commandName: commandName,
        abstract: "A shared terminal dashboard for taking machine-learning models from idea to production.",
        discussion: """
            The data directory is --dir, else MLBOARD_DIR, else the nearest .mlboard folder above the \
            current directory. You act as --as HANDLE, else MLBOARD_USER, else your login name, and \
            sign with --key FILE, else MLBOARD_SIGNING_KEY, else signing_key in config.toml, else your \
            key in ssh-agent.
            Exit codes: 0 done, 1 a rule said no, 2 usage error, 3 data directory or MLflow server problem, 4 a hook stopped.
            """,
        subcommands: [
            DashboardCommand.self, InitCommand.self, DemoCommand.self, StatusCommand.self, LogCommand.self, HistoryCommand.self,
            VerifyCommand.self, CompactCommand.self, DoctorCommand.self, MigrateCommand.self,
            ProjectCommand.self, StakeholderCommand.self, AssignCommand.self, UnassignCommand.self,
            ModelCommand.self, PromoteCommand.self, ApproveCommand.self, RejectCommand.self,
            WithdrawCommand.self, RequestsCommand.self, AliasCommand.self, ChallengeCommand.self, CommentCommand.self,
            KeyCommand.self, ReportCommand.self, ExportCommand.self, ImportCommand.self, HooksCommand.self, MLflowCommand.self, HelpManCommand.self,
            DebugAppendCommand.self, DebugFollowCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    static func main() {
        SignalMask.unblockAll()
        do {
            var command = try parseCommandLine(GlobalOptionOrder.subcommandFirst(Array(CommandLine.arguments.dropFirst())))
            try command.run()
            AfterReply.run()
        } catch let failure as CLIFailure {
            failure.report()
            Foundation.exit(failure.exitCode)
        } catch let violation as RuleViolation {
            CLIFailure.rule(violation).report()
            Foundation.exit(ExitStatus.ruleSaidNo)
        } catch let refusal as SigningRefusal {
            Console.error("mlboard: \(refusal.message)")
            Foundation.exit(ExitStatus.ruleSaidNo)
        } catch let error as StoreError {
            CLIFailure.store(error).report()
            Foundation.exit(ExitStatus.dataDirectory)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Console.say(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code == .validationFailure || code.rawValue == 64 {
                Console.error(fullMessage(for: error))
                Foundation.exit(ExitStatus.usage)
            }
            Console.error("mlboard: " + fullMessage(for: error))
            Foundation.exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}
