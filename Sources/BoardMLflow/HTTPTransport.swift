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
        request.setValue(UUID().uuidString, forHTTPHeaderField: requestIDHeader)
        let sent = request
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = Self.session.dataTask(with: sent) { data, response, error in
            if error != nil, let status = Self.challenges.declined(for: sent) {
                outcome.set(.success(Answer(status: status, body: Data())))
            } else if let error {
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
        return URLSession(configuration: configuration, delegate: challenges, delegateQueue: nil)
    }()

    private static let challenges = DeclinedChallenges()

    /// The credentials go in the Authorization header, so an authentication challenge is
    /// declined, and the request ends with the status that carried it (401), kept here by the
    /// request's `X-Request-Id`. Without a delegate, FoundationNetworking on Linux never
    /// finishes a request that meets a challenge; declining it ends the request as cancelled.
    private final class DeclinedChallenges: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        private let lock = NSLock()
        private var statuses: [String: Int] = [:]

        func urlSession(
            _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
            completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
        ) {
            if let id = task.originalRequest?.value(forHTTPHeaderField: requestIDHeader) {
                let status = (challenge.failureResponse as? HTTPURLResponse)?.statusCode ?? 401
                lock.withLock { statuses[id] = status }
            }
            completionHandler(.cancelAuthenticationChallenge, nil)
        }

        func declined(for request: URLRequest) -> Int? {
            guard let id = request.value(forHTTPHeaderField: requestIDHeader) else { return nil }
            return lock.withLock { statuses.removeValue(forKey: id) }
        }
    }

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

/// Tells a request's declined authentication challenge from others'.
private let requestIDHeader = "X-Request-Id"
