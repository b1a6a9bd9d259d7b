/// Why talking to the MLflow server failed. Every message names what was asked of which path.
public enum MLflowError: Error, CustomStringConvertible, Equatable {
    /// The tracking URI or credentials are missing or malformed.
    case configuration(String)
    /// The server could not be reached (refused, reset, timed out).
    case unreachable(method: String, path: String, reason: String)
    /// The server answered with an error status; `code` is MLflow's error_code when it gave one.
    case status(method: String, path: String, status: Int, code: String?, message: String?)
    /// The answer was not the JSON the API describes.
    case malformed(path: String, reason: String)

    public var description: String {
        switch self {
        case .configuration(let text):
            return text
        case .unreachable(let method, let path, let reason):
            return "MLflow server unreachable: \(method) \(path): \(reason)"
        case .status(let method, let path, let status, let code, let message):
            let detail = [code, message].compactMap { $0 }.joined(separator: ": ")
            let hint = status == 401 || status == 403
                ? " (check MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD)" : ""
            return "MLflow server answered \(method) \(path) with HTTP \(status)" + (detail.isEmpty ? "" : ": \(detail)") + hint
        case .malformed(let path, let reason):
            return "MLflow server's answer to \(path) is not what the API describes: \(reason)"
        }
    }

    /// Whether the server said this endpoint does not exist (a server without stages, say).
    var isEndpointMissing: Bool {
        if case .status(_, _, let status, let code, _) = self {
            return status == 404 && (code == nil || code == "ENDPOINT_NOT_FOUND")
        }
        return false
    }
}
