extension String {
    /// Whether any of the string's UTF-8 bytes satisfies `predicate`: the question every escaper asks before
    /// it escapes. The bytes are read in place; the generic `UTF8View` iterator costs several times as much
    /// a byte. Inlinable, so that the predicate is inlined into the loop instead of called for each byte.
    @inlinable package func containsUTF8(where predicate: (UInt8) -> Bool) -> Bool {
        var scanned = self
        return scanned.withUTF8 { $0.contains(where: predicate) }
    }
}
