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
