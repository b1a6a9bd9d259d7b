import BoardCore
import Foundation
import Yams

/// The workspace configuration as a YAML file people may edit.
enum ConfigFile {
    static let header = """
        # mlboard workspace configuration. Lists may be renamed, extended or shortened;
        # names already used by projects keep working as recorded in the journal.

        """

    static func write(_ config: WorkspaceConfig, to url: URL) throws {
        let yaml = try YAMLEncoder().encode(config)
        try AtomicFile.write(Data((header + yaml).utf8), to: url)
    }

    static func read(from url: URL) throws -> WorkspaceConfig {
        let name = url.lastPathComponent
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) {
                throw StoreError.notFound("\(url.deletingLastPathComponent().path) has no \(name)")
            }
            throw StoreError.badConfiguration(file: name, reason: "cannot be read as UTF-8 text")
        }
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
