import CGraphviz
import Foundation

/// The process-wide gate to Graphviz. cgraph and gvc keep global state and are not thread-safe, so every
/// call into them goes through `withContext`, one at a time, on one GVC context.
public final class Graphviz: @unchecked Sendable {
    public static let shared = Graphviz()

    private let lock = NSLock()
    private let context: OpaquePointer?

    private init() {
        // Errors are collected for our messages (aglasterr), never printed by the library itself; the
        // handler also silences what some plugins report past that threshold (cairo's bitmap scaling).
        agseterr(AGMAX)
        _ = agseterrf { _ in 0 }
        context = gvContext()
    }

    /// Runs `body` with exclusive use of the GVC context.
    func withContext<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let context else { throw GraphvizError("Graphviz could not create a context") }
        return try body(context)
    }

    /// The version of the linked Graphviz library, such as `2.42.2`.
    public var version: String {
        (try? withContext { String(cString: gvcVersion($0)) }) ?? "unknown"
    }
}

/// A Graphviz failure, with the library's own message where it gave one.
public struct GraphvizError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Some of Graphviz's libraries print straight to standard error, past `agseterrf` (libpath's routing
/// warnings, for one). While a layout runs, file descriptor 2 goes to a temporary file: what it caught is
/// dropped when the render succeeds, and becomes part of our message when it fails.
final class StandardErrorCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var saved: Int32
    private let file: UnsafeMutablePointer<FILE>?

    init() {
        fflush(nil)
        file = tmpfile()
        saved = file == nil ? -1 : dup(2)
        if let file, saved >= 0 { dup2(fileno(file), 2) }
    }

    /// Gives standard error back (once; later calls change nothing) and returns the first distinct lines caught.
    @discardableResult
    func restore(keeping lines: Int = 3) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        guard saved >= 0, let file else { return [] }
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        saved = -1
        lseek(fileno(file), 0, SEEK_SET)
        let text = String(decoding: FileHandle(fileDescriptor: fileno(file), closeOnDealloc: false).readDataToEndOfFile(), as: UTF8.self)
        var caught: [String] = []
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty && !caught.contains(line) {
            guard caught.count < lines else { break }
            caught.append(line)
        }
        fclose(file)
        return caught
    }
}
