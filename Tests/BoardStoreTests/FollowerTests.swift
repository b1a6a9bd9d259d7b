import TestSupport
import BoardCore
import BoardStore
import Foundation
import Synchronization
import Testing

@Suite("Changes reach other processes' subscribers")
struct FollowerTests {
    final class Inbox: Sendable {
        let records = Mutex<[EventRecord]>([])
        let arrived = DispatchSemaphore(value: 0)
    }

    @Test("another process's commit reaches this process's subscriber", arguments: [true, false])
    func followOtherProcess(inotify: Bool) throws {
        let workspace = try TestWorkspace(name: "follow\(inotify)")
        defer { workspace.cleanUp() }
        let store = try workspace.open()
        let inbox = Inbox()
        let follower = JournalFollower(
            directory: workspace.directory, after: store.position, useInotify: inotify, pollInterval: 0.2,
            onRecords: { records in
                inbox.records.withLock { $0 += records }
                inbox.arrived.signal()
            })
        follower.start()
        defer { follower.stop() }
        if inotify { #expect(follower.usesInotify) }

        let (status, _) = try Binary.run(
            ["debug-append", "--project", TestWorkspace.project, "--count", "3", "--tag", "remote"],
            environment: workspace.environment)
        #expect(status == 0)
        let deadline = Date().addingTimeInterval(20)
        while inbox.records.withLock({ $0.count }) < 3 && Date() < deadline {
            _ = inbox.arrived.wait(timeout: .now() + 1)
        }
        let bodies = inbox.records.withLock { records in
            records.compactMap { record -> String? in
                if case .commented(let comment) = record.event { return comment.body }
                return nil
            }
        }
        #expect(bodies == ["remote 1", "remote 2", "remote 3"])
    }

    @Test("refresh picks up what another writer appended")
    func refreshSeesOthers() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let reader = try workspace.open()
        try workspace.comment(2)
        let fresh = try reader.refresh()
        #expect(fresh.count == 2)
        #expect(try reader.allComments().count == 2)
        #expect(try reader.refresh().isEmpty)
    }
}
