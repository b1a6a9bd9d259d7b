@testable import BoardMLflow
import Foundation
import Testing

@Suite("The MLflow bridge goes through the proxy the environment names, as curl did")
struct ProxyTests {
    private let https = URL(string: "https://mlflow.corp.example:443")!
    private let http = URL(string: "http://mlflow.corp.example:5000")!

    @Test("https_proxy for https, http_proxy for http, all_proxy else; HTTP_PROXY is ignored")
    func variables() throws {
        #expect(try HTTPProxy.forServer(https, environment: ["https_proxy": "http://p:3128"])?.host == "p")
        #expect(try HTTPProxy.forServer(https, environment: ["HTTPS_PROXY": "p2:8080"]) == HTTPProxy(host: "p2", port: 8080))
        #expect(try HTTPProxy.forServer(http, environment: ["http_proxy": "http://p:3128"])?.port == 3128)
        #expect(try HTTPProxy.forServer(http, environment: ["HTTP_PROXY": "http://p:3128"]) == nil)
        #expect(try HTTPProxy.forServer(http, environment: ["all_proxy": "http://p"])?.port == 1080)
        #expect(try HTTPProxy.forServer(https, environment: ["http_proxy": "http://p:3128"]) == nil)
        let withUser = try HTTPProxy.forServer(https, environment: ["https_proxy": "http://ana:s3cret@p:3128"])
        #expect(withUser?.user == "ana" && withUser?.password == "s3cret")
    }

    @Test("no_proxy: a star, the host, or a domain and its subdomains, with or without a dot")
    func bypass() throws {
        let proxy = ["https_proxy": "http://p:3128"]
        for noProxy in ["*", "mlflow.corp.example", "corp.example", ".corp.example", "localhost, corp.example"] {
            #expect(try HTTPProxy.forServer(https, environment: proxy.merging(["no_proxy": noProxy]) { $1 }) == nil, "\(noProxy)")
        }
        for noProxy in ["other.example", "orp.example", "mlflow.corp.example.org"] {
            #expect(try HTTPProxy.forServer(https, environment: proxy.merging(["NO_PROXY": noProxy]) { $1 }) != nil, "\(noProxy)")
        }
    }

    @Test("a proxy that is not http:// is refused, naming the variable, without its password")
    func unsupported() {
        let error = #expect(throws: MLflowError.self) {
            _ = try MLflowConnection.resolve(trackingURI: "https://mlflow.corp.example", environment: ["https_proxy": "socks5://ana:s3cret@p:1080"])
        }
        #expect(error?.description.contains("https_proxy") == true)
        #expect(error?.description.contains("s3cret") == false)
    }

    @Test("a proxy that refuses the connection is named in the error, so it is not taken for the server")
    func refusingProxy() throws {
        let port = try MLflowServer.freePort()  // bound, read and let go: nothing listens there
        let connection = try MLflowConnection.resolve(
            trackingURI: "http://mlflow.invalid:5000", environment: ["http_proxy": "http://127.0.0.1:\(port)"])
        let error = #expect(throws: MLflowError.self) { _ = try MLflowClient(connection: connection, timeout: 10).registeredModels() }
        guard case .unreachable(_, _, let reason)? = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(reason == "connection refused (through the proxy 127.0.0.1:\(port))")
    }

    @Test("requests reach the server through the proxy: a real HTTP proxy on loopback sees them")
    func throughAProxy() throws {
        let proxy = try RecordingProxy()
        defer { proxy.stop() }
        let connection = try MLflowConnection.resolve(
            trackingURI: "http://mlflow.invalid:5000", environment: ["http_proxy": "http://127.0.0.1:\(proxy.port)"])
        let models = try MLflowClient(connection: connection, timeout: 10).registeredModels()
        #expect(models.isEmpty)
        let requests = proxy.stop()
        #expect(requests.first == "CONNECT mlflow.invalid:5000 HTTP/1.1", "\(requests)")
        #expect(requests.dropFirst().first?.hasPrefix("GET /api/2.0/mlflow/registered-models/search") == true, "\(requests)")
    }
}

/// An HTTP proxy in Python on a loopback port that prints each request line it gets. It accepts a
/// CONNECT tunnel, as a proxy does, but answers what comes through it itself, with an empty list
/// of registered models, instead of reaching the server named.
private final class RecordingProxy {
    let port: Int
    private let process = Process()
    private let output = Pipe()

    init() throws {
        port = try MLflowServer.freePort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script, "\(port)"]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var tries = 0
        while httpStatus(of: URL(string: "http://127.0.0.1:\(port)/ready")!, seconds: 1) == nil && tries < 100 {
            tries += 1
            usleep(50_000)
        }
    }

    /// Asks the proxy to stop (it ends itself, so a launcher in between, such as a pyenv shim,
    /// cannot keep it running) and returns the request lines it saw, its own ones left out.
    @discardableResult
    func stop() -> [String] {
        guard !stopped else { return [] }
        stopped = true
        _ = httpStatus(of: URL(string: "http://127.0.0.1:\(port)/stop")!, seconds: 5)
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\n").map(String.init).filter { !$0.contains("/ready") && !$0.contains("/stop") }
    }

    private var stopped = false

    private static let script = """
        import http.server, sys, threading
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_CONNECT(self):
                sys.stdout.write(self.requestline + "\\n")
                sys.stdout.flush()
                self.send_response(200, "Connection established")
                self.end_headers()
                self.close_connection = False
            def do_GET(self):
                if self.path.endswith("/stop"):
                    threading.Thread(target=self.server.shutdown).start()
                sys.stdout.write(self.requestline + "\\n")
                sys.stdout.flush()
                body = b'{"registered_models": []}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *arguments):
                pass
        http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
        """
}
