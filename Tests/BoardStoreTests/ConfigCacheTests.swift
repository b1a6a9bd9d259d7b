import TestSupport
import BoardCore
@testable import BoardStore
import Foundation
import Testing

@Suite("The configuration cached beside the snapshot")
struct ConfigCacheTests {
    private func configText(_ workspace: TestWorkspace) throws -> String {
        try String(contentsOf: workspace.directory.url.appendingPathComponent(DataDirectory.configName), encoding: .utf8)
    }

    private func writeConfig(_ text: String, _ workspace: TestWorkspace) throws {
        try text.write(to: workspace.directory.url.appendingPathComponent(DataDirectory.configName), atomically: true, encoding: .utf8)
    }

    @Test("an open caches the decoded configuration, and the next open reads the same from it")
    func cachedAndReused() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let decoded = try workspace.open().state.config
        let cache = ConfigCache.url(besideSnapshot: SnapshotCache.url(for: workspace.directory, environment: workspace.environment))
        #expect(ConfigCache.read(cache, for: Array(try configText(workspace).utf8)) == decoded)
        #expect(try workspace.open().state.config == decoded)
    }

    @Test("an edited configuration file is decoded anew, never taken from the cache")
    func editSeenAtOnce() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        #expect(try workspace.open().state.config.name == "Test")
        let text = try configText(workspace)
        #expect(text.contains("\nname: Test\n"))
        try writeConfig(text.replacingOccurrences(of: "\nname: Test\n", with: "\nname: Renamed\n"), workspace)
        #expect(try workspace.open().state.config.name == "Renamed")
    }

    @Test("a cache entry that is damaged or made for other text is ignored")
    func badEntryIgnored() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let decoded = try workspace.open().state.config
        let cache = ConfigCache.url(besideSnapshot: SnapshotCache.url(for: workspace.directory, environment: workspace.environment))
        var other = decoded
        other.name = "Planted"
        ConfigCache.write(other, for: Array("name: Planted\n".utf8), to: cache)
        #expect(try workspace.open().state.config == decoded)
        var bytes = [UInt8](try Data(contentsOf: cache))
        bytes.removeLast(3)
        try Data(bytes).write(to: cache)
        #expect(ConfigCache.read(cache, for: Array(try configText(workspace).utf8)) == nil)
        #expect(try workspace.open().state.config == decoded)
    }
}
