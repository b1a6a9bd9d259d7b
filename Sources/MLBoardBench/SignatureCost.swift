import BoardStore
import Foundation

/// Where a signed line's reading time goes: the steps a reader takes per signature, each timed
/// over many signatures on its own, with the public signing API.
enum SignatureCost {
    static func run(key: BenchKey, count: Int) throws {
        let signer = try Ed25519FileSigner(contentsOf: key.path)
        let messages = (0..<count).map { index in Array(String(format: "%064x", index).utf8) }
        var signatures: [SSHSignature] = []
        let signing = timed { signatures = try! messages.map { try signer.sign($0) } }
        let texts = signatures.map(\.base64)
        var blobs: [[UInt8]] = []
        let decoding = timed { blobs = texts.map { Array(Data(base64Encoded: $0)!) } }
        var parsed: [SSHSignature] = []
        let parsing = timed { parsed = try! blobs.map { try SSHSignature(blob: $0) } }
        let verifier = SSHSignatureVerifier()
        var verified = 0
        let verifying = timed {
            for (message, signature) in zip(messages, parsed)
            where verifier.verify(message: message, signature: signature, by: signature.publicKey).isVerified {
                verified += 1
            }
        }
        precondition(verified == count, "only \(verified) of \(count) signatures verified")

        var table = Table(
            title: "Per signature (ed25519, SSHSIG over a 64-digit hash; mean of \(count))",
            header: ["step", "us each", "for 100k lines, s"])
        for (step, nanos) in [("sign natively", signing), ("base64 decode", decoding),
                              ("parse SSHSIG blob (with its public key)", parsing), ("verify (SSHSignatureVerifier)", verifying)] {
            let micros = Double(nanos) / 1000 / Double(count)
            table.add([step, fmt(micros, 1), fmt(micros * 100_000 / 1e6, 2)])
        }
        table.print()
    }

    private static func timed(_ work: () -> Void) -> UInt64 {
        let start = nowNanos()
        work()
        return nowNanos() - start
    }
}
