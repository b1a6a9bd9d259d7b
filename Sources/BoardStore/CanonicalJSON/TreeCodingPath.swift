/// Where a `TreeDecoder` stands, kept as a chain of keys and made into the `[CodingKey]` of
/// `Decoder.codingPath` only when asked for (by an error, mostly). Building that array for
/// every field read was a tenth of replaying a journal line.
indirect enum TreeCodingPath {
    case root
    case key(TreeCodingPath, any CodingKey)
    /// An array position, named ("Index 3") only when the path is asked for.
    case index(TreeCodingPath, Int)

    func appending(_ key: any CodingKey) -> TreeCodingPath { .key(self, key) }

    func appending(index: Int) -> TreeCodingPath { .index(self, index) }

    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = self
        while true {
            switch node {
            case .root: return keys.reversed()
            case .key(let parent, let key): keys.append(key); node = parent
            case .index(let parent, let index): keys.append(TreeCodingKey(intValue: index)); node = parent
            }
        }
    }
}
