import TestSupport
import Testing

/// Every suite that talks to a PostgreSQL server runs under this one, one test at a time: they
/// share one cluster, the machine has two cores, and tests that stop the server or end another
/// client's connection must not run beside the ones that time their waits on it.
@Suite("PostgreSQL server tests", .serialized, .timeLimit(.minutes(3)))
struct PostgresServerTests {}

/// The database a test's postgresql:// URL names.
func database(of url: String) -> String { String(url.split(separator: "/").last ?? "") }
