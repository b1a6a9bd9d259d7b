import Foundation

/// Where the MLflow tracking server is and how to sign in, taken as MLflow's own clients take
/// it: the tracking URI (flag, else MLFLOW_TRACKING_URI), then MLFLOW_TRACKING_TOKEN as a bearer
/// token, else MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD (or the URI's user:password@)
/// as basic authentication.
public struct MLflowConnection: Sendable {
    public enum Credentials: Sendable, Equatable {
        case none
        case bearer(String)
        case basic(user: String, password: String)
    }

    /// The server's base URL, without user information.
    public var baseURL: URL
    public var credentials: Credentials
    /// The proxy the environment names for this server, if any (see HTTPProxy).
    var proxy: HTTPProxy?

    public init(baseURL: URL, credentials: Credentials = .none) {
        self.baseURL = baseURL
        self.credentials = credentials
    }

    public static func resolve(trackingURI flag: String?, environment: [String: String]) throws -> MLflowConnection {
        guard let text = flag ?? environment["MLFLOW_TRACKING_URI"], !text.isEmpty else {
            throw MLflowError.configuration("no tracking server: give --tracking-uri or set MLFLOW_TRACKING_URI")
        }
        guard var parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(),
              scheme == "http" || scheme == "https", parts.host?.isEmpty == false
        else {
            throw MLflowError.configuration("tracking URI '\(Self.withoutCredentials(text))' is not an http(s) URL of a tracking server")
        }
        let userInURI = parts.user.map { (user: $0, password: parts.password ?? "") }
        parts.user = nil
        parts.password = nil
        parts.query = nil
        parts.fragment = nil
        guard let url = parts.url else { throw MLflowError.configuration("tracking URI '\(Self.withoutCredentials(text))' is not a URL") }
        let credentials: Credentials
        if let token = environment["MLFLOW_TRACKING_TOKEN"], !token.isEmpty {
            credentials = .bearer(token)
        } else if let user = environment["MLFLOW_TRACKING_USERNAME"], !user.isEmpty {
            credentials = .basic(user: user, password: environment["MLFLOW_TRACKING_PASSWORD"] ?? "")
        } else if let userInURI {
            credentials = .basic(user: userInURI.user, password: userInURI.password)
        } else {
            credentials = .none
        }
        var connection = MLflowConnection(baseURL: url, credentials: credentials)
        connection.proxy = try HTTPProxy.forServer(url, environment: environment)
        return connection
    }

    /// The tracking URI as it may be shown and recorded: no user, password, query or fragment.
    public var displayURI: String {
        let text = baseURL.absoluteString
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// `text` with anything between `://` and `@` removed, for messages about a URI that did not parse.
    static func withoutCredentials(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") else { return text }
        return String(text[..<scheme.upperBound]) + text[text.index(after: at)...]
    }

    var authorizationHeader: String? {
        switch credentials {
        case .none: nil
        case .bearer(let token): "Bearer \(token)"
        case .basic(let user, let password): "Basic \(Data("\(user):\(password)".utf8).base64EncodedString())"
        }
    }
}
