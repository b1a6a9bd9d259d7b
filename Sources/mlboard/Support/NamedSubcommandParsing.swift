import ArgumentParser

extension MLBoard {
    /// The command a command line names. The subcommand it names parses it first, alone:
    /// building the whole tree, with every subcommand's options reflected, and the root's check
    /// for a completion-script request were a fifth of a small command's time. Anything that does not give one of that subcommand's own commands (help,
    /// a mistake, no subcommand) goes through the whole tree, so usage, help and error texts name
    /// the full command path as before.
    static func parseCommandLine(_ arguments: [String]) throws -> any ParsableCommand {
        if let name = arguments.first, !name.hasPrefix("-"),
           let subcommand = configuration.subcommands.first(where: { $0.configuration.commandName == name }),
           let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
           isCommand(type(of: command), of: subcommand) {
            return command
        }
        return try parseAsRoot(arguments)
    }

    /// Whether `type` is `tree` or one of its subcommands, at any depth: not the help command
    /// the parser answers `--help` with, whose text would name the subcommand as the root.
    private static func isCommand(_ type: any ParsableCommand.Type, of tree: any ParsableCommand.Type) -> Bool {
        ObjectIdentifier(type) == ObjectIdentifier(tree) || tree.configuration.subcommands.contains { isCommand(type, of: $0) }
    }
}
