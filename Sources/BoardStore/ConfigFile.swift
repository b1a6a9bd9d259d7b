import BoardCore
import Foundation
import Yams

/// The workspace configuration as a YAML file people may edit.
enum ConfigFile {
    static let header = """
        # mlboard workspace configuration. Lists may be renamed, extended or shortened;
        # names already used by projects keep working as recorded in the journal.

        """

    /// The line that records a shared workspace; read by `sharing(in:)`.
    static let sharedKey = "shared"

    static func write(_ config: WorkspaceConfig, sharing: SharingMode, in folder: WorkspaceFolder) throws {
        let yaml = try YAMLEncoder().encode(config)
        let shared = sharing == .group ? "# Files get group read and write, folders are setgid and sticky.\n\(sharedKey): group\n" : ""
        try AtomicFile.write(Array((header + shared + yaml).utf8), named: DataDirectory.configName, in: folder, sharing: sharing)
    }

    /// The configuration and the sharing it records; through `cache` (see ConfigCache) when given.
    static func read(from folder: WorkspaceFolder, cache: URL? = nil) throws -> (config: WorkspaceConfig, sharing: SharingMode?) {
        let name = DataDirectory.configName
        let fd: Int32
        do {
            fd = try folder.openFile(name)
        } catch StoreError.notFound {
            throw StoreError.notFound("\(folder.path) has no \(name)")
        }
        defer { close(fd) }
        let bytes = try FileDescriptor.readAll(fd, path: folder.pathOf(name))
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw StoreError.badConfiguration(file: name, reason: "is not UTF-8 text")
        }
        guard let cache else { return (try decode(text, name: name), sharing(in: text)) }
        if let cached = ConfigCache.read(cache, for: bytes) { return (cached, sharing(in: text)) }
        let config = try decode(text, name: name)
        ConfigCache.write(config, for: bytes, to: cache)
        return (config, sharing(in: text))
    }

    /// `shared: group` or `shared: private` at the start of a line, else nil.
    static func sharing(in text: String) -> SharingMode? {
        for line in text.split(separator: "\n") where line.hasPrefix(sharedKey + ":") {
            return SharingMode(rawValue: line.dropFirst(sharedKey.count + 1).trimmedOfWhitespace)
        }
        return nil
    }

    static func decode(_ text: String, name: String) throws -> WorkspaceConfig {
        let config: WorkspaceConfig
        do {
            config = try YAMLDecoder().decode(WorkspaceConfig.self, from: text)
        } catch let error as DecodingError {
            throw StoreError.badConfiguration(file: name, reason: describe(error))
        } catch let error as YamlError {
            throw StoreError.badConfiguration(file: name, reason: "\(error)".replacingOccurrences(of: "\n", with: " "))
        } catch {
            throw StoreError.badConfiguration(file: name, reason: "\(error)")
        }
        let problems = config.problems()
        if !problems.isEmpty {
            throw StoreError.badConfiguration(file: name, reason: problems.joined(separator: "; "))
        }
        return config
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "top level" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context)): missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
