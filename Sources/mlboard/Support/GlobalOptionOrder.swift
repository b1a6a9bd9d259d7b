/// Lets `--dir`, `--store`, `--as`, `--key` and `--wait` come before the subcommand, as in `mlboard --dir X status`,
/// by moving them behind it, where the argument parser expects them.
enum GlobalOptionOrder {
    static let global: Set<String> = ["--dir", "--store", "--as", "--key", "--wait"]

    static func subcommandFirst(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if global.contains(first), rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if let name = global.first(where: { first.hasPrefix($0 + "=") }), !name.isEmpty {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        // The subcommand path is the words before the first option or argument that starts with "-".
        let path = rest.prefix { !$0.hasPrefix("-") }
        guard !path.isEmpty else { return arguments }
        return Array(rest) + leading
    }
}
