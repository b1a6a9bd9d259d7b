import TestSupport
import Foundation
import Testing

@Suite("mlboard hooks run, through the real binary with shell scripts as hooks")
struct HookCommandTests {
    /// A team workspace, HOOK_ROOT naming its folder for the scripts, and the sequences of its
    /// events by type, as `log --json` gives them.
    private static func workspace(name: String = #function) throws -> CLIHarness {
        var cli = try CLIHarness.withTeam(name: name)
        cli.environment["HOOK_ROOT"] = cli.root.path
        return cli
    }

    private static func sequences(of type: String, in cli: CLIHarness) throws -> [Int] {
        try logLines(cli).filter { $0["type"] as? String == type }.compactMap { $0["seq"] as? Int }
    }

    private static func logLines(_ cli: CLIHarness) throws -> [[String: Any]] {
        let outcome = try cli.run("log", "--json")
        return try outcome.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    private static func writeScript(_ name: String, _ body: String, in cli: CLIHarness) throws -> String {
        let url = cli.root.appendingPathComponent(name)
        try ("#!/bin/sh\n" + body + "\n").write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }

    private static func writeConfig(_ text: String, in cli: CLIHarness) throws {
        let folder = cli.root.appendingPathComponent("config/mlboard")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    private static func lines(of file: String, in cli: CLIHarness) -> [String] {
        let text = (try? String(contentsOf: cli.root.appendingPathComponent(file), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    @Test("a hook that fails twice then succeeds runs exactly once to completion per event; a second run runs nothing")
    func flakyHookRunsOncePerEvent() throws {
        let cli = try Self.workspace()
        defer { cli.cleanUp() }
        let script = try Self.writeScript("flaky.sh", """
            counter="$HOOK_ROOT/tries-$MLBOARD_EVENT_SEQ"
            tries=$(( $(cat "$counter" 2>/dev/null || echo 0) + 1 ))
            echo "$tries" > "$counter"
            [ "$tries" -ge 3 ] || exit 1
            echo "$MLBOARD_EVENT_SEQ" >> "$HOOK_ROOT/finished"
            """, in: cli)
        try Self.writeConfig("""
            [[hooks]]
            name = "flaky"
            events = ["stakeholderAdded"]
            command = "\(script)"
            """, in: cli)
        let added = try Self.sequences(of: "stakeholderAdded", in: cli)
        #expect(added.count >= 2)

        let first = try cli.run("hooks", "run")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(Self.lines(of: "finished", in: cli) == added.map(String.init))
        for sequence in added { #expect(Self.lines(of: "tries-\(sequence)", in: cli) == ["3"]) }
        #expect(first.stderr.contains("trying again"))

        let second = try cli.run("hooks", "run")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(Self.lines(of: "finished", in: cli) == added.map(String.init))
        for sequence in added { #expect(Self.lines(of: "tries-\(sequence)", in: cli) == ["3"]) }

        try cli.expectSuccess("stakeholder", "add", "dan", "--name", "Dan", "--role", "business analyst", as: "ada")
        let newest = try Self.sequences(of: "stakeholderAdded", in: cli).last ?? 0
        let third = try cli.run("hooks", "run")
        #expect(third.status == 0, "\(third.stderr)")
        #expect(Self.lines(of: "finished", in: cli) == (added + [newest]).map(String.init))
    }

    @Test("the event arrives as log --json prints it, with the MLBOARD_* variables; other event types do not run it")
    func eventJSONAndVariables() throws {
        let cli = try Self.workspace()
        defer { cli.cleanUp() }
        let script = try Self.writeScript("capture.sh", """
            cat > "$HOOK_ROOT/event-$MLBOARD_EVENT_SEQ.json"
            env | grep '^MLBOARD_' | sort > "$HOOK_ROOT/env-$MLBOARD_EVENT_SEQ"
            printf 'captured \\033[2J\\n'
            """, in: cli)
        try Self.writeConfig("""
            theme = "light"
            [[hooks]]
            name = "capture"
            events = ["projectCreated"]
            command = "\(script)"
            """, in: cli)
        let outcome = try cli.run("hooks", "run")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("captured"))
        #expect(!outcome.stdout.contains("\u{1B}"), "the hook's output reaches the terminal sanitised")

        let created = try Self.sequences(of: "projectCreated", in: cli)
        #expect(created.count == 1)
        let sequence = created.first ?? -1
        let captured = try FileManager.default.contentsOfDirectory(atPath: cli.root.path).filter { $0.hasPrefix("event-") }
        #expect(captured == ["event-\(sequence).json"])

        let logged = try Self.logLines(cli).first { $0["seq"] as? Int == sequence } ?? [:]
        let data = (try? Data(contentsOf: cli.root.appendingPathComponent("event-\(sequence).json"))) ?? Data()
        let received = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        #expect(NSDictionary(dictionary: received).isEqual(to: logged))
        #expect(received["type"] as? String == "projectCreated")

        let variables = Self.lines(of: "env-\(sequence)", in: cli)
        #expect(variables.contains("MLBOARD_EVENT_TYPE=projectCreated"))
        #expect(variables.contains("MLBOARD_EVENT_SEQ=\(sequence)"))
        #expect(variables.contains("MLBOARD_ACTOR=ada"))
        #expect(variables.contains("MLBOARD_HOOK=capture"))
        let directory = variables.first { $0.hasPrefix("MLBOARD_DIR=") }.map { String($0.dropFirst("MLBOARD_DIR=".count)) } ?? ""
        #expect(URL(fileURLWithPath: directory).resolvingSymlinksInPath() == cli.dataDirectory.resolvingSymlinksInPath())
    }

    @Test("a journal rewritten below a hook's position is refused, not re-run or skipped")
    func rewrittenHistoryIsRefused() throws {
        let cli = try Self.workspace()
        defer { cli.cleanUp() }
        let script = try Self.writeScript("count.sh", #"echo "$MLBOARD_EVENT_SEQ" >> "$HOOK_ROOT/ran""#, in: cli)
        try Self.writeConfig("[[hooks]]\nname = \"count\"\ncommand = \"\(script)\"\n", in: cli)
        try cli.expectSuccess("hooks", "run")
        let ran = Self.lines(of: "ran", in: cli)
        #expect(!ran.isEmpty)

        let hooksFolder = cli.root.appendingPathComponent("state/mlboard/hooks")
        let key = try FileManager.default.contentsOfDirectory(atPath: hooksFolder.path).first ?? ""
        let position = hooksFolder.appendingPathComponent(key).appendingPathComponent("count.position")
        let saved = try String(contentsOf: position, encoding: .utf8)
        #expect(saved.contains("\"sequence\":\(ran.last ?? "")"))
        let forged = saved.replacingOccurrences(of: #""hash":"[0-9a-f]{64}""#, with: "\"hash\":\"\(String(repeating: "a", count: 64))\"", options: .regularExpression)
        try forged.write(to: position, atomically: true, encoding: .utf8)

        let refused = try cli.run("hooks", "run")
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("history was rewritten"))
        #expect(Self.lines(of: "ran", in: cli) == ran)
    }

    @Test("a hook that always fails stops at its event and is reported (exit 4) while another hook completes its events")
    func failingHookStopsOthersGoOn() throws {
        let cli = try Self.workspace()
        defer { cli.cleanUp() }
        let good = try Self.writeScript("good.sh", #"echo "$MLBOARD_EVENT_SEQ" >> "$HOOK_ROOT/good""#, in: cli)
        let broken = try Self.writeScript("broken.sh", #"echo "$MLBOARD_EVENT_SEQ" >> "$HOOK_ROOT/broken"; exit 7"#, in: cli)
        try Self.writeConfig("""
            [[hooks]]
            name = "broken"
            events = ["stakeholderAdded"]
            command = "\(broken)"

            [[hooks]]
            name = "good"
            command = "\(good)"
            """, in: cli)
        let firstAdded = try Self.sequences(of: "stakeholderAdded", in: cli).first ?? -1
        let all = try Self.logLines(cli).compactMap { $0["seq"] as? Int }

        let outcome = try cli.run("hooks", "run")
        #expect(outcome.status == 4)
        #expect(outcome.stderr.contains("hook 'broken' failed on event #\(firstAdded)"))
        #expect(outcome.stderr.contains("exit status 7"))
        #expect(Self.lines(of: "broken", in: cli) == Array(repeating: String(firstAdded), count: 4))
        #expect(Self.lines(of: "good", in: cli) == all.map(String.init))
    }

    @Test("--follow runs the hooks for events that land while it runs, and a later run does not repeat them")
    func followRunsNewEvents() throws {
        let cli = try Self.workspace()
        defer { cli.cleanUp() }
        let script = try Self.writeScript("count.sh", #"echo "$MLBOARD_EVENT_SEQ" >> "$HOOK_ROOT/ran""#, in: cli)
        try Self.writeConfig("[[hooks]]\nname = \"added\"\nevents = [\"stakeholderAdded\"]\ncommand = \"\(script)\"\n", in: cli)
        let before = try Self.sequences(of: "stakeholderAdded", in: cli).map(String.init)

        let follower = Process()
        follower.executableURL = CLIHarness.binary
        follower.arguments = ["hooks", "run", "--follow"]
        follower.environment = cli.environment
        follower.currentDirectoryURL = cli.root
        follower.standardInput = FileHandle.nullDevice
        follower.standardOutput = FileHandle.nullDevice
        follower.standardError = FileHandle.nullDevice
        try follower.run()
        defer { if follower.isRunning { follower.terminate() } }
        #expect(Self.waitFor { Self.lines(of: "ran", in: cli) == before })

        try cli.expectSuccess("stakeholder", "add", "dan", "--name", "Dan", "--role", "business analyst", as: "ada")
        try cli.expectSuccess("comment", "--project", "churn", "not a stakeholder event", as: "ada")
        let after = try Self.sequences(of: "stakeholderAdded", in: cli).map(String.init)
        #expect(after.count == before.count + 1)
        #expect(Self.waitFor { Self.lines(of: "ran", in: cli) == after })
        follower.terminate()
        follower.waitUntilExit()

        let again = try cli.run("hooks", "run")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(Self.lines(of: "ran", in: cli) == after)
    }

    @Test("two runs at once by the same user run each event once: one waits for the other's saved position")
    func concurrentRunsDoNotRepeatEvents() throws {
        let cli = try Self.workspace()
        defer { cli.cleanUp() }
        let script = try Self.writeScript("slow.sh", #"sleep 0.2; echo "$MLBOARD_EVENT_SEQ" >> "$HOOK_ROOT/ran""#, in: cli)
        try Self.writeConfig("[[hooks]]\nname = \"slow\"\ncommand = \"\(script)\"\n", in: cli)
        let all = try Self.logLines(cli).compactMap { $0["seq"] as? Int }.map(String.init)

        let runs = (0..<2).map { _ in Process() }
        for run in runs {
            run.executableURL = CLIHarness.binary
            run.arguments = ["hooks", "run"]
            run.environment = cli.environment
            run.currentDirectoryURL = cli.root
            run.standardOutput = FileHandle.nullDevice
            run.standardError = FileHandle.nullDevice
            try run.run()
        }
        for run in runs {
            run.waitUntilExit()
            #expect(run.terminationStatus == 0)
        }
        #expect(Self.lines(of: "ran", in: cli) == all)
    }

    /// Polls until `condition` holds, giving up after a generous while (not a timing assertion).
    private static func waitFor(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    @Test("an unknown event type in config.toml is an error naming the field, and nothing runs")
    func unknownEventTypeIsRefused() throws {
        let cli = try Self.workspace()
        defer { cli.cleanUp() }
        let script = try Self.writeScript("count.sh", #"echo "$MLBOARD_EVENT_SEQ" >> "$HOOK_ROOT/ran""#, in: cli)
        try Self.writeConfig("""
            [[hooks]]
            name = "typo"
            events = ["stageChangd"]
            command = "\(script)"

            [[hooks]]
            name = "typo"
            """, in: cli)
        let outcome = try cli.run("hooks", "run")
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("field 'events' names unknown event type 'stageChangd'"))
        #expect(outcome.stderr.contains("field 'command' is missing"))
        #expect(Self.lines(of: "ran", in: cli).isEmpty)
    }
}
