import Foundation
import Testing
@testable import ScopeModel

struct FileReaderTests {
    /// A regular file is read straight into an array one byte larger than the file: sizes around the old
    /// 64 KiB chunk, and an empty file.
    @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 200_001]) func aRegularFileIsReadWhole(size: Int) throws {
        var random = SeededRandom(seed: UInt64(size))
        let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try FileReader.read(path) == bytes)
    }

    @Test func aFileOverTheLimitIsRefusedAndOneAtItIsRead() throws {
        let path = try temporaryFile([UInt8](repeating: UInt8(ascii: "a"), count: 1000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try FileReader.read(path, limit: 1000).count == 1000)
        #expect(throws: LoadError.self) { try FileReader.read(path, limit: 999) }
    }

    @Test func aPipeIsReadToItsEnd() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let text = Array("data d { class cui }\n".utf8)
        try #require(write(ends[1], text, text.count) == text.count)
        close(ends[1])
        defer { close(ends[0]) }
        #expect(try FileReader.read(descriptor: ends[0], limit: FileReader.maximumSize) == text)
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "cuiscope-reader-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
