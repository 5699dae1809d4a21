import ScopeModel

/// Text for many items, rendered a batch at a time on every core and written in order: the output is
/// the same as one core's, and memory holds one round of batches, never the whole document.
enum TextBatches {
    /// Items per batch: enough to outweigh handing a batch to another thread.
    static let batchSize = 1024

    /// Writes `render(0)` to `render(count - 1)`, in that order.
    static func write(count: Int, to output: inout some TextOutputStream, _ render: @Sendable (Int, inout TextBatch) -> Void) {
        let round = batchSize * Parallel.cores
        for roundStart in stride(from: 0, to: count, by: round) {
            let roundEnd = min(roundStart + round, count)
            let texts = Parallel.map((roundEnd - roundStart + batchSize - 1) / batchSize) { batch in
                let start = roundStart + batch * batchSize
                var batch = TextBatch()
                for index in start..<min(start + batchSize, roundEnd) { render(index, &batch) }
                return batch
            }
            for batch in texts { output.write(String(decoding: batch.bytes, as: UTF8.self)) }
        }
    }
}

/// One batch's text as UTF-8 bytes: appending a piece copies it, without the growth and checks of a
/// String's appends, which cost as much as rendering a finding.
struct TextBatch: TextOutputStream {
    var bytes: [UInt8] = []

    mutating func write(_ string: String) { bytes += string.utf8 }
}
