import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// One HTTP exchange, synchronously: the bridge runs from the command line, one call at a time.
struct HTTPTransport: Sendable {
    struct Request: Sendable {
        var method: String
        var url: URL
        var headers: [(String, String)]
        var body: Data?
    }

    struct Answer: Sendable {
        var status: Int
        var body: Data
    }

    var timeout: TimeInterval = 30
    /// The proxy to go through, or nil to connect to the server directly.
    var proxy: HTTPProxy? = nil

    /// The answer, whatever its status (a 401 or a 404 is an answer); an error only when no answer
    /// came: the connection failed, broke, or the deadline passed.
    func send(_ request: Request) -> Result<Answer, any Error> {
        do {
            let outgoing = try HTTPClient.Request(
                url: request.url, method: HTTPMethod(rawValue: request.method), headers: HTTPHeaders(request.headers),
                body: request.body.map { .bytes($0) })
            let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1000))
            let response = try Self.client(through: proxy).execute(request: outgoing, deadline: deadline).wait()
            let body = response.body.map { Data($0.readableBytesView) } ?? Data()
            return .success(Answer(status: Int(response.status.code), body: body))
        } catch {
            return .failure(error)
        }
    }

    /// One client per proxy (and one without) for the process, never shut down. A refused
    /// connection fails the request at once: by default the pool would try again until the
    /// deadline, so a stopped server took the whole timeout to be reported unreachable.
    private static func client(through proxy: HTTPProxy?) -> HTTPClient {
        clients.withLock { clients in
            if let client = clients[proxy] { return client }
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool.retryConnectionEstablishment = false
            if let proxy {
                let authorization = proxy.user.map { HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "") }
                configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
            }
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            clients[proxy] = client
            return client
        }
    }

    private static let clients = Mutex<[HTTPProxy?: HTTPClient]>([:])
}
