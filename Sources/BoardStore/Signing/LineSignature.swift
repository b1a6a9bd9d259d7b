/// The signature a journal line carries, as read: not yet checked against any key.
struct LineSignature: Equatable, Sendable {
    /// The SSHSIG blob in base64, as the line holds it.
    var base64: String
    /// The 64 hex digits the signature is over: the line's hash as if it had no `sig`.
    var signedHash: String
}
