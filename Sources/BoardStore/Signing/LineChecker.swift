import BoardCore
import Foundation

/// Judges journal lines as they are read: what their signatures prove (`mark`), and whether the
/// workspace accepts them (`refusal`). Both look only at the state before the line, so a key
/// rotated or revoked later never changes the verdict on an earlier line.
struct LineChecker {
    private let verifier = SSHSignatureVerifier()

    /// Verified when the signature holds for a key registered to the line's actor and valid at
    /// the line's position, or for the key a key line adds for its own actor (the root's first
    /// line, which `refusal` judges).
    func mark(of record: EventRecord, signature: LineSignature?, registry: KeyRegistry) -> SignatureMark {
        mark(of: record, checked: check(signature), registry: registry)
    }

    /// The same, from the signature's own check (see `checkAll`).
    func mark(of record: EventRecord, checked: CheckedSignature, registry: KeyRegistry) -> SignatureMark {
        let fingerprint: String
        switch checked {
        case .none: return .unsigned
        case .unreadable(let reason): return .bad(reason: reason)
        case .checked(let signer, _): fingerprint = signer
        }
        let handle = record.actor.handle
        if let key = registry.keys[fingerprint] {
            guard key.handle == handle else { return .bad(reason: "signed with \(key.handle)'s key \(fingerprint), not a key of \(handle)") }
            if let revokedAt = key.revokedAt, record.sequence >= revokedAt {
                return .bad(reason: "signed with key \(fingerprint), revoked at sequence \(revokedAt)")
            }
        } else if case .keyAdded(handle, fingerprint, _) = record.event {
            // a key's own line: `refusal` accepts it only as the workspace's first key
        } else {
            return .bad(reason: "signed with key \(fingerprint), which is not registered")
        }
        if case .checked(_, let rejection?) = checked { return .bad(reason: rejection) }
        return .verified(fingerprint: fingerprint)
    }

    /// `records` with their marks, each judged against the keys as they stand before it, starting
    /// from `registry`, which ends as it stands after the last (for readers that only mark).
    func marked(_ records: [EventRecord], signatures: [LineSignature?], registry: inout KeyRegistry) -> [EventRecord] {
        let checked = checkAll(signatures)
        return records.enumerated().map { index, record in
            var marked = record
            marked.signature = mark(of: record, checked: checked[index], registry: registry)
            registry.apply(record)
            return marked
        }
    }

    /// Whether the signature holds for the key it names, whoever that key belongs to: the costly
    /// part of judging a line, and independent of every other line.
    func check(_ signature: LineSignature?) -> CheckedSignature {
        guard let signature else { return .none }
        let parsed: SSHSignature
        do {
            guard let blob = Data(base64Encoded: signature.base64) else { return .unreadable("the signature is not base64") }
            parsed = try SSHSignature(blob: Array(blob))
        } catch {
            return .unreadable("not a valid SSH signature: \(error)")
        }
        switch verifier.verify(message: Array(signature.signedHash.utf8), signature: parsed, by: parsed.publicKey) {
        case .verified: return .checked(signer: parsed.publicKey.fingerprint, rejection: nil)
        case .rejected(let why): return .checked(signer: parsed.publicKey.fingerprint, rejection: why.description)
        }
    }

    /// `check` of every signature, on every core when there are many: reading a long signed
    /// journal is mostly ed25519 verification, one line at a time otherwise.
    func checkAll(_ signatures: [LineSignature?]) -> [CheckedSignature] {
        let signed = signatures.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        guard signed >= Self.parallelFrom else { return signatures.map(check) }
        let slices = ProcessInfo.processInfo.activeProcessorCount * 4
        let size = (signatures.count + slices - 1) / slices
        let results = CheckedResults(count: signatures.count)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = min(slice * size, signatures.count) ..< min((slice + 1) * size, signatures.count)
            for index in range { results.set(index, check(signatures[index])) }
        }
        return results.values
    }

    static let parallelFrom = 256

    /// Why the workspace refuses the line, or nil. Key lines must verify whatever the policy, and
    /// their author must have the right (a lead, or the key's owner); every line after the policy
    /// turned to `required` must verify.
    func refusal(of record: EventRecord, mark: SignatureMark, state: BoardState) -> String? {
        let registry = state.signing
        if record.event.isKeyEvent {
            guard case .verified(let signer) = mark else {
                return "a key line must be signed by its author (\(describe(mark)))"
            }
            guard let author = state.stakeholders[record.actor.handle], author.active else {
                return "\(record.actor.handle) is not an active stakeholder"
            }
            if case .keyAdded(_, let fingerprint, let publicKey) = record.event {
                guard (try? SSHPublicKeyLine(parsing: publicKey).key.fingerprint) == fingerprint else {
                    return "the key it adds does not have the fingerprint it claims"
                }
            }
            return KeyAuthority.refusal(of: record.event, by: author, signedWith: signer, in: registry)
        }
        guard registry.requiresSignature(at: record.sequence) else { return nil }
        if !mark.isVerified {
            return "signatures are required since sequence \(registry.policySince), and this line's is \(describe(mark))"
        }
        // A key outlives its owner's deactivation; the owner's right to act does not.
        if state.stakeholders[record.actor.handle]?.active != true {
            return "\(record.actor.handle) is not an active stakeholder"
        }
        return nil
    }

    private func describe(_ mark: SignatureMark) -> String {
        switch mark {
        case .unsigned: "missing"
        case .verified(let fingerprint): "verified with \(fingerprint)"
        case .bad(let reason): "bad: \(reason)"
        }
    }
}

/// A line the workspace refuses: reading stops before it and writes are refused.
public struct RefusedLine: Equatable, Sendable {
    public var sequence: Int64
    public var reason: String

    public var readOnlyReason: String {
        "journal line \(sequence) is refused: \(reason). Nothing from there on is read; run mlboard verify"
    }
}

/// What a signature proves by itself, before anyone asks whose key it is.
enum CheckedSignature: Equatable, Sendable {
    case none
    case unreadable(String)
    /// Made with the key of `signer`; `rejection` says why it does not hold, nil when it does.
    case checked(signer: String, rejection: String?)
}

/// Results written by many threads, each to its own index of memory allocated once.
private final class CheckedResults: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<CheckedSignature>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: .none)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: CheckedSignature) { storage[index] = value }

    var values: [CheckedSignature] { Array(storage) }
}
