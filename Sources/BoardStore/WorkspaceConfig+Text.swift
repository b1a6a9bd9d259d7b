import BoardCore
import Yams

/// The configuration as the text of workspace.yml, for stores that keep it elsewhere than a
/// folder (a database row): written and checked exactly as the folder's file.
extension WorkspaceConfig {
    public func yamlText() throws -> String {
        ConfigFile.header + (try YAMLEncoder().encode(self))
    }

    /// Reads and checks the text; a problem names `source`, the place the text came from.
    public init(yamlText text: String, source: String) throws {
        self = try ConfigFile.decode(text, name: source)
    }
}
