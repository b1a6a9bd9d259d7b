@testable import BoardStore
import BoardCore
import Foundation
import TestSupport

/// A workspace of three people with keys made by the real ssh-keygen: lea (lead, ed25519, the
/// root), ana (approver, ecdsa) and bob (approver, rsa). `requireSignatures` turns the policy on.
struct SignedTeam {
    let workspace: TestWorkspace
    let keys: SSHTestFolder
    let leaKey: String
    let anaKey: String
    let bobKey: String
    private(set) var clock: Int64 = 10_000

    static let lea = TestWorkspace.lead
    static let ana = Actor(handle: "ana", osUser: "ana")
    static let bob = Actor(handle: "bob", osUser: "bob")
    static let model = "churn-xgb"

    init(name: String = #function, requireSignatures: Bool = true) throws {
        workspace = try TestWorkspace(name: name)
        keys = try SSHTestFolder()
        leaKey = try keys.makeKey("ed25519", name: "lea")
        anaKey = try keys.makeKey("ecdsa", name: "ana")
        bobKey = try keys.makeKey("rsa", name: "bob")
        let store = try open()
        store.signers = Self.source(leaKey)
        let approver = ["staging", "production"]
        try store.execute([
            .addKey(handle: "lea", fingerprint: try Self.fingerprint(leaKey), publicKey: try Self.publicKey(leaKey)),
            .addStakeholder(Stakeholder(handle: "ana", name: "Ana", role: "ML engineer", approvalStages: approver)),
            .addStakeholder(Stakeholder(handle: "bob", name: "Bob", role: "ML engineer", approvalStages: approver)),
            .addKey(handle: "ana", fingerprint: try Self.fingerprint(anaKey), publicKey: try Self.publicKey(anaKey)),
            .addKey(handle: "bob", fingerprint: try Self.fingerprint(bobKey), publicKey: try Self.publicKey(bobKey)),
        ] + (requireSignatures ? [.setSignaturePolicy(.required)] : []), as: Self.lea, now: Instant(millis: 5_000))
    }

    func cleanUp() {
        workspace.cleanUp()
        keys.cleanUp()
    }

    func open() throws -> WorkspaceStore { try workspace.open() }

    /// A fresh reader: no snapshot, no seen marker, no pinned root.
    func openAsNewcomer() throws -> WorkspaceStore {
        var environment = workspace.environment
        let elsewhere = workspace.root.appendingPathComponent("newcomer-\(UUID().uuidString.prefix(6))")
        environment["XDG_STATE_HOME"] = elsewhere.appendingPathComponent("state").path
        environment["XDG_CACHE_HOME"] = elsewhere.appendingPathComponent("cache").path
        return try WorkspaceStore.open(workspace.directory, environment: environment)
    }

    /// Runs `command` as `actor`, signing with `keyFile`.
    @discardableResult
    mutating func run(_ command: Command, as actor: Actor, key keyFile: String?, environment: [String: String] = [:]) throws -> [EventRecord] {
        let store = try open()
        store.signers = keyFile.map { Self.source($0, environment: environment) }
        clock += 60_000
        return try store.execute(command, as: actor, now: Instant(millis: clock))
    }

    /// A model with one version in development.
    mutating func registerVersion() throws -> VersionRef {
        try run(.registerModel(MLModel(slug: Self.model, project: TestWorkspace.project, name: "Churn XGB")), as: Self.lea, key: leaKey)
        try run(.registerVersion(model: Self.model, metrics: ["auc": 0.9], source: "run-1"), as: Self.lea, key: leaKey)
        return VersionRef(model: Self.model, number: 1)
    }

    /// Appends a line written by hand after the journal's last line, signed as `signing` says.
    func appendByHand(_ event: Event, as actor: Actor, signedWith keyFile: String?) throws {
        let store = try open()
        let record = EventRecord(sequence: store.position.sequence + 1, at: Instant(millis: clock + 1), actor: actor, event: event)
        let signer = try keyFile.map { try SSHSignerChoice.signer(forKeyFile: $0) }
        let line = try JournalLine.encode(record, previousHash: store.position.hash) { _, hash in
            try signer?.sign(Array(hash.utf8))
        }
        try workspace.writeJournal(workspace.journalLines + line.bytes)
    }

    static func source(_ keyFile: String, environment: [String: String] = [:]) -> KeyChoice {
        KeyChoice(keyFile: (keyFile, "test"), environment: environment.isEmpty ? ProcessInfo.processInfo.environment : environment)
    }

    static func publicKey(_ keyFile: String) throws -> String {
        try SSHPublicKeyLine(parsing: String(contentsOfFile: keyFile + ".pub", encoding: .utf8)).key.openSSHLine
    }

    static func fingerprint(_ keyFile: String) throws -> String {
        try SSHPublicKeyLine(parsing: String(contentsOfFile: keyFile + ".pub", encoding: .utf8)).key.fingerprint
    }
}
