import Foundation

/// The bytes of one model file and the offsets of its lines, shared by every span that points into it.
/// A file lives until the process exits: see `everyFile`.
public final class SourceFile: Sendable {
    /// The path as the user gave it (or as derived from an including file's path), used in every message.
    public let path: String
    /// The raw UTF-8 bytes.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
    let lineStarts: LineStarts

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lineStarts = LineStarts(bytes)
        Self.everyFile.keep(self)
    }

    // Spans point at their file without counting references (`SourceSpan.file`), so every file is kept here.
    // Counted, the relations of one file resolved on two cores fought over its count: 0.27 s of CPU at 1M
    // relations. A model's files are needed until its last message is printed anyway.
    private static let everyFile = KeptFiles()

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The 0-based index of the line holding `offset`.
    func lineIndex(of offset: Int) -> Int { lineStarts.line(containing: offset) }

    /// The 1-based line of `offset`.
    public func line(of offset: Int) -> Int { lineIndex(of: offset) + 1 }

    /// The 1-based line and column of `offset`; columns count Unicode scalars, so a caret lines up under
    /// non-ASCII text.
    public func location(of offset: Int) -> SourceLocation {
        let index = lineIndex(of: offset)
        let start = lineStarts[index]
        let end = min(offset, bytes.count)
        var column = 1
        if start < end {
            for i in start..<end where bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(file: path, line: index + 1, column: column)
    }

    /// The byte range of the line holding `offset`, without its newline.
    func lineRange(containing offset: Int) -> Range<Int> {
        let index = lineIndex(of: offset)
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// The text of `range`, with invalid UTF-8 repaired.
    public func text(_ range: Range<Int>) -> String {
        // Through a buffer pointer: decoding an array slice takes the slow, generic path.
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}

/// Files kept until the process exits. (`Synchronization.Mutex` would need macOS 15.)
private final class KeptFiles: @unchecked Sendable {
    // @unchecked: `files` is touched only under `lock`.
    private let lock = NSLock()
    private var files: [SourceFile] = []

    func keep(_ file: SourceFile) { lock.withLock { files.append(file) } }
}

/// The offsets where a file's lines start, kept in 32 bits: no model file is larger than
/// `FileReader.maximumSize`, and a large model has millions of lines.
struct LineStarts: RandomAccessCollection, Sendable {
    private var starts: [UInt32] = [0]
    /// The line holding the first byte of each 4 KiB block (`blockShift`). A search over every line start
    /// of a large model misses the cache at each step, and a report asks the line of every finding.
    private var blockLines: [UInt32] = []
    private static let blockShift = 12

    init(_ bytes: [UInt8]) {
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            // memchr: a million-line model is scanned in milliseconds.
            var offset = 0
            while offset < buffer.count, let newline = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                offset = base.distance(to: UnsafeRawPointer(newline)) + 1
                starts.append(UInt32(offset))
            }
        }
        blockLines.reserveCapacity(bytes.count >> Self.blockShift + 1)
        var line = 0
        for block in 0...(bytes.count >> Self.blockShift) {
            while line + 1 < starts.count, Int(starts[line + 1]) <= block << Self.blockShift { line += 1 }
            blockLines.append(UInt32(line))
        }
    }

    /// The 0-based index of the line holding `offset`: the last line that starts at or before it.
    func line(containing offset: Int) -> Int {
        let block = Swift.min(Swift.max(0, offset) >> Self.blockShift, blockLines.count - 1)
        var low = Int(blockLines[block])
        var high = block + 1 < blockLines.count ? Int(blockLines[block + 1]) : starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(starts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    var startIndex: Int { 0 }
    var endIndex: Int { starts.count }
    subscript(index: Int) -> Int { Int(starts[index]) }
}

/// A 1-based position in a model file, as printed in `FILE:LINE:COLUMN`.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
    /// `FILE:LINE`, the short form used in explanations.
    public var fileAndLine: String { "\(file):\(line)" }
}

/// A byte offset or length in a model file, stored in 32 bits: a large model's syntax tree and model hold
/// millions of them, and every loader refuses a file larger than `FileReader.maximumSize` (256 MiB).
@propertyWrapper
public struct Offset32: Sendable, Hashable {
    private var stored: Int32
    public init(wrappedValue: Int) { stored = Int32(wrappedValue) }
    public var wrappedValue: Int {
        get { Int(stored) }
        set { stored = Int32(newValue) }
    }
}

/// A run of bytes in a source file: where an element, token or relation was written.
public struct SourceSpan: Sendable, Hashable {
    /// Not counted: `SourceFile` keeps every file alive.
    public unowned(unsafe) let file: SourceFile
    @Offset32 public private(set) var offset: Int
    @Offset32 public private(set) var length: Int

    public init(file: SourceFile, offset: Int, length: Int) {
        self.file = file
        self.offset = offset
        self.length = length
    }

    public var location: SourceLocation { file.location(of: offset) }

    public static func == (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        lhs.file === rhs.file && lhs.offset == rhs.offset && lhs.length == rhs.length
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(file))
        hasher.combine(offset)
    }
}
