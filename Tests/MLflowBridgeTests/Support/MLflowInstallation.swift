import Foundation
import Testing

/// MLflow in a virtual environment under the temporary folder ($TMPDIR/.build-mlflow-venv),
/// installed from PyPI the first time and reused after: a marker file is written only once the
/// install finished, so a half-made environment is completed rather than trusted.
enum MLflowInstallation {
    static let version = "2.22.0"
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent(".build-mlflow-venv")
    static var python: URL { folder.appendingPathComponent("bin/python") }
    private static var marker: URL { folder.appendingPathComponent(".mlboard-installed-mlflow-auth-\(version)") }

    /// Whether the tests can have MLflow: it is installed already, or the package index answers.
    static let available: Bool = FileManager.default.fileExists(atPath: marker.path) || indexAnswers()

    static let skipMessage: Comment = """
        MLflow \(version) is not installed in \(folder.path) and the Python package index cannot be \
        reached, so the MLflow bridge tests against a real server are skipped
        """

    /// The environment's python, installing MLflow first when needed. An install that fails
    /// although the index answered is an error, not a reason to skip.
    static func prepare() throws -> URL {
        try installLock.withLock {
            if FileManager.default.fileExists(atPath: marker.path) { return python }
            if !FileManager.default.fileExists(atPath: python.path) {
                try runChecked(["python3", "-m", "venv", folder.path], what: "making the virtual environment (is python3-venv installed?)")
            }
            try runChecked([python.path, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"] + requirements,
                           what: "installing \(requirements.joined(separator: " "))")
            _ = FileManager.default.createFile(atPath: marker.path, contents: Data())
            return python
        }
    }

    /// With the basic-auth app's extra. MLflow 2.22's server imports a pool class SQLAlchemy 2.1
    /// no longer has, and its own requirement (below 3) lets pip choose 2.1.
    static let requirements = ["mlflow[auth]==\(version)", "sqlalchemy<2.1"]

    private static let installLock = NSLock()

    private static func runChecked(_ arguments: [String], what: String) throws {
        let result = try ProgramRun.run(arguments, environment: ProcessInfo.processInfo.environment)
        guard result.status == 0 else {
            throw HarnessFailure("\(what) failed with status \(result.status): \((result.output + result.errors).suffix(2_000))")
        }
    }

    /// One look at the package index pip would use (PIP_INDEX_URL, else PyPI).
    private static func indexAnswers() -> Bool {
        let base = ProcessInfo.processInfo.environment["PIP_INDEX_URL"] ?? "https://pypi.org/simple/"
        guard let url = URL(string: base.hasSuffix("/") ? base + "mlflow/" : base + "/mlflow/") else { return false }
        return httpStatus(of: url, method: "HEAD", seconds: 15).map { $0 < 500 } ?? false
    }
}

struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
