/// A value derived from a large source that usually changes a few entries at a time (the
/// projects), kept between frames and brought up to date by a patch for the entries that
/// changed. It is built afresh when its other inputs (filter, sort, other collections) changed,
/// when too many entries changed to say, or when the patch declines.
final class Patched<Source: Sendable, Value> {
    private var source: Source?
    private var inputs: DerivedFrom?
    private var value: Value?

    /// - Parameters:
    ///   - changed: the slugs of the entries that differ between the source the kept value
    ///     follows and `source`; nil when too many do.
    ///   - patch: brings the kept value from the old source (given) to `source` for the changed
    ///     slugs; false when it cannot, and the value is built afresh.
    func get(_ source: Source, inputs: DerivedFrom, changed: (_ old: Source) -> Set<String>?,
             build: () -> Value, patch: (inout Value, _ changed: Set<String>, _ old: Source) -> Bool) -> Value {
        if let old = self.source, inputs == self.inputs, var kept = value, let slugs = changed(old) {
            value = nil // so that `kept` alone holds its storage and the patch works in place
            if slugs.isEmpty || patch(&kept, slugs, old) {
                releaseLater(self.source.take())
                self.source = source
                value = kept
                return kept
            }
        }
        let fresh = build()
        releaseLater(self.source.take())
        self.source = source
        self.inputs = inputs
        value = fresh
        return fresh
    }
}
