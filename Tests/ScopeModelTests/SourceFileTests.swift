import Testing
@testable import ScopeModel

struct SourceFileTests {
    /// Lines from empty to several 4 KiB blocks long, so that lines start at, just before and just after
    /// block boundaries, and some blocks lie inside one line.
    @Test(arguments: [1, 2, 3] as [UInt64]) func everyOffsetFindsTheLineThatHoldsIt(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var bytes: [UInt8] = []
        for _ in 0..<400 {
            let length = [0, 1, 4095, 4096, Int.random(in: 0..<120, using: &random), Int.random(in: 0..<9000, using: &random)]
                .randomElement(using: &random)!
            bytes += [UInt8](repeating: UInt8(ascii: "x"), count: length) + [UInt8(ascii: "\n")]
        }
        if seed == 2 { bytes.removeLast() }
        let file = SourceFile(path: "lines.scope", bytes: bytes)
        var line = 0, wrong: [Int] = []
        for offset in 0...(bytes.count + 5) {
            if file.lineIndex(of: offset) != line { wrong.append(offset) }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "\n") { line += 1 }
        }
        #expect(wrong.prefix(5) == [], "of \(bytes.count) bytes")
    }

    @Test func anEmptyFileHasOneLine() {
        let file = SourceFile(path: "empty.scope", bytes: [])
        #expect(file.lineIndex(of: 0) == 0)
        #expect(file.location(of: 3) == SourceLocation(file: "empty.scope", line: 1, column: 1))
    }
}
