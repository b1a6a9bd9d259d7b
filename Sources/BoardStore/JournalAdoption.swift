import BoardCore
import Foundation
import Glibc

/// A whole journal copied from one workspace into another byte for byte, so every line keeps
/// its chain, its hash and its author's signature (nobody but the author could sign it again).
extension WorkspaceStore {
    /// Every whole line of the journal exactly as written, once they all pass the checks
    /// `adoptJournal` makes of them: a line this build cannot read (damage, a refused signature,
    /// a newer mlboard's event) refuses the copy instead of leaving it and what follows out.
    public func journalLines() throws -> [UInt8] {
        var lines = try JournalReader.readLines(folder, from: 0)
        let wholeLines = lines.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        lines.removeSubrange(wholeLines...)  // a torn tail is no line of the journal
        _ = try JournalCopy.check(lines, config: state.config)
        return lines
    }

    /// Writes `lines`, every line of another workspace's journal, into this workspace, which must
    /// have no events yet, as they are. Each line is checked first, as a reader would: checksum,
    /// chain, signature, the rights of key lines and the signature policy; one that fails refuses
    /// the whole copy. `dryRun` checks everything and writes nothing. Returns the records.
    @discardableResult
    public func adoptJournal(_ lines: [UInt8], dryRun: Bool = false) throws -> [EventRecord] {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        let records = try JournalCopy.check(lines, config: state.config)
        let written = try holdingJournalLock { fd -> Bool in
            guard position.sequence == 0 else {
                throw JournalCopyRefusal("a journal is copied whole into a workspace with no events yet; \(directory.path) has \(position.sequence)")
            }
            if dryRun { return false }
            let sizeBefore = JournalReserve.makeRoom(fd, for: lines.count, at: 0)
            guard lines.withUnsafeBytes({ FileDescriptor.writeAll(fd, $0, at: 0) }) else {
                let failure = StoreError.lastIO("write to", directory.journalURL.path)
                JournalReserve.undoWrite(fd, at: 0, count: lines.count, sizeBefore: sizeBefore)
                throw failure
            }
            guard fdatasync(fd) == 0 else { throw StoreError.lastIO("fdatasync", directory.journalURL.path) }
            return true
        }
        return written ? try refresh() : records  // reads the lines back as every reader will
    }
}

/// A journal that is not copied: nothing was written.
public struct JournalCopyRefusal: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}

/// The checks a copied journal passes before a byte of it is written.
enum JournalCopy {
    static func check(_ lines: [UInt8], config: WorkspaceConfig) throws(JournalCopyRefusal) -> [EventRecord] {
        guard !lines.isEmpty else { throw JournalCopyRefusal("the journal has no lines") }
        guard !lines.contains(0) else { throw JournalCopyRefusal("the journal holds a zero byte, which no line may") }
        let scan = JournalReader.scan(bytes: lines, from: .start, fileName: "the copied journal")
        if let corruption = scan.corruption { throw JournalCopyRefusal(corruption.description) }
        if let newer = scan.newerEvent { throw JournalCopyRefusal(newer.readOnlyReason) }
        guard scan.pendingBytes == 0 else {
            throw JournalCopyRefusal("the journal ends in \(scan.pendingBytes) bytes after line \(scan.end.sequence) that are not a whole line")
        }
        let checker = LineChecker()
        let checked = checker.checkAll(scan.signatures)
        var state = BoardState(config: config)
        var records: [EventRecord] = []
        records.reserveCapacity(scan.records.count)
        for (index, var record) in scan.records.enumerated() {
            record.signature = checker.mark(of: record, checked: checked[index], registry: state.signing)
            if case .bad(let reason) = record.signature {
                throw JournalCopyRefusal("line \(record.sequence) has a bad signature: \(reason)")
            }
            if let reason = checker.refusal(of: record, mark: record.signature, state: state) {
                throw JournalCopyRefusal("line \(record.sequence) is refused: \(reason)")
            }
            BoardCore.apply(record, to: &state)
            records.append(record)
        }
        return records
    }
}
