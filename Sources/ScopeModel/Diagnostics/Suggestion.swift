/// "Did you mean" hints, by a scorer that knows how identifiers are written: segments joined by `-`, `.`
/// and `_`, abbreviated (`srv` for `server`, `fw` for `firewall`), dropped (`eng-ws` for `eng-ws-01`), or
/// swapped (`mgmt-hv` for `hv-mgmt`), besides plain typos.
public enum Suggestion {
    /// Up to `limit` candidates close enough to `word` to be what was meant, best first.
    public static func candidates<S: Sequence>(for word: String, in candidates: S, limit: Int = 3) -> [String] where S.Element == String {
        let target = Array(word.utf8)
        guard target.count > 1, target.count <= 128 else { return [] }
        let typed = segments(target)
        var scored: [(cost: Int, word: String)] = []
        for candidate in candidates {
            let bytes = Array(candidate.utf8)
            guard bytes != target, let cost = cost(target, typed, bytes) else { continue }
            scored.append((cost, candidate))
        }
        return scored.sorted { ($0.cost, $0.word) < ($1.cost, $1.word) }.prefix(limit).map(\.word)
    }

    /// The best candidate, or nil.
    public static func nearest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        self.candidates(for: word, in: candidates, limit: 1).first
    }

    /// `did you mean `x`?`, `did you mean `x`, `y` or `z`?`, or nil.
    public static func didYouMean<S: Sequence>(_ word: String, in candidates: S) -> String? where S.Element == String {
        let found = self.candidates(for: word, in: candidates).map { "`\($0)`" }
        guard let last = found.last else { return nil }
        return "did you mean " + (found.count == 1 ? last : found.dropLast().joined(separator: ", ") + " or " + last) + "?"
    }

    // MARK: Scoring (lower is better; nil: not a plausible match)

    /// A typo within a distance that grows with the word's length (1 edit up to 4 characters, 2 up to 7,
    /// then one more per 4 characters, at most 5) costs its distance; a segment-wise match costs more, the
    /// more it had to assume.
    static func cost(_ target: [UInt8], _ typed: [[UInt8]], _ candidate: [UInt8]) -> Int? {
        let limit = min(5, target.count <= 4 ? 1 : target.count <= 7 ? 2 : 2 + (target.count - 4) / 4)
        if abs(candidate.count - target.count) <= limit {
            let distance = editDistance(target, candidate, limit: limit)
            if distance <= limit { return distance * 2 }
        }
        return segmentCost(typed, segments(candidate)).map { $0 + 2 }
    }

    /// Matches each typed segment to one of the candidate's: equal, a prefix, or an abbreviation (its
    /// letters in order, starting with the same one). Each abbreviated segment costs 1, segments out of order
    /// 1 in all, and one candidate segment may be left unmatched (dropped) for 2.
    static func segmentCost(_ typed: [[UInt8]], _ candidate: [[UInt8]]) -> Int? {
        guard !typed.isEmpty, typed.count <= candidate.count, candidate.count - typed.count <= 1 else { return nil }
        var used = [Bool](repeating: false, count: candidate.count)
        var cost = 0, previous = -1, reordered = false
        for segment in typed {
            // An equal segment first, then a prefix or an abbreviation, each the first unused one.
            let equal = candidate.indices.first { !used[$0] && candidate[$0] == segment }
            let near = candidate.indices.first { !used[$0] && (candidate[$0].starts(with: segment) || isAbbreviation(segment, of: candidate[$0])) }
            guard let match = equal ?? near else { return nil }
            if equal == nil { cost += 1 }
            if match < previous { reordered = true }
            previous = match
            used[match] = true
        }
        cost += (reordered ? 1 : 0) + (candidate.count - typed.count) * 2
        return cost > 0 ? cost : nil
    }

    /// `srv` of `server`, `fw` of `firewall`: at least two letters, the first the same, all in order.
    static func isAbbreviation(_ short: [UInt8], of long: [UInt8]) -> Bool {
        guard short.count >= 2, short.count < long.count, short.first == long.first else { return false }
        var rest = long[...]
        for byte in short {
            guard let found = rest.firstIndex(of: byte) else { return false }
            rest = rest[(found + 1)...]
        }
        return true
    }

    static func segments(_ word: [UInt8]) -> [[UInt8]] {
        word.split { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }.map(Array.init)
    }

    /// Optimal string alignment distance (Levenshtein with adjacent transpositions), cut short once every
    /// entry of a row exceeds `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return rowMinimum }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
