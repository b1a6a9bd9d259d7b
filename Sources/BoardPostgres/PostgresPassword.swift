import Foundation

/// The password for a location, found where libpq looks: PGPASSWORD, else the password file
/// (PGPASSFILE, else ~/.pgpass) whose first matching `host:port:database:user:password` line
/// wins, `*` matching anything. Like libpq, a password file that others may read is ignored.
public enum PostgresPassword {
    public static func lookUp(for location: PostgresLocation, environment: [String: String]) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        guard let path = passwordFilePath(environment),
              let text = readPrivateFile(path)
        else { return nil }
        let wanted = [location.host, String(location.port), location.database, location.user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = splitFields(Substring(line))
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0.0 == "*" || $0.0 == $0.1 }) { return fields[4] }
        }
        return nil
    }

    private static func passwordFilePath(_ environment: [String: String]) -> String? {
        if let path = environment["PGPASSFILE"], !path.isEmpty { return path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.pgpass"
    }

    /// The file's text when it is a regular file no one but its owner can read or write.
    private static func readPrivateFile(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 == 0
        else { return nil }
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// Fields separated by `:`, where `\:` and `\\` stand for `:` and `\`.
    static func splitFields(_ line: Substring) -> [String] {
        var fields: [String] = [""]
        var escaped = false
        for character in line {
            if escaped {
                fields[fields.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append("")
            } else {
                fields[fields.count - 1].append(character)
            }
        }
        return fields
    }
}
