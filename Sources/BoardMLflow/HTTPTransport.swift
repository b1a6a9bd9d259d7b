import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

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

    /// The answer, whatever its status (a 401 or a 404 is an answer); an error only when no answer
    /// came: the connection failed, broke, or the deadline passed.
    func send(_ request: Request) -> Result<Answer, any Error> {
        do {
            let outgoing = try HTTPClient.Request(
                url: request.url, method: HTTPMethod(rawValue: request.method), headers: HTTPHeaders(request.headers),
                body: request.body.map { .bytes($0) })
            let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1000))
            let response = try Self.client.execute(request: outgoing, deadline: deadline).wait()
            let body = response.body.map { Data($0.readableBytesView) } ?? Data()
            return .success(Answer(status: Int(response.status.code), body: body))
        } catch {
            return .failure(error)
        }
    }

    /// One client for the process, never shut down. A refused connection fails the request at
    /// once: by default the pool would try again until the deadline, so a stopped server took
    /// the whole timeout to be reported unreachable.
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
