import AsyncHTTPClient
import BoardNetwork
import Foundation

/// A small client for the parts of MLflow's REST API 2.0 the bridge uses.
public struct MLflowClient: Sendable {
    public let connection: MLflowConnection
    private let transport: HTTPTransport
    /// Results per page asked of the search endpoints.
    var pageSize = 200

    public init(connection: MLflowConnection, timeout: TimeInterval = 30) {
        self.connection = connection
        self.transport = HTTPTransport(timeout: timeout, proxy: connection.proxy)
    }

    // MARK: Reading

    /// Every registered model, all pages.
    public func registeredModels() throws -> [MLflowRegisteredModel] {
        try allPages(path: "registered-models/search", items: "registered_models", query: [:])
    }

    /// Every version of the registered model `name`, all pages.
    public func modelVersions(of name: String) throws -> [MLflowModelVersion] {
        try allPages(path: "model-versions/search", items: "model_versions", query: ["filter": "name=\(Self.quotedInFilter(name))"])
    }

    /// One registered model with its aliases.
    public func registeredModel(named name: String) throws -> MLflowRegisteredModel {
        let answer: RegisteredModelAnswer = try call("GET", "registered-models/get", query: ["name": name])
        return answer.registeredModel
    }

    public func run(id: String) throws -> MLflowRun {
        let answer: RunAnswer = try call("GET", "runs/get", query: ["run_id": id])
        return answer.run
    }

    // MARK: Changing

    public func setAlias(model: String, alias: String, version: String) throws {
        try callIgnoringAnswer("POST", "registered-models/alias", body: ["name": model, "alias": alias, "version": version])
    }

    public func deleteAlias(model: String, alias: String) throws {
        try callIgnoringAnswer("DELETE", "registered-models/alias", body: ["name": model, "alias": alias])
    }

    public func setVersionTag(model: String, version: String, key: String, value: String) throws {
        try callIgnoringAnswer("POST", "model-versions/set-tag", body: ["name": model, "version": version, "key": key, "value": value])
    }

    /// Moves a version to an MLflow stage; false when the server has no stages any more.
    public func transitionStage(model: String, version: String, stage: String) throws -> Bool {
        do {
            try callIgnoringAnswer("POST", "model-versions/transition-stage", body: [
                "name": model, "version": version, "stage": stage, "archive_existing_versions": false,
            ])
            return true
        } catch let error as MLflowError where error.isEndpointMissing {
            return false
        }
    }

    // MARK: The wire

    private struct RunAnswer: Decodable { var run: MLflowRun }

    private struct RegisteredModelAnswer: Decodable {
        var registeredModel: MLflowRegisteredModel
        enum CodingKeys: String, CodingKey { case registeredModel = "registered_model" }
    }

    private func allPages<Item: Decodable>(path: String, items key: String, query: [String: String]) throws -> [Item] {
        var all: [Item] = []
        var token: String?
        repeat {
            var pageQuery = query
            pageQuery["max_results"] = String(pageSize)
            if let token { pageQuery["page_token"] = token }
            let page: Page<Item> = try call("GET", path, query: pageQuery, itemsKey: key)
            all += page.items
            token = page.nextPageToken.flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return all
    }

    private func call<Answer: Decodable>(
        _ method: String, _ path: String, query: [String: String] = [:], body: [String: any Sendable]? = nil, itemsKey: String? = nil
    ) throws -> Answer {
        let data = try exchange(method, path, query: query, body: body)
        let decoder = JSONDecoder()
        if let itemsKey { decoder.userInfo[pageItemsKey] = itemsKey }
        do {
            return try decoder.decode(Answer.self, from: data.isEmpty ? Data("{}".utf8) : data)
        } catch {
            throw MLflowError.malformed(path: apiPath(path), reason: "\(error)")
        }
    }

    private func callIgnoringAnswer(_ method: String, _ path: String, body: [String: any Sendable]) throws {
        _ = try exchange(method, path, query: [:], body: body)
    }

    private func exchange(_ method: String, _ path: String, query: [String: String], body: [String: any Sendable]?) throws -> Data {
        let fullPath = apiPath(path)
        var parts = URLComponents(url: connection.baseURL, resolvingAgainstBaseURL: false)!
        parts.path = (parts.path.hasSuffix("/") ? String(parts.path.dropLast()) : parts.path) + fullPath
        if !query.isEmpty { parts.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) } }
        guard let url = parts.url else { throw MLflowError.configuration("cannot make a URL for \(fullPath)") }
        var headers = [("Accept", "application/json")]
        if let authorization = connection.authorizationHeader { headers.append(("Authorization", authorization)) }
        var request = HTTPTransport.Request(method: method, url: url, headers: headers)
        if let body {
            request.headers.append(("Content-Type", "application/json"))
            request.body = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        }
        switch transport.send(request) {
        case .failure(let error):
            // A refusal by the proxy reads like one by the server: say which was asked.
            let through = connection.proxy.map { " (through the proxy \($0.host):\($0.port))" } ?? ""
            throw MLflowError.unreachable(method: method, path: fullPath, reason: Self.describe(error) + through)
        case .success(let answer) where (200..<300).contains(answer.status):
            return answer.body
        case .success(let answer):
            let problem = try? JSONDecoder().decode(ErrorAnswer.self, from: answer.body)
            throw MLflowError.status(
                method: method, path: fullPath, status: answer.status, code: problem?.errorCode,
                message: problem?.message.map { String($0.prefix(300)) })
        }
    }

    private func apiPath(_ path: String) -> String { "/api/2.0/mlflow/" + path }

    private struct ErrorAnswer: Decodable {
        var errorCode: String?
        var message: String?
        enum CodingKeys: String, CodingKey {
            case errorCode = "error_code"
            case message
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .readTimeout, .deadlineExceeded, .writeTimeout: return "timed out"
            case .remoteConnectionClosed: return "connection lost"
            default: return "\(error)"
            }
        }
        return NetworkFailure.reason(error)
    }

    /// A name as a string in a search filter: MLflow's filter grammar takes single or double
    /// quotes and has no escapes, so a name with a single quote goes in double quotes.
    static func quotedInFilter(_ name: String) -> String {
        name.contains("'") ? "\"\(name)\"" : "'\(name)'"
    }
}

/// One page of a search answer: its items under a key that differs per endpoint, and the token
/// of the next page.
struct Page<Item: Decodable>: Decodable {
    var items: [Item]
    var nextPageToken: String?

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let itemsKey = decoder.userInfo[pageItemsKey] as? String ?? "items"
        items = try container.decodeIfPresent([Item].self, forKey: Key(stringValue: itemsKey)) ?? []
        nextPageToken = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "next_page_token"))
    }
}

/// Tells `Page` under which key the endpoint puts its items.
let pageItemsKey = CodingUserInfoKey(rawValue: "mlflow.pageItems")!
