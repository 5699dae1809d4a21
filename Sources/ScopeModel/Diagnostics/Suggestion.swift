/// "Did you mean" hints: the closest candidate by edit distance, when it is close enough to be a typo.
public enum Suggestion {
    /// The candidate nearest to `word`, or nil when none is close enough to be a typo: one edit for
    /// words of 2–4 characters, two up to 7, three beyond; a one-character word gets no suggestion.
    public static func nearest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let target = Array(word.utf8)
        let limit = min(3, (target.count + 1) / 3)
        guard limit > 0 else { return nil }
        var best: (distance: Int, word: String)?
        for candidate in candidates {
            let bytes = Array(candidate.utf8)
            if abs(bytes.count - target.count) > limit { continue }
            let distance = editDistance(target, bytes, limit: limit)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (distance, candidate)
            }
        }
        return best?.word
    }

    /// `did you mean `x`?` or nil.
    public static func didYouMean<S: Sequence>(_ word: String, in candidates: S) -> String? where S.Element == String {
        nearest(to: word, in: candidates).map { "did you mean `\($0)`?" }
    }

    /// Levenshtein distance, cut short once every entry of a row exceeds `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return rowMinimum }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
