import Foundation
import Glibc

/// A key an ssh-agent holds.
public struct SSHAgentIdentity: Equatable, Sendable {
    public let key: SSHPublicKey
    public let comment: String
}

/// Speaks the ssh-agent protocol (draft-miller-ssh-agent) over its Unix socket: list keys, sign.
public struct SSHAgentClient: Sendable {
    public let socketPath: String

    private enum Message {
        static let failure: UInt8 = 5
        static let requestIdentities: UInt8 = 11
        static let identitiesAnswer: UInt8 = 12
        static let signRequest: UInt8 = 13
        static let signResponse: UInt8 = 14
    }

    /// Sign-request flag asking for rsa-sha2-512 rather than SHA-1 `ssh-rsa`.
    static let rsaSHA2_512Flag: UInt32 = 0x04
    /// An agent's answers are never longer than this (OpenSSH's AGENT_MAX_LEN).
    static let maximumAnswer = 256 * 1024

    public init(socketPath: String) {
        self.socketPath = socketPath
    }

    /// The agent `$SSH_AUTH_SOCK` names, if it names one.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> SSHAgentClient? {
        guard let path = environment["SSH_AUTH_SOCK"], !path.isEmpty else { return nil }
        return SSHAgentClient(socketPath: path)
    }

    /// The keys the agent holds, in its order; keys of types mlboard cannot verify are left out.
    public func identities() throws(SigningError) -> [SSHAgentIdentity] {
        var reader = try request([Message.requestIdentities], expecting: Message.identitiesAnswer)
        do {
            let count = try reader.readUInt32()
            var identities: [SSHAgentIdentity] = []
            for _ in 0..<count {
                let blob = try reader.readString()
                let comment = String(decoding: try reader.readString(), as: UTF8.self)
                if let key = try? SSHPublicKey(wireBlob: blob) {
                    identities.append(SSHAgentIdentity(key: key, comment: comment))
                }
            }
            return identities
        } catch {
            throw .agentRefused("a malformed list of keys (\(error))")
        }
    }

    /// The agent's raw signature (the key type's wire encoding) over `data`; RSA keys sign with SHA-512.
    public func sign(_ data: [UInt8], with key: SSHPublicKey) throws(SigningError) -> [UInt8] {
        var writer = SSHWireWriter()
        writer.writeByte(Message.signRequest)
        writer.writeString(key.wireBlob)
        writer.writeString(data)
        writer.writeUInt32(key.kind == .rsa ? Self.rsaSHA2_512Flag : 0)
        var reader = try request(writer.bytes, expecting: Message.signResponse) { () throws(SigningError) -> SigningError? in
            if try self.identities().contains(where: { $0.key == key }) { return nil }
            return .keyNotInAgent(key.fingerprint)
        }
        do {
            let signature = try reader.readString()
            try reader.expectEnd("the agent's answer")
            return signature
        } catch {
            throw .agentRefused("a malformed signature (\(error))")
        }
    }

    /// Sends one message and reads its answer; on a failure answer, `onFailure` may name a better reason.
    private func request(_ message: [UInt8], expecting answer: UInt8,
                         onFailure: () throws(SigningError) -> SigningError? = { nil }) throws(SigningError) -> SSHWireReader {
        let connection = try AgentConnection(path: socketPath)
        defer { connection.close() }
        var frame = SSHWireWriter()
        frame.writeString(message)
        try connection.send(frame.bytes)
        let length = try connection.receive(4).reduce(0) { $0 << 8 | Int($1) }
        guard length > 0, length <= Self.maximumAnswer else { throw .agentRefused("an answer of \(length) bytes") }
        var reader = SSHWireReader(try connection.receive(length))
        let type = try? reader.readByte()
        guard type == answer else {
            if type == Message.failure, let better = try onFailure() { throw better }
            throw .agentRefused(type == Message.failure ? "the agent answered failure" : "an unexpected answer (type \(type ?? 0))")
        }
        return reader
    }
}

/// One connection to the agent's Unix socket.
private struct AgentConnection {
    let descriptor: Int32

    init(path: String) throws(SigningError) {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { throw .agentUnavailable("the socket path is too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .agentUnavailable(String(cString: strerror(errno))) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw .agentUnavailable("\(path): \(reason)")
        }
        self.descriptor = descriptor
    }

    func send(_ bytes: [UInt8]) throws(SigningError) {
        var sent = 0
        while sent < bytes.count {
            let result = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw .agentUnavailable("the connection closed while sending") }
            sent += result
        }
    }

    func receive(_ count: Int) throws(SigningError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var received = 0
        while received < count {
            let result = bytes[received...].withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw .agentUnavailable("the connection closed while reading") }
            received += result
        }
        return bytes
    }

    func close() {
        Glibc.close(descriptor)
    }
}
