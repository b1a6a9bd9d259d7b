@testable import BoardMLflow
import Foundation

/// The status a URL answers with, or nil when nothing answered within `seconds`: how the
/// harness asks whether the package index or a test's MLflow server is there. It goes through
/// the bridge's own transport.
func httpStatus(of url: URL, method: String = "GET", seconds: TimeInterval) -> Int? {
    let request = HTTPTransport.Request(method: method, url: url, headers: [])
    return try? HTTPTransport(timeout: seconds).send(request).get().status
}
