/// A directed graph in compressed sparse row form: the edges of node `n` are
/// `targets[offsets[n]..<offsets[n + 1]]`, each with a payload (which relation put it there).
struct Adjacency {
    private(set) var offsets: [Int32]
    private(set) var targets: [Int32]
    private(set) var payloads: [Int32]

    /// Builds from an edge list in two linear passes (count, then place), keeping each node's edges in the
    /// order they were added, so that traversals and their witnesses are deterministic.
    init(nodeCount: Int, edges: [(from: Int32, to: Int32, payload: Int32)]) {
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        for edge in edges { offsets[Int(edge.from) + 1] += 1 }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        var cursor = offsets
        var targets = [Int32](repeating: 0, count: edges.count)
        var payloads = [Int32](repeating: 0, count: edges.count)
        for edge in edges {
            let slot = Int(cursor[Int(edge.from)])
            targets[slot] = edge.to
            payloads[slot] = edge.payload
            cursor[Int(edge.from)] += 1
        }
        self.offsets = offsets
        self.targets = targets
        self.payloads = payloads
    }

    /// The edge slots of `node`: index `targets` and `payloads` with them.
    @inline(__always)
    func edges(of node: Int) -> Range<Int> { Int(offsets[node])..<Int(offsets[node + 1]) }
}

/// One bitset over the model's data items per node, stored flat: node `n` owns words
/// `n * width ..< (n + 1) * width`.
struct BitMatrix {
    let width: Int
    var words: [UInt64]

    init(rows: Int, bits: Int) {
        width = max(1, (bits + 63) / 64)
        words = [UInt64](repeating: 0, count: rows * width)
    }

    @inline(__always)
    func contains(_ row: Int, _ bit: Int) -> Bool { words[row * width + bit >> 6] & (1 << UInt64(bit & 63)) != 0 }

    @inline(__always)
    mutating func insert(_ row: Int, _ bit: Int) { words[row * width + bit >> 6] |= 1 << UInt64(bit & 63) }

    func row(_ row: Int) -> ArraySlice<UInt64> { words[(row * width)..<((row + 1) * width)] }

    /// Whether `row` has any bit of `mask`.
    func intersects(_ row: Int, _ mask: [UInt64]) -> Bool {
        for word in 0..<width where words[row * width + word] & mask[word] != 0 { return true }
        return false
    }

    /// The set bits of `row`, ascending.
    func bits(_ row: Int) -> [Int] {
        var result: [Int] = []
        forEachBit(row) { bit in
            result.append(bit)
            return true
        }
        return result
    }

    /// Calls `body` with each set bit of `row` that `mask` (default: all) also has, ascending, until it
    /// returns false; lists nothing.
    func forEachBit(_ row: Int, in mask: [UInt64]? = nil, _ body: (Int) -> Bool) {
        for word in 0..<width {
            var value = words[row * width + word] & (mask?[word] ?? ~0)
            while value != 0 {
                guard body(word * 64 + value.trailingZeroBitCount) else { return }
                value &= value - 1
            }
        }
    }
}
