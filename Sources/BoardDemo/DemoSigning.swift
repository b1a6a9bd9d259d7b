import BoardCore

/// A demo person's public key, as the journal registers it.
public struct DemoKey: Equatable, Sendable {
    /// `SHA256:...`, as ssh-keygen -l prints it.
    public var fingerprint: String
    /// The key's OpenSSH line (`ssh-ed25519 AAAA...`).
    public var publicKey: String

    public init(fingerprint: String, publicKey: String) {
        self.fingerprint = fingerprint
        self.publicKey = publicKey
    }
}

extension DemoWorkspace {
    /// Everyone the demo adds as a stakeholder, the lead first: the people a signed demo needs
    /// keys for.
    public static func people(projects size: Int = 8) -> [String] {
        (DemoPeople.core + DemoPeople.extraPeople(forProjects: size)).map(\.handle)
    }

    /// The script with the team's keys in it: right after the lead joins, the lead registers
    /// their own key (the workspace's root) and requires signatures, so every later line must be
    /// signed; each person's key is registered by the lead right after they join. The key steps
    /// take the time of the step before them, so the story's timeline stays as it is. `keys`
    /// must hold the lead's key; people without one get none.
    public static func script(projects size: Int = 8, keys: [String: DemoKey]) -> [DemoStep] {
        let story = script(projects: size)
        guard !keys.isEmpty else { return story }
        precondition(keys[leadHandle] != nil, "a signed demo needs the lead's key, the workspace's root")
        var steps: [DemoStep] = []
        steps.reserveCapacity(story.count + keys.count + 1)
        for step in story {
            steps.append(step)
            guard case .addStakeholder(let person) = step.command, let key = keys[person.handle] else { continue }
            steps.append(DemoStep(actor: step.actor, at: step.at, command: .addKey(
                handle: person.handle, fingerprint: key.fingerprint, publicKey: key.publicKey)))
            if person.handle == leadHandle {
                steps.append(DemoStep(actor: step.actor, at: step.at, command: .setSignaturePolicy(.required)))
            }
        }
        return steps
    }

    /// `build(projects:)` with the team's keys registered (see `script(projects:keys:)`).
    public static func build(projects size: Int = 8, keys: [String: DemoKey]) -> (records: [EventRecord], state: BoardState) {
        run(script(projects: size, keys: keys))
    }
}
