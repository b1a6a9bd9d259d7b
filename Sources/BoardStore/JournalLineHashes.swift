import BoardCore

/// The hash of each journal line by sequence number, for whoever keeps a position of their own
/// in the journal (hooks). Reads through the folder's descriptor like every reader, checks the
/// chain, and reads on from where it last stopped, so a growing journal is read once.
public final class JournalLineHashes {
    private let directory: DataDirectory
    private var folder: WorkspaceFolder?
    private var position = JournalPosition.start
    private var hashes: [Int64: String] = [:]

    public init(directory: DataDirectory) { self.directory = directory }

    /// The hash of the line with `sequence` (the genesis hash for 0), nil when there is no such line.
    public func hash(at sequence: Int64) throws -> String? {
        if sequence == 0 { return JournalLine.genesisHash }
        if hashes[sequence] == nil && sequence > position.sequence { try readOn() }
        return hashes[sequence]
    }

    private func readOn() throws {
        let opened = try folder ?? WorkspaceFolder.open(directory.path)
        folder = opened
        let scan = try JournalReader.scan(opened, from: position)
        if let corruption = scan.corruption { throw corruption }
        for (index, hash) in scan.hashes.enumerated() { hashes[position.sequence + 1 + Int64(index)] = hash }
        position = scan.end
    }
}
