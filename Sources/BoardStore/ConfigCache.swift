import BoardCore
import Foundation

/// The workspace configuration as this user last decoded it, kept beside the snapshot in the
/// per-user cache (never in the shared folder, where others could plant one). Decoding the YAML
/// costs milliseconds (Yams compiles its regular expressions, and ICU loads its tables, on first
/// use): most of a small command's time. The entry holds the SHA-256 of the text it was decoded
/// from, so an edited file is decoded anew.
enum ConfigCache {
    static let fileName = "config.bin"
    /// Tied to the snapshot's format, which the configuration's binary layout follows.
    private static let magic = Array("MLBCONF\(Snapshot.format)".utf8)

    static func url(besideSnapshot snapshot: URL) -> URL {
        snapshot.deletingLastPathComponent().appending(path: fileName, directoryHint: .notDirectory)
    }

    /// The configuration cached for exactly `text`, or nil (none, another text, unreadable).
    static func read(_ url: URL, for text: [UInt8]) -> WorkspaceConfig? {
        guard let bytes = try? WholeFile.read(url), bytes.starts(with: magic + key(of: text)) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = BinaryReader(UnsafeBufferPointer(rebasing: buffer[(magic.count + 64)...]))
            guard let config = try? WorkspaceConfig.read(from: &reader), (try? reader.expectEnd()) != nil else { return nil }
            return config
        }
    }

    /// Best effort: a cache that cannot be written only costs the next command the decoding.
    static func write(_ config: WorkspaceConfig, for text: [UInt8], to url: URL) {
        var writer = BinaryWriter()
        writer.writeRaw(magic + key(of: text))
        config.write(to: &writer)
        try? SnapshotCache.write(writer.bytes, to: url)
    }

    private static func key(of text: [UInt8]) -> [UInt8] { Array(JournalLine.hexDigest(text).utf8) }
}
