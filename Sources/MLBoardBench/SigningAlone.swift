import BoardStore

/// Each way of signing timed on its own, without the store: how much of a signed commit is
/// the signature. One way after another, `count` signatures each after a few to warm up.
enum SigningAlone {
    typealias Sign = ([UInt8]) throws -> Void

    static func run(_ ways: [(String, Sign)], count: Int) throws {
        var table = Table(title: "Signing alone, no store (a 64-digit hash, \(count) signatures each)",
                          header: ["signer", "signatures", "median us", "p99 us"])
        for (name, sign) in ways {
            var latencies: [Double] = []
            for index in 0..<(count + 5) {
                let message = Array(String(format: "%064x", index).utf8)
                let start = nowNanos()
                try sign(message)
                if index >= 5 { latencies.append(Double(nowNanos() - start) / 1000) }
            }
            let samples = Samples(latencies)
            table.add([name, "\(samples.count)", fmt(samples.median), fmt(samples.p99)])
        }
        table.print()
    }

    /// The ways the signed commit uses, and the agent's answer without the check every signer
    /// makes of the signature it got (a native verification).
    static func run(native: Ed25519FileSigner, agent: SSHAgentSigner, ecdsaAgent: SSHAgentSigner, sshKeygen: SSHKeygenSigner, count: Int) throws {
        let verifier = SSHSignatureVerifier()
        let probeMessage = Array("probe".utf8)
        let probe = try native.sign(probeMessage)
        let signNatively: Sign = { _ = try native.sign($0) }
        let signThroughAgent: Sign = { _ = try agent.sign($0) }
        let requestAlone: Sign = { _ = try agent.agent.sign($0, with: agent.publicKey) }
        let checkAlone: Sign = { _ in _ = verifier.verify(message: probeMessage, signature: probe, by: probe.publicKey) }
        let ecdsaThroughAgent: Sign = { _ = try ecdsaAgent.sign($0) }
        let ecdsaRequestAlone: Sign = { _ = try ecdsaAgent.agent.sign($0, with: ecdsaAgent.publicKey) }
        let listKeys: Sign = { _ in _ = try agent.agent.identities() }
        let runSSHKeygen: Sign = { _ = try sshKeygen.sign($0) }
        try run([
            ("natively (ed25519 key file)", signNatively),
            ("through ssh-agent (request + check)", signThroughAgent),
            ("  of which the agent's request alone", requestAlone),
            ("  of which the check alone (one verification)", checkAlone),
            ("through ssh-agent, ecdsa-p256 key (request + check)", ecdsaThroughAgent),
            ("  of which the agent's request alone", ecdsaRequestAlone),
            ("ssh-agent round trip without signing (list keys)", listKeys),
            ("ssh-keygen -Y sign (a process)", runSSHKeygen),
        ], count: count)
    }
}
