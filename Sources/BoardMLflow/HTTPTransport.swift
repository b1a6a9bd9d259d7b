import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP exchange, synchronously: the bridge runs from the command line, one call at a time.
struct HTTPTransport: Sendable {
    struct Answer: Sendable {
        var status: Int
        var body: Data
    }

    var timeout: TimeInterval = 30

    func send(_ request: URLRequest) -> Result<Answer, any Error> {
        var request = request
        request.timeoutInterval = timeout
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = Self.session.dataTask(with: request) { data, response, error in
            if let error {
                outcome.set(.failure(error))
            } else {
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                outcome.set(.success(Answer(status: status, body: data ?? Data())))
            }
            done.signal()
        }
        task.resume()
        done.wait()
        return outcome.get() ?? .failure(URLError(.unknown))
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        return URLSession(configuration: configuration)
    }()

    /// The completion handler's result, handed across threads under a lock.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Result<Answer, any Error>?

        func set(_ result: Result<Answer, any Error>) {
            lock.lock()
            value = result
            lock.unlock()
        }

        func get() -> Result<Answer, any Error>? {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }
}
