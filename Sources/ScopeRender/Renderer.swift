import CGraphviz
import Foundation

/// What a diagram can be written as.
public enum OutputFormat: String, CaseIterable, Sendable {
    case svg, png, pdf, dot

    /// The format named by a file's extension, if any.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}

/// Graphviz's layout engines that cuiscope uses.
public enum LayoutEngine: String, CaseIterable, Sendable {
    case dot, fdp, sfdp

    /// `dot` draws clusters best, and collapsing keeps what it is given small (at most a few hundred assets
    /// and edges), with `mclimit`/`nslimit` bounding its work. `sfdp` handles clusters badly (17 s where `dot`
    /// takes 0.3 s on a collapsed 100k-asset boundary), so it is kept for graphs too large for anything else.
    public static func forSize(_ nodes: Int) -> LayoutEngine { nodes <= 5_000 ? .dot : .sfdp }
}

/// Lays out and renders DOT text through libgvc: cgraph parses it, gvc lays it out and renders it.
public struct Renderer: Sendable {
    public var engine: LayoutEngine?
    /// A layout that takes longer is abandoned and reported.
    public var timeout: Duration

    public init(engine: LayoutEngine? = nil, timeout: Duration = .seconds(60)) {
        self.engine = engine
        self.timeout = timeout
    }

    /// The rendered bytes of `diagram`; DOT is our own text, the other formats come from Graphviz.
    public func render(_ diagram: Diagram, as format: OutputFormat) throws -> Data {
        try render(dot: DOTWriter.write(diagram), nodeCount: diagram.nodeCount, as: format)
    }

    func render(dot text: String, nodeCount: Int, as format: OutputFormat) throws -> Data {
        guard format != .dot else { return Data(text.utf8) }
        let engine = engine ?? LayoutEngine.forSize(nodeCount)
        // Graphviz cannot be interrupted, so the layout runs on a thread of its own and is abandoned at the
        // deadline; the command then exits, which stops it.
        let box = ResultBox()
        let thread = Thread {
            box.set(Result { try Renderer.layoutAndRender(text, engine: engine, format: format) })
        }
        thread.stackSize = 64 << 20  // dot recurses deeply on large graphs
        thread.start()
        guard box.wait(timeout: timeout), let result = box.result else {
            let other = engine == .sfdp ? "" : " or try --layout sfdp"
            throw GraphvizError("the \(engine.rawValue) layout took longer than \(Renderer.seconds(timeout)) and was stopped;"
                                + " draw less (--focus, or let zones collapse)\(other)")
        }
        let data = try result.get()
        return format == .pdf ? Renderer.withoutCreationDate(data) : data
    }

    /// Cairo stamps each PDF with the time it was made (and Debian's cairo ignores SOURCE_DATE_EPOCH). The
    /// same model must give the same bytes, so the stamp becomes a fixed date of the same length, which
    /// keeps the cross-reference offsets valid.
    static func withoutCreationDate(_ pdf: Data) -> Data {
        var bytes = [UInt8](pdf)
        let key = Array("/CreationDate (D:".utf8), fixed = Array("20000101000000".utf8)
        guard let start = bytes.firstRange(of: key)?.upperBound, start + fixed.count <= bytes.count,
              bytes[start..<(start + fixed.count)].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return pdf }
        bytes.replaceSubrange(start..<(start + fixed.count), with: fixed)
        return Data(bytes)
    }

    /// `60 s`, `0.3 s`, `5 ms`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        if milliseconds == 0 { return "\(seconds) s" }
        if milliseconds % 100 == 0 { return "\(seconds).\(milliseconds / 100) s" }
        return seconds == 0 ? "\(milliseconds) ms" : "\(seconds).\(String(format: "%03d", Int(milliseconds))) s"
    }

    private static func layoutAndRender(_ text: String, engine: LayoutEngine, format: OutputFormat) throws -> Data {
        try Graphviz.shared.withContext { gvc in
            var count: Int32 = 0
            if gvPluginList(gvc, "layout", &count, nil) == nil || count == 0 {
                throw GraphvizError("Graphviz has no layout plugins: its plugin configuration (config6a) is missing;"
                                    + " run `libgvc6-config-update -c` as root, or reinstall libgvc6")
            }
            guard let graph = agmemread(text) else {
                throw GraphvizError("Graphviz could not read the diagram: " + lastError())
            }
            defer { agclose(graph) }
            guard gvLayout(gvc, graph, engine.rawValue) == 0 else {
                throw GraphvizError("the \(engine.rawValue) layout failed: " + lastError())
            }
            defer { gvFreeLayout(gvc, graph) }
            var bytes: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            guard gvRenderData(gvc, graph, format.rawValue, &bytes, &length) == 0, let bytes else {
                throw GraphvizError("Graphviz could not render \(format.rawValue): " + lastError())
            }
            defer { gvFreeRenderData(bytes) }
            return Data(bytes: bytes, count: Int(length))
        }
    }

    private static func lastError() -> String {
        guard let message = aglasterr() else { return "no message" }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no message" : text
    }
}

/// Hands a result from the layout thread to the waiting caller.
private final class ResultBox: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stored: Result<Data, Error>?

    var result: Result<Data, Error>? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func set(_ result: Result<Data, Error>) {
        lock.lock()
        stored = result
        lock.unlock()
        semaphore.signal()
    }

    func wait(timeout: Duration) -> Bool {
        let (seconds, attoseconds) = timeout.components
        // Past a day the wait is as good as unbounded, and the nanosecond count cannot overflow.
        let nanoseconds = min(Int(clamping: seconds), 86_400) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        return semaphore.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success
    }
}
