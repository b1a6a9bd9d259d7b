import ArgumentParser
import BoardCore
import BoardStore
import Foundation

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", _superCommandName: MLBoard.commandName,
        abstract: "Register, list and revoke the SSH keys stakeholders sign with; hand over the root key; require signatures.",
        subcommands: [Add.self, List.self, Revoke.self, Root.self, Policy.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register a public key for yourself or (leads) for anyone.",
            discussion: """
                Without a file, registers the public key of the key you sign with. The workspace's first \
                key is its root: a lead adds it for themselves. After that you may add a key for yourself \
                once you have one, and a lead may add keys for anyone.
                """)
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "A public key file (.pub) or authorized_keys line.") var publicKeyFile: String?
        @Option(name: .customLong("for"), help: "The stakeholder the key belongs to (default: you).") var owner: String?

        func run() throws {
            let store = try workspace.openStore()
            let handle = owner ?? workspace.actor.handle
            let key = try publicKey(for: handle, store: store)
            try workspace.perform(.addKey(handle: handle, fingerprint: key.fingerprint, publicKey: key.openSSHLine), on: store)
        }

        private func publicKey(for handle: String, store: any WorkspaceStoring) throws -> SSHPublicKey {
            guard let publicKeyFile else {
                let choice = workspace.keyChoice
                guard handle == workspace.actor.handle,
                      let signer = try choice.signer(for: handle, registry: store.state.signing) else {
                    throw CLIFailure.usage("name the public key file to add for \(handle) (e.g. ~/.ssh/id_ed25519.pub)")
                }
                return signer.publicKey
            }
            let text: String
            do {
                text = try String(contentsOfFile: publicKeyFile, encoding: .utf8)
            } catch {
                throw CLIFailure.usage("cannot read the public key file \(publicKeyFile): \(error.localizedDescription)")
            }
            if text.contains("PRIVATE KEY") {
                throw CLIFailure.usage("\(publicKeyFile) is a private key; give its public half (\(publicKeyFile).pub)")
            }
            do {
                return try SSHPublicKeyLine(parsing: text).key
            } catch {
                throw CLIFailure.usage("\(publicKeyFile) is not an SSH public key: \(error)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List registered keys, the root key and the signature policy.")
        @OptionGroup var workspace: WorkspaceOptions
        @Flag(help: "Print JSON.") var json = false

        struct Listing: Encodable {
            var policy: SignaturePolicy
            var policySince: Int64
            var root: String?
            var signingKey: String
            var keys: [SigningKey]
        }

        func run() throws {
            let store = try workspace.openStore()
            let registry = store.state.signing
            let status = workspace.keyChoice.status(for: workspace.actor.handle, registry: registry)
            let yours = status.usable ? status.label : "\(status.label) (\(status.detail))"
            if json {
                return try Console.printJSON(Listing(
                    policy: registry.policy, policySince: registry.policySince, root: registry.root, signingKey: yours, keys: registry.all))
            }
            let since = registry.policySince > 0 ? " (since sequence \(registry.policySince))" : ""
            Console.say("signatures: \(registry.policy.rawValue)\(since); you sign with: \(yours)")
            if registry.isEmpty { return Console.say("no keys registered; add yours with 'mlboard key add'") }
            for key in registry.all {
                let status = key.revokedAt.map { "revoked at #\($0)" } ?? "active"
                let root = key.fingerprint == registry.root ? " root" : ""
                Console.say("\(key.handle.padding(12)) \(key.typeName.padding(20)) \(key.fingerprint)  added at #\(key.addedAt), \(status)\(root)")
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Revoke a key (its owner or a lead): lines it signs from now on are refused; earlier ones still verify.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The key's fingerprint (SHA256:..., or enough of it to be unique).") var fingerprint: String

        func run() throws {
            let store = try workspace.openStore()
            try workspace.perform(.revokeKey(fingerprint: try KeyCommand.match(fingerprint, in: store.state.signing)), on: store)
        }
    }

    struct Root: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "root",
            abstract: "Hand the root key to another registered key (the root's holder only); every client refuses the workspace until it accepts the new root.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The new root key's fingerprint.") var fingerprint: String

        func run() throws {
            let store = try workspace.openStore()
            try workspace.perform(.setRootKey(fingerprint: try KeyCommand.match(fingerprint, in: store.state.signing)), on: store)
            try store.acceptRoot()
        }
    }

    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "policy",
            abstract: "Require a verified signature on every line from now on, or turn the requirement off (leads only).")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "required or off.") var policy: SignaturePolicy

        func run() throws { try workspace.perform(.setSignaturePolicy(policy)) }
    }

    /// The registered fingerprint `text` names: whole, without "SHA256:", or a unique prefix.
    static func match(_ text: String, in registry: KeyRegistry) throws -> String {
        let wanted = text.hasPrefix("SHA256:") ? text : "SHA256:" + text
        if registry.keys[wanted] != nil { return wanted }
        let candidates = registry.keys.keys.filter { $0.hasPrefix(wanted) }
        guard candidates.count == 1, let only = candidates.first else {
            throw CLIFailure.usage(candidates.isEmpty
                ? "no registered key has the fingerprint \(text); see mlboard key list"
                : "\(text) matches \(candidates.count) keys; give more of the fingerprint")
        }
        return only
    }
}

extension SignaturePolicy: ExpressibleByArgument {}
