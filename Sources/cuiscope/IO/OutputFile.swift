import Foundation

/// The one way cuiscope writes a file (reports, exports, diagrams, `fmt`, `init`). A model from a stranger
/// may name any output path in a CI script, and a planted link may wait in the directory, so:
/// - `-` is standard output; a device, FIFO or `/dev/stdout` is written directly, never replaced;
/// - a regular file is replaced atomically: an exclusively created temporary file with an unpredictable
///   name in the same directory (no link followed), fsync, rename; its mode and owner are kept;
/// - a symbolic link stays a link: its final target is written; a file with hard links is rewritten in
///   place (from a complete temporary copy), so every link keeps seeing it;
/// - an input model is never overwritten, and an interrupted run leaves no temporary file behind.
enum OutputFile {
    static func write(_ data: Data, to path: String, inputs: [String] = []) throws {
        try write(to: path, inputs: inputs) { $0.write(data) }
    }

    /// Writes what `produce` writes, as it writes it: a report is never whole in memory.
    static func write(to path: String, inputs: [String] = [], _ produce: (inout FileOutput) -> Void) throws {
        if path == "-" { return try stream(produce, to: STDOUT_FILENO, path: "standard output") }
        var status = stat()
        guard stat(path, &status) == 0 else {
            var link = stat()
            if lstat(path, &link) == 0 { throw CommandFailure("cannot write \(path): it is a symbolic link to a missing file") }
            guard errno == ENOENT else { throw failure(path, errno) }
            return try replace(path, produce, keeping: nil)
        }
        for input in inputs where input != "-" {
            var other = stat()
            if stat(input, &other) == 0, other.st_dev == status.st_dev, other.st_ino == status.st_ino {
                throw CommandFailure("refusing to write \(path): it is the model \(input)")
            }
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: throw CommandFailure("cannot write \(path): it is a directory")
        case S_IFREG:
            guard let final = realPath(path) else { throw failure(path, errno) }
            if status.st_nlink > 1 { return try rewriteInPlace(final, shown: path, produce) }
            try replace(final, produce, keeping: status, shown: path)
        default:
            // A device, FIFO or socket: written as it is, never replaced by a regular file.
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw failure(path, errno) }
            defer { close(descriptor) }
            try stream(produce, to: descriptor, path: path)
        }
    }

    /// Whether the file at `path` has no write permission for anyone (root ignores permissions, we do not).
    static func isReadOnly(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & 0o222 == 0
    }

    // MARK: Replacing a regular file

    private static func replace(_ target: String, _ produce: (inout FileOutput) -> Void, keeping original: stat?, shown: String? = nil) throws {
        let shown = shown ?? target
        let temporary = try TemporaryFile(beside: target, shown: shown)
        defer { temporary.discard() }
        try stream(produce, to: temporary.descriptor, path: shown)
        if let original {
            // The replacement is the same file to its users: same permissions, same owner.
            fchmod(temporary.descriptor, original.st_mode & 0o7777)
            if fchown(temporary.descriptor, original.st_uid, original.st_gid) != 0, errno != EPERM { throw failure(shown, errno) }
        } else {
            let mask = umask(0)
            umask(mask)
            fchmod(temporary.descriptor, 0o666 & ~mask)
        }
        guard fsync(temporary.descriptor) == 0 else { throw failure(shown, errno) }
        guard rename(temporary.path, target) == 0 else { throw failure(shown, errno) }
        temporary.renamed()
    }

    /// A complete copy first, then the file overwritten in place from it: every hard link sees the new text.
    private static func rewriteInPlace(_ target: String, shown: String, _ produce: (inout FileOutput) -> Void) throws {
        let copy = try TemporaryFile(beside: target, shown: shown)
        defer { copy.discard() }
        try stream(produce, to: copy.descriptor, path: shown)
        guard fsync(copy.descriptor) == 0, lseek(copy.descriptor, 0, SEEK_SET) == 0 else { throw failure(shown, errno) }
        let descriptor = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw failure(shown, errno) }
        defer { close(descriptor) }
        var chunk = [UInt8](repeating: 0, count: FileOutput.capacity)
        while true {
            let read = chunk.withUnsafeMutableBytes { Foundation.read(copy.descriptor, $0.baseAddress, $0.count) }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { throw failure(shown, errno) }
            if read == 0 { break }
            try writeAll(chunk[..<read], to: descriptor, path: shown)
        }
        guard fsync(descriptor) == 0 else { throw failure(shown, errno) }
    }

    // MARK: Bytes

    private static func stream(_ produce: (inout FileOutput) -> Void, to descriptor: Int32, path: String) throws {
        var output = FileOutput(descriptor: descriptor, path: path)
        produce(&output)
        try output.flush()
    }

    /// Writes every byte, through interruptions; `path` names the destination in the error.
    static func writeAll(_ bytes: some ContiguousBytes, to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(path, errno)
                }
                offset += written
            }
        }
    }

    static func failure(_ path: String, _ code: Int32) -> CommandFailure {
        let reason = switch code {
        case ENOSPC: "no space left on the device"
        case EACCES, EPERM: "permission denied"
        case ENOENT: "no such directory"
        case EROFS: "the file system is read-only"
        default: String(cString: strerror(code)).lowercased()
        }
        return CommandFailure("cannot write \(path): \(reason)")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A file descriptor as a buffered text stream, written in 64 KiB pieces. A text stream cannot throw, so
/// the first failure is kept, later text dropped, and `flush` throws it.
struct FileOutput: TextOutputStream {
    static let capacity = 1 << 16

    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var failure: Error?

    /// Whether a write failed: what follows is dropped.
    var failed: Bool { failure != nil }

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        buffer.reserveCapacity(Self.capacity)
    }

    mutating func write(_ string: String) { write(string.utf8) }

    /// UTF-8 text, as it is.
    mutating func write(_ bytes: some Collection<UInt8>) {
        guard failure == nil else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { flushKeepingFailure() }
    }

    mutating func write(_ data: Data) {
        flushKeepingFailure()
        guard failure == nil else { return }
        do { try OutputFile.writeAll(data, to: descriptor, path: path) } catch { failure = error }
    }

    /// Writes the text so far; throws the first failure, now or earlier.
    mutating func flush() throws {
        if let failure { throw failure }
        defer { buffer.removeAll(keepingCapacity: true) }
        try OutputFile.writeAll(buffer, to: descriptor, path: path)
    }

    private mutating func flushKeepingFailure() {
        do { try flush() } catch { failure = error }
    }
}

/// A temporary file beside a target: created exclusively with an unpredictable name (mkstemp), removed
/// unless renamed, also when SIGINT or SIGTERM stops the run.
private final class TemporaryFile {
    let path: String
    let descriptor: Int32
    private var kept = false

    init(beside target: String, shown: String) throws {
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "" : directory + "/") + ".\(name).XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw OutputFile.failure(shown, errno) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        self.descriptor = descriptor
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        Interruption.watch(path)
    }

    func renamed() { kept = true }

    func discard() {
        close(descriptor)
        if !kept { unlink(path) }
        Interruption.watch(nil)
    }
}

/// What SIGINT and SIGTERM clean up before the process ends: the temporary file being written, if any.
private enum Interruption {
    nonisolated(unsafe) static var pending: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var installed = false

    static func watch(_ path: String?) {
        if !installed {
            installed = true
            for signal in [SIGINT, SIGTERM] {
                Foundation.signal(signal) { number in
                    if let path = Interruption.pending { unlink(path) }
                    _exit(128 + number)
                }
            }
        }
        let old = pending
        pending = path.map { strdup($0) }
        free(old)
    }
}
