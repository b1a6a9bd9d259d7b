import CPosix
import Foundation
import Glibc

/// Looks over a data directory as a shared workspace needs it: every file what its name
/// says (no links, FIFOs or hard links), modes and groups that let every member write,
/// setgid and sticky folders, no leftovers, room for the journal's reserve, working locks, and
/// no standing rollback alarm. Reads only, unless asked to `fix` what is safe.
public enum WorkspaceDoctor {
    public static func examine(
        _ directory: DataDirectory, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> [DoctorFinding] {
        let folder = try WorkspaceFolder.open(directory.path)
        let recorded = (try? ConfigFile.read(from: folder))?.sharing
        let sharing = recorded ?? (folder.isShared ? .group : .private)
        var findings = DoctorChecks(folder: folder, sharing: sharing)
        findings.checkFolder(recorded: recorded)
        findings.checkFile(DataDirectory.configName, required: true)
        findings.checkFile(DataDirectory.journalName, required: true)
        findings.checkFile(LockHolderFile.name, required: false)
        findings.checkFile(WriterQueue.name, required: false)
        for name in [DataDirectory.presenceName, DataDirectory.tornTailsName] { findings.checkSubfolder(name) }
        findings.checkLeftovers()
        findings.checkFreeSpace()
        findings.checkLocks()
        if let store = try? WorkspaceStore.open(directory, environment: environment) {
            findings.checkSigning(store)
        }
        let seen = SeenMarker.files(for: directory, environment: environment)
        if let alarm = HeadAlarm.current(in: seen) {
            findings.add(directory.journalURL.path, alarm + " (seen by this machine)",
                         advice: "compare the journal with a backup; once it is right, run 'mlboard verify --accept-head'")
        }
        return findings.found
    }

    /// Carries out the safe repairs of `findings`, and says for each what happened.
    public static func fix(_ findings: [DoctorFinding], in directory: DataDirectory) throws -> [DoctorFinding] {
        let folder = try WorkspaceFolder.open(directory.path)
        return findings.map { finding in
            guard let repair = finding.repair else { return finding }
            var done = finding
            done.repaired = DoctorRepairs.carryOut(repair, on: finding.path, in: folder)
            return done
        }
    }
}
