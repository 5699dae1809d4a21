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
        try render(dot: DOTWriter.write(diagram), nodeCount: diagram.nodeCount, page: diagram.page, as: format)
    }

    func render(dot text: String, nodeCount: Int, page: Page? = nil, as format: OutputFormat) throws -> Data {
        guard format != .dot else { return Data(text.utf8) }
        let engine = engine ?? LayoutEngine.forSize(nodeCount)
        // Graphviz cannot be interrupted, so the layout runs on a thread of its own and is abandoned at the
        // deadline; the command then exits, which stops it.
        let box = ResultBox()
        let capture = StandardErrorCapture()
        let thread = Thread {
            box.set(Result { try Renderer.layoutAndRender(text, engine: engine, page: page, format: format) })
        }
        thread.stackSize = 64 << 20  // dot recurses deeply on large graphs
        thread.start()
        let finished = box.wait(timeout: timeout)
        let said = capture.restore()
        guard finished, let result = box.result else {
            // Name a remedy other than the engine that just failed.
            let other = LayoutEngine.allCases.filter { $0 != engine && $0 != .fdp }.map { "--layout \($0.rawValue)" }.joined(separator: " or ")
            throw GraphvizError("the \(engine.rawValue) layout took longer than \(Renderer.seconds(timeout)) and was stopped;"
                                + " draw less (--focus, or a lower --collapse-above), or try \(other)")
        }
        let data: Data
        do {
            data = try result.get()
        } catch let error as GraphvizError where !said.isEmpty {
            throw GraphvizError(error.description + " (Graphviz said: " + said.joined(separator: "; ") + ")")
        }
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

    private static func layoutAndRender(_ text: String, engine: LayoutEngine, page: Page?, format: OutputFormat) throws -> Data {
        try Graphviz.shared.withContext { gvc in
            var count: Int32 = 0
            if gvPluginList(gvc, "layout", &count, nil) == nil || count == 0 {
                throw GraphvizError("Graphviz has no layout plugins: its plugin configuration (config6a) is missing;"
                                    + " run `libgvc6-config-update -c` as root, or reinstall libgvc6")
            }
            guard let graph = GraphvizReader.read(text) else {
                throw GraphvizError("Graphviz could not read the diagram: " + lastError())
            }
            defer { agclose(graph) }
            func layout() throws {
                guard gvLayout(gvc, graph, engine.rawValue) == 0 else {
                    throw GraphvizError("the \(engine.rawValue) layout failed: " + lastError())
                }
            }
            // Graphviz reads the graph's attributes when it lays out: a changed one needs a layout of its own.
            func relayout(_ attributes: [(String, String)]) throws {
                gvFreeLayout(gvc, graph)
                for (name, value) in attributes { set(graph, name, value) }
                try layout()
            }
            // fdp draws nodes over each other unless told to remove overlaps.
            if engine == .fdp { set(graph, "overlap", "false") }
            try layout()
            // On paper, the rank direction whose drawing is closer to the page's shape wins.
            if let page, let first = boundingBox(graph) {
                let target = log(page.inches.width / page.inches.height)
                let before = abs(log(first.width / first.height) - target)
                let original = "rankdir".withCString { agget(graph, UnsafeMutablePointer(mutating: $0)) }.map { String(cString: $0) } ?? "TB"
                try relayout([("rankdir", original == "LR" ? "TB" : "LR")])
                if let turned = boundingBox(graph), abs(log(turned.width / turned.height) - target) >= before {
                    try relayout([("rankdir", original)])
                }
            }
            // The fitted drawing is laid out again; its box moves a little once a pad is set, so once more with
            // the pad fitted to that box.
            var applied: (size: String, pad: String)?
            for _ in 0..<2 {
                guard let page, let fit = fitting(graph, to: page), fit.size != applied?.size || fit.pad != applied?.pad else { break }
                // A fitted bitmap is for print: 300 dots per inch of paper.
                try relayout([("size", fit.size), ("pad", fit.pad), ("margin", "0")] + (format == .png ? [("dpi", "300")] : []))
                applied = fit
            }
            // Cairo cannot make a bitmap more than 32,767 pixels wide or tall; Graphviz then shrinks it
            // itself, and on 2.42 that path can crash. A lower resolution keeps it from ever having to.
            if format == .png, page == nil, let box = boundingBox(graph) {
                let dpi = min(96, Renderer.largestBitmap * 72 / (max(box.width, box.height) + 2 * 72))
                if dpi < 96 { try relayout([("dpi", String(format: "%.2f", dpi))]) }
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

    /// The `size`, `pad` and `margin` that make the page exactly the paper: Graphviz scales the drawing and
    /// its pad together to fit `size`, and PDF adds a device margin unless `margin` is 0. The pad, per axis,
    /// makes the padded drawing the paper's shape, with at least `Page.margin` on every side after scaling.
    private static func fitting(_ graph: UnsafeMutablePointer<Agraph_t>, to page: Page) -> (size: String, pad: String)? {
        guard let (width, height) = boundingBox(graph) else { return nil }
        let (pageWidth, pageHeight) = (page.inches.width * 72, page.inches.height * 72)
        let scale = min((pageWidth - 2 * Page.margin * 72) / width, (pageHeight - 2 * Page.margin * 72) / height)
        let pad = ((pageWidth / scale - width) / 2 / 72, (pageHeight / scale - height) / 2 / 72)
        return (String(format: "%.4f,%.4f!", page.inches.width, page.inches.height), String(format: "%.4f,%.4f", pad.0, pad.1))
    }

    /// Pixels a bitmap may have on its longer side, under cairo's limit of 32,767.
    static let largestBitmap = 32_000.0

    /// The laid-out drawing's width and height in points.
    private static func boundingBox(_ graph: UnsafeMutablePointer<Agraph_t>) -> (width: Double, height: Double)? {
        // cgraph copies the strings it is given and does not write to them, whatever its C types say.
        guard let text = "bb".withCString({ agget(graph, UnsafeMutablePointer(mutating: $0)) }) else { return nil }
        // gvLayout writes `bb` as four numbers separated by spaces (or commas, as DOT writes it).
        let box = String(cString: text).split { $0 == "," || $0 == " " }.compactMap { Double($0) }
        guard box.count == 4, box[2] > box[0], box[3] > box[1] else { return nil }
        return (box[2] - box[0], box[3] - box[1])
    }

    /// Sets a graph attribute (cgraph copies the strings).
    private static func set(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
        name.withCString { name in
            value.withCString { value in
                "".withCString { empty in
                    _ = agsafeset(graph, UnsafeMutablePointer(mutating: name), UnsafeMutablePointer(mutating: value), UnsafeMutablePointer(mutating: empty))
                }
            }
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
