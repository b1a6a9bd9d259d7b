import BoardCore

/// Journal lines for stores kept outside this module (the PostgreSQL journal): the same bytes
/// the folder's journal holds, so hashes and signatures carry over unchanged. A line here never
/// includes its newline: that belongs to the folder's file, one line after another.
public enum PortableJournalLine {
    /// A line's place in the hash chain, as the line itself states it.
    public struct Link: Equatable, Sendable {
        public var sequence: Int64
        public var previousHash: String
        public var hash: String
        /// The base64 SSHSIG blob of a signed line.
        public var signature: String?
    }

    /// A line that is no journal line this build can read.
    public struct Unreadable: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public static let genesisHash = JournalLine.genesisHash

    /// The unsigned line for `record` chained after `previousHash`, without its newline.
    public static func encode(_ record: EventRecord, after previousHash: String) throws -> (line: [UInt8], hash: String) {
        let encoded = try JournalLine.encode(record, previousHash: previousHash)
        return (Array(encoded.bytes.dropLast()), encoded.hash)
    }

    /// Reads a line (without its newline), checking its own checksum; the chain is the caller's.
    public static func link(of line: [UInt8]) throws(Unreadable) -> Link {
        switch JournalLine.decode(line) {
        case .success(let parsed):
            return Link(sequence: parsed.record.sequence, previousHash: parsed.prev, hash: parsed.hash,
                        signature: parsed.signature?.base64)
        case .failure(let failure):
            throw Unreadable(description: "not a journal line this build can read: \(failure)")
        }
    }

    /// Splits a folder journal's bytes (whole lines, each ending in a newline) into lines
    /// without their newlines.
    public static func split(_ journal: [UInt8]) -> [[UInt8]] {
        journal.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map(Array.init)
    }

    /// `lines` joined into a folder journal's bytes, once the whole journal passes the checks a
    /// folder makes of a copied one (chain, checksums, signatures, the rights of key lines).
    public static func checkedJournal(_ lines: [[UInt8]], config: WorkspaceConfig) throws -> [UInt8] {
        let bytes = join(lines)
        _ = try JournalCopy.check(bytes, config: config)
        return bytes
    }

    /// Joins lines back into a folder journal's bytes.
    public static func join(_ lines: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines { bytes += line; bytes.append(UInt8(ascii: "\n")) }
        return bytes
    }

    /// The first break in `lines` as a chain following `sequence` and `hash`: a bad line, a
    /// sequence number out of turn, or a `prev` that is not the line before's hash. Nil when whole.
    public static func chainBreak(in lines: [[UInt8]], after sequence: Int64 = 0, hash: String = genesisHash) -> String? {
        var expected = (sequence: sequence, hash: hash)
        for line in lines {
            let link: Link
            do { link = try self.link(of: line) } catch { return "after seq \(expected.sequence): \(error)" }
            guard link.sequence == expected.sequence + 1 else {
                return "seq \(link.sequence) follows seq \(expected.sequence)"
            }
            guard link.previousHash == expected.hash else { return "seq \(link.sequence) does not chain to the line before" }
            expected = (link.sequence, link.hash)
        }
        return nil
    }
}
