import BoardCore
import BoardDemo
import BoardStore
import Foundation

/// A demo workspace in which every person signs: an ed25519 key per person made by ssh-keygen
/// (in `keys`, named by handle, as `KeyFolder` reads them), each registered by the lead right after
/// the person joins, and signatures required from the lead's own key line on. Every line after
/// the lead's first (which adds the lead) carries a signature that verifies.
struct SignedDemo {
    let directory: DataDirectory
    let keys: URL

    /// The lead's key: the one `Fixtures.actor` signs with.
    var leadKey: BenchKey { keysByHandle[Fixtures.actor.handle]! }
    private let keysByHandle: [String: BenchKey]

    init(at directory: DataDirectory, size: Int, scratch: Scratch) throws {
        self.directory = directory
        keys = scratch.url("keys-\(directory.url.lastPathComponent)")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        var made: [String: BenchKey] = [:]
        for handle in DemoWorkspace.people(projects: size) { made[handle] = BenchKey(named: handle, in: keys) }
        let publicKeys = made.mapValues { DemoKey(fingerprint: $0.publicKey.fingerprint, publicKey: $0.publicKey.openSSHLine) }
        let plan = DemoWorkspace.script(projects: size, keys: publicKeys).map { PlannedCommand($0.command, as: $0.actor, at: $0.at) }
        keysByHandle = made
        let store = try WorkspaceStore.create(at: directory, config: DemoWorkspace.config, environment: Fixtures.environment(scratch))
        store.signers = KeyFolder(keys)
        try store.execute(plan)
        try store.writeSnapshot()
    }

    /// Signs every person's lines natively from their key file.
    var keyFolder: KeyFolder { KeyFolder(keys) }
}

/// A signer source that always offers one signer: to measure one way of signing on its own.
final class OneSigner: SignerSource {
    let signer: any SSHMessageSigner

    init(_ signer: any SSHMessageSigner) { self.signer = signer }

    func signer(for handle: String, registry: KeyRegistry) throws -> (any SSHMessageSigner)? { signer }

    func missingKeyHint(for handle: String) -> String { "the bench's one signer cannot sign for \(handle)" }
}
