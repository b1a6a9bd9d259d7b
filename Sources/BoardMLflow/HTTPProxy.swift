import Foundation

/// The HTTP proxy a request to the tracking server goes through, read from the environment as
/// curl reads it (URLSession on Linux went through curl, so this is what the bridge always did):
/// `https_proxy` (or `HTTPS_PROXY`) for an https server, `http_proxy` for an http one (curl
/// ignores `HTTP_PROXY`, which a CGI request can set), else `all_proxy` (or `ALL_PROXY`); none
/// when the server's host is in `no_proxy` (or `NO_PROXY`): `*`, a host, or a domain that
/// matches itself and its subdomains. Requests go through the proxy in a CONNECT tunnel, as
/// AsyncHTTPClient sends them, also to an http:// server (curl sent those in plain form).
struct HTTPProxy: Hashable, Sendable {
    var host: String
    var port: Int
    var user: String?
    var password: String?

    static func forServer(_ server: URL, environment: [String: String]) throws -> HTTPProxy? {
        let isHTTPS = server.scheme?.lowercased() == "https"
        let names = isHTTPS ? ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] : ["http_proxy", "all_proxy", "ALL_PROXY"]
        guard let name = names.first(where: { environment[$0]?.isEmpty == false }), let value = environment[name] else { return nil }
        if let host = server.host?.lowercased(), bypasses(host, noProxy: environment["no_proxy"] ?? environment["NO_PROXY"] ?? "") {
            return nil
        }
        return try parse(value, variable: name)
    }

    /// `http://[user:password@]host[:port]`, or `host[:port]`; curl's default port is 1080.
    static func parse(_ value: String, variable: String) throws -> HTTPProxy {
        let text = value.contains("://") ? value : "http://" + value
        guard let parts = URLComponents(string: text), let host = parts.host, !host.isEmpty else {
            throw MLflowError.configuration("\(variable) '\(MLflowConnection.withoutCredentials(value))' is not a proxy URL")
        }
        guard parts.scheme?.lowercased() == "http" else {
            throw MLflowError.configuration(
                "\(variable) '\(MLflowConnection.withoutCredentials(value))': only http:// proxies are supported; unset it or name an http:// proxy")
        }
        return HTTPProxy(host: host, port: parts.port ?? 1080, user: parts.user, password: parts.password)
    }

    private static func bypasses(_ host: String, noProxy: String) -> Bool {
        noProxy.split(separator: ",").contains { entry in
            let domain = entry.trimmingCharacters(in: .whitespaces).lowercased()
            if domain == "*" { return true }
            let bare = domain.hasPrefix(".") ? String(domain.dropFirst()) : domain
            return !bare.isEmpty && (host == bare || host.hasSuffix("." + bare))
        }
    }
}
