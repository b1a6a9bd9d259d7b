/// A command with the person and time it is made by, for batches.
public struct PlannedCommand: Sendable {
    public var command: Command
    public var actor: Actor
    public var at: Instant

    public init(_ command: Command, as actor: Actor, at: Instant) {
        self.command = command
        self.actor = actor
        self.at = at
    }
}
