import BoardCore
import BoardPostgres
import BoardStore
import Foundation

/// A client of a database workspace that opened from this user's snapshot asks for one thread
/// of comments, as the dashboard does when a project's detail is shown: how long the first
/// question takes, how long the same question takes again, and how much the client's peak
/// memory grew. Asked of a project with a handful of comments, in a workspace whose other
/// comments (nearly every event) are all on one other project.
enum PostgresCommentsBench {
    static let target = CommentTarget.project("churn-prediction")  // a project of the demo's own

    static func run(_ location: PostgresLocation, cache: URL, quick: Bool) throws {
        let clients = quick ? 10 : 60
        var first: [Double] = []
        var again: [Double] = []
        var growth: [Double] = []
        var count = 0
        for _ in 0..<clients {
            let (status, output) = Child.spawn(selfPath, ["child-pg-comments", PostgresFixtures.url(location), cache.path]).wait()
            guard status == 0 else { throw BenchFailure(description: "the comments client failed (\(status)): \(output.suffix(500))") }
            let values = parseChild(output)
            func number(_ key: String) throws -> Double {
                guard let value = values[key]?.first.flatMap(Double.init) else {
                    throw BenchFailure(description: "the comments client did not report \(key): \(output.suffix(500))")
                }
                return value
            }
            first.append(try number("first"))
            again.append(try number("again"))
            growth.append((try number("rssAfter") - number("rssBefore")) / 1024)
            count = Int(try number("count"))
        }
        guard count > 0 else { throw BenchFailure(description: "\(target) has no comments in the fixture") }
        let (firstSamples, againSamples, growthSamples) = (Samples(first), Samples(again), Samples(growth))
        var table = Table(
            title: "PostgreSQL: a client opened from its snapshot asks for the \(count) comments on \(target) (\(clients) clients, one process each)",
            header: ["question", "clients", "median ms", "p99 ms", "peak RSS growth MB, median", "max"])
        table.add(["the first", "\(firstSamples.count)", fmtMillis(firstSamples.median), fmtMillis(firstSamples.p99),
                   fmt(growthSamples.median), fmt(growthSamples.percentile(100))])
        table.add(["the same again", "\(againSamples.count)", fmt(againSamples.median / 1000, 3), fmt(againSamples.p99 / 1000, 3), "-", "-"])
        table.print()
    }

    /// Child: opens with this user's cache at the second argument, asks for the thread twice,
    /// and reports each question's microseconds and the peak RSS before and after.
    static func child(_ arguments: [String]) throws {
        var environment = PostgresFixtures.environment
        environment["XDG_CACHE_HOME"] = arguments[1]
        let store = try PostgresWorkspaceStore.open(try PostgresLocation(url: arguments[0]), environment: environment)
        guard store.openedFromSnapshot != nil else { fatalError("the client did not open from its snapshot") }
        let before = peakRSSKilobytes()
        let start = nowNanos()
        let thread = try store.comments(on: target)
        let asked = nowNanos()
        _ = try store.comments(on: target)
        let askedAgain = nowNanos()
        print("""
            first \(Double(asked - start) / 1000)
            again \(Double(askedAgain - asked) / 1000)
            rssBefore \(before)
            rssAfter \(peakRSSKilobytes())
            count \(thread.count)
            """)
    }
}
