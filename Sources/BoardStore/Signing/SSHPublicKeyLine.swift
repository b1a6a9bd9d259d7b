import Foundation

/// A public key as written in a .pub file or an authorized_keys line: `[options] type base64 [comment]`.
public struct SSHPublicKeyLine: Equatable, Sendable {
    public let key: SSHPublicKey
    public let comment: String

    public init(key: SSHPublicKey, comment: String = "") {
        self.key = key
        self.comment = comment
    }

    /// Parses the first line that is not empty or a `#` comment. Options before the key type
    /// (as authorized_keys allows) are skipped: the key starts at the first supported type name.
    public init(parsing text: String) throws(SSHFormatError) {
        let line = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }
        guard let line else { throw SSHFormatError("no public key") }
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let typeIndex = fields.firstIndex(where: { SSHPublicKey.Kind(rawValue: $0) != nil }) else {
            throw SSHFormatError("no supported key type (\(SSHPublicKey.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard typeIndex + 1 < fields.count, let blob = Data(base64Encoded: fields[typeIndex + 1]) else {
            throw SSHFormatError("the key is not base64")
        }
        let key = try SSHPublicKey(wireBlob: Array(blob))
        guard key.kind.rawValue == fields[typeIndex] else { throw SSHFormatError("the key's type does not match its name") }
        self.key = key
        self.comment = fields[(typeIndex + 2)...].joined(separator: " ")
    }

    /// The line as ssh-keygen writes a .pub file (without the newline).
    public var text: String {
        comment.isEmpty ? key.openSSHLine : key.openSSHLine + " " + comment
    }
}
