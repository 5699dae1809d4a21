import Foundation

/// The one way cuiscope writes a file (diagrams, `fmt`, `init`). A model from a stranger may name any
/// output path in a CI script, and a planted link may wait in the directory, so:
/// - `-` is standard output; a device, FIFO or `/dev/stdout` is written directly, never replaced;
/// - a regular file is replaced atomically: an exclusively created temporary file with an unpredictable
///   name in the same directory (no link followed), fsync, rename; its mode and owner are kept;
/// - a symbolic link stays a link: its final target is written; a file with hard links is rewritten in
///   place (from a complete temporary copy), so every link keeps seeing it;
/// - an input model is never overwritten, and an interrupted run leaves no temporary file behind.
enum OutputFile {
    static func write(_ data: Data, to path: String, inputs: [String] = []) throws {
        if path == "-" { return try writeAll(data, to: STDOUT_FILENO, path: "standard output") }
        var status = stat()
        guard stat(path, &status) == 0 else {
            var link = stat()
            if lstat(path, &link) == 0 { throw CommandFailure("cannot write \(path): it is a symbolic link to a missing file") }
            guard errno == ENOENT else { throw failure(path, errno) }
            return try replace(path, data: data, keeping: nil)
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
            if status.st_nlink > 1 { return try rewriteInPlace(final, shown: path, data: data) }
            try replace(final, data: data, keeping: status, shown: path)
        default:
            // A device, FIFO or socket: written as it is, never replaced by a regular file.
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw failure(path, errno) }
            defer { close(descriptor) }
            try writeAll(data, to: descriptor, path: path)
        }
    }

    /// Whether the file at `path` has no write permission for anyone (root ignores permissions, we do not).
    static func isReadOnly(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & 0o222 == 0
    }

    // MARK: Replacing a regular file

    private static func replace(_ target: String, data: Data, keeping original: stat?, shown: String? = nil) throws {
        let shown = shown ?? target
        let temporary = try TemporaryFile(beside: target, shown: shown)
        defer { temporary.discard() }
        try writeAll(data, to: temporary.descriptor, path: shown)
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

    /// A complete copy first, then the file overwritten in place: every hard link sees the new text.
    private static func rewriteInPlace(_ target: String, shown: String, data: Data) throws {
        let backup = try TemporaryFile(beside: target, shown: shown)
        defer { backup.discard() }
        try writeAll(data, to: backup.descriptor, path: shown)
        guard fsync(backup.descriptor) == 0 else { throw failure(shown, errno) }
        let descriptor = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw failure(shown, errno) }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: shown)
        guard fsync(descriptor) == 0 else { throw failure(shown, errno) }
    }

    // MARK: Bytes

    /// Writes every byte, through interruptions; `path` names the destination in the error.
    static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { buffer in
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
