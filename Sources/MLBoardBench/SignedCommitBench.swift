import BoardCore
import BoardStore
import Foundation

/// One writer's durable commit of the same comment, unsigned and signed three ways (natively
/// from an unencrypted ed25519 key file, through an ssh-agent's socket with the same key and
/// with an ecdsa-p256 key, through a `ssh-keygen -Y sign` process per commit), beside SQLite
/// WAL+FULL; as the commit section measures, in interleaved rounds.
enum SignedCommitBench {
    static func run(quick: Bool) throws {
        let scratch = Scratch("signed-commit")
        defer { scratch.remove() }
        let environment = Fixtures.environment(scratch)
        let unsignedDirectory = DataDirectory(scratch.url("unsigned"))
        Fixtures.demo(at: unsignedDirectory, size: 8, scratch: scratch)
        let lineLength = Fixtures.approvalLineLength(unsignedDirectory)
        let body = try Fixtures.paddedBody(target: lineLength, in: unsignedDirectory, scratch: scratch)
        let payload = [UInt8](repeating: UInt8(ascii: "a"), count: lineLength - 1) + [UInt8(ascii: "\n")]
        let signed = try SignedDemo(at: DataDirectory(scratch.url("signed")), size: 8, scratch: scratch)
        let ecdsaKey = BenchKey(named: "lead-ecdsa", in: signed.keys, type: "ecdsa")
        let agent = BenchAgent(in: scratch)
        defer { agent.stop() }
        agent.add(signed.leadKey)
        agent.add(ecdsaKey)
        let rounds = quick ? 3 : 10
        let perRound = quick ? 100 : 300

        let unsignedStore = try WorkspaceStore.open(unsignedDirectory, environment: environment)
        let signedStore = try WorkspaceStore.open(signed.directory, environment: environment)
        for store in [unsignedStore, signedStore] { store.snapshotInterval = .max }
        signedStore.signers = signed.keyFolder
        try signedStore.execute(ecdsaKey.registration(for: Fixtures.actor.handle), as: Fixtures.actor, now: Instant(Date()))
        // The command line's own choices: a key file (unencrypted ed25519: signed natively), or
        // no key file and the agent's key registered to the handle.
        let native = KeyChoice(keyFile: (signed.leadKey.path, "--key"), environment: SSHTools.withoutAgent(environment))
        let throughAgent = KeyChoice(keyFile: nil, environment: agent.environment)
        let keygenSigner = try SSHKeygenSigner(keyFile: signed.leadKey.path, environment: SSHTools.withoutAgent(environment))
        let sshKeygen = OneSigner(keygenSigner)
        let ecdsaAgentSigner = SSHAgentSigner(agent: SSHAgentClient(socketPath: agent.socketPath), publicKey: ecdsaKey.publicKey)
        let ecdsaThroughAgent = OneSigner(ecdsaAgentSigner)
        try expect(native, signsWith: Ed25519FileSigner.self, key: signed.leadKey, in: signedStore)
        try expect(throughAgent, signsWith: SSHAgentSigner.self, key: signed.leadKey, in: signedStore)
        let wal = SQLiteStore(path: scratch.url("wal.sqlite").path, mode: .wal)

        func comment(in store: WorkspaceStore, signedBy source: SignerSource?) throws {
            store.signers = source
            try store.execute(.comment(on: .project(Fixtures.project), body: body), as: Fixtures.actor, now: Instant(Date()))
        }
        let signedLength = try bytesAdded(by: { try comment(in: signedStore, signedBy: native) }, in: signedStore)
        let systems: [(String, () throws -> Void)] = [
            ("mlboard, unsigned", { try comment(in: unsignedStore, signedBy: nil) }),
            ("mlboard, signed natively (ed25519 key file)", { try comment(in: signedStore, signedBy: native) }),
            ("mlboard, signed through ssh-agent (its socket)", { try comment(in: signedStore, signedBy: throughAgent) }),
            ("mlboard, signed through ssh-agent, ecdsa-p256 key", { try comment(in: signedStore, signedBy: ecdsaThroughAgent) }),
            ("mlboard, signed by ssh-keygen -Y sign (a process a commit)", { try comment(in: signedStore, signedBy: sshKeygen) }),
            (SQLiteStore.Mode.wal.title, { wal.commitRow(payload) }),
        ]
        let latencies = try interleavedLatencies(of: systems.map(\.1), rounds: rounds, perRound: perRound)
        let samples = latencies.map(Samples.init)

        var table = Table(
            title: "Signed durable commit, one writer (the same comment: \(lineLength)-byte line unsigned, "
                + "\(signedLength) bytes signed; SQLite rows of \(lineLength) bytes; \(rounds) interleaved rounds x \(perRound))",
            header: ["system", "commits", "median us", "p99 us", "commits/s"])
        for (index, system) in systems.enumerated() {
            let result = samples[index]
            table.add([system.0, "\(result.count)", fmt(result.median), fmt(result.p99), fmt(1_000_000 / result.mean, 0)])
        }
        table.print()
        let unsigned = samples[0].median
        var ratios = Table(title: "Ratios of median latency", header: ["ratio", "value"])
        ratios.add(["signed natively / unsigned", fmt(samples[1].median / unsigned, 2)])
        ratios.add(["signed through ssh-agent / unsigned (aim: <= 1.5)", fmt(samples[2].median / unsigned, 2)])
        ratios.add(["signed through ssh-agent, ecdsa-p256 / unsigned", fmt(samples[3].median / unsigned, 2)])
        ratios.add(["signed by ssh-keygen / unsigned", fmt(samples[4].median / unsigned, 2)])
        ratios.add(["unsigned / SQLite WAL", fmt(unsigned / samples[5].median, 2)])
        ratios.add(["signed through ssh-agent / SQLite WAL", fmt(samples[2].median / samples[5].median, 2)])
        ratios.print()
        try printVerification(of: signed.directory, environment: environment)
        try SigningAlone.run(
            native: try Ed25519FileSigner(contentsOf: signed.leadKey.path),
            agent: SSHAgentSigner(agent: SSHAgentClient(socketPath: agent.socketPath), publicKey: signed.leadKey.publicKey),
            ecdsaAgent: ecdsaAgentSigner,
            sshKeygen: keygenSigner, count: quick ? 50 : 200)
    }

    /// Stops the bench unless `source` gives the lead a signer of type `kind` with `key`: the
    /// figures must measure the way of signing their row names.
    private static func expect(_ source: SignerSource, signsWith kind: any SSHMessageSigner.Type, key: BenchKey, in store: WorkspaceStore) throws {
        let signer = try source.signer(for: Fixtures.actor.handle, registry: store.state.signing)
        precondition(signer.map { type(of: $0) == kind && $0.publicKey == key.publicKey } == true,
                     "expected a \(kind) with \(key.path), got \(signer.map { "\(type(of: $0))" } ?? "none")")
    }

    /// The bytes one `commit` adds to the journal.
    private static func bytesAdded(by commit: () throws -> Void, in store: WorkspaceStore) throws -> Int {
        let before = store.position.offset
        try commit()
        return Int(store.position.offset - before)
    }

    /// A fresh reader's verdict on every line the bench signed.
    private static func printVerification(of directory: DataDirectory, environment: [String: String]) throws {
        let report = try WorkspaceStore.verify(directory, environment: environment)
        let counts = report.signatures
        print("\ncheck: verify \(report.passed ? "passed" : "FAILED: \(report.problems)"); "
            + "\(counts.verified) lines verified, \(counts.unsigned) unsigned (the lead's joining, before any key), \(counts.bad) bad")
        fflush(nil)
        precondition(report.passed && counts.bad == 0, "the signed workspace does not verify")
    }
}
