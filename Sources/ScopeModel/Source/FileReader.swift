import Foundation

/// Reads whole files through the file descriptor, so that anything readable works the same way: regular
/// files, `/dev/stdin`, pipes and process substitution. Reading stops past a size limit, so `/dev/zero`
/// or a runaway pipe cannot exhaust memory.
public enum FileReader {
    /// The largest model file read, 256 MiB: four times the 1M-relation benchmark model.
    public static let maximumSize = 256 << 20

    /// The bytes at `path`; throws a `LoadError` in plain words ("no such file", "is a directory", ...).
    public static func read(_ path: String, limit: Int = maximumSize) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LoadError(reason(errno)) }
        defer { close(descriptor) }
        return try read(descriptor: descriptor, limit: limit)
    }

    /// Standard input, whole.
    public static func readStandardInput(limit: Int = maximumSize) throws -> [UInt8] {
        var status = stat()
        guard fstat(STDIN_FILENO, &status) == 0 else { throw LoadError("standard input is closed") }
        return try read(descriptor: STDIN_FILENO, limit: limit)
    }

    static func read(descriptor: Int32, limit: Int) throws -> [UInt8] {
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { throw LoadError("is a directory") }
        var bytes: [UInt8] = []
        if status.st_mode & S_IFMT == S_IFREG {
            // Straight into the array, one byte more than the file: through a chunk, a large model was copied
            // twice. A file that fills it has grown since `fstat`, and the rest is read below.
            let size = min(Int(status.st_size), limit)
            bytes = try [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
                count = 0
                while count < buffer.count {
                    let read = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if read == 0 { return }
                    if read < 0 {
                        if errno == EINTR { continue }
                        throw LoadError(reason(errno))
                    }
                    count += read
                }
            }
            guard bytes.count <= limit else { throw tooLarge(limit) }
            if bytes.count <= size { return bytes }
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw LoadError(reason(errno))
            }
            guard bytes.count + count <= limit else { throw tooLarge(limit) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    private static func tooLarge(_ limit: Int) -> LoadError { LoadError("is larger than \(limit >> 20) MiB") }

    /// `no such file`, `is a directory`, `permission denied`: strerror in the words our messages use.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EISDIR: "is a directory"
        case EACCES: "permission denied"
        case ELOOP: "has too many levels of symbolic links (a link loop?)"
        case ENOTDIR: "has a part that is not a directory"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
