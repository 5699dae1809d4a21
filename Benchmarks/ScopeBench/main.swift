import Foundation
import ScopeAnalysis
import ScopeModel
import ScopeRender

// Usage: ScopeBench [SIZE ...]. Without a size it measures 10k, 100k and 1M relations, each in a child
// process of its own so that peak memory belongs to one size.
let sizes = [10_000, 100_000, 1_000_000]

/// Seconds since `start`.
func seconds(since start: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

/// This process's peak resident memory so far.
func peakMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// The generated model of `relations` relations, loaded (parse and resolve) and timed; its size in bytes.
func loadSynthetic(relations: Int) -> (model: Model, bytes: Int, seconds: Double) {
    let bytes = Array(SyntheticModel(relations: relations).text().utf8)
    let start = DispatchTime.now()
    let result = ModelLoader(loader: InMemoryLoader([:])).load(root: SourceFile(path: "synthetic.scope", bytes: bytes))
    guard let model = result.model else {
        print("error: the synthetic model has \(result.diagnostics.count) diagnostics; first: \(result.diagnostics[0].message)")
        exit(1)
    }
    return (model, bytes.count, seconds(since: start))
}

/// The generated model loaded, then analyzed, each timed.
func loadAndAnalyze(relations: Int) -> (model: Model, analysis: Analysis, loadSeconds: Double, analysisSeconds: Double) {
    let (model, _, loadSeconds) = loadSynthetic(relations: relations)
    let start = DispatchTime.now()
    let analysis = Analysis(model: model)
    return (model, analysis, loadSeconds, seconds(since: start))
}

func measure(relations: Int) {
    // Parsing alone, as the loader parses, so that resolve is the load less the parse: the second of two
    // runs, as warm as the load.
    let text = Array(SyntheticModel(relations: relations).text().utf8)
    let parseSeconds = (0..<2).map { _ in
        let parseStart = DispatchTime.now()
        _ = Parser.parse(SourceFile(path: "synthetic.scope", bytes: text), deferringRelations: true)
        return ScopeBench.seconds(since: parseStart)
    }[1]
    let (model, bytes, seconds) = loadSynthetic(relations: relations)
    let analysisStart = DispatchTime.now()
    let analysis = Analysis(model: model)
    let analysisSeconds = ScopeBench.seconds(since: analysisStart)
    let inScope = analysis.assetCategories.count { $0.inScope }
    let peakMB = peakMB()
    let line = String(format: "%9d relations  %8d assets  %6.1f MB text  parse+resolve %7.3f s (parse alone %7.3f s)  analysis %7.3f s  %7d in scope  %6d findings  peak RSS %7.1f MB",
                      model.relationCount, model.assets.count, Double(bytes) / 1e6, seconds, parseSeconds, analysisSeconds,
                      inScope, analysis.findings.count, peakMB)
    print(line)
}

/// The boundary diagram of the generated model of `relations` relations: load and analysis, then the diagram
/// built, laid out and written as SVG, as `cuiscope diagram` does.
func measureRender(relations: Int) {
    let (model, analysis, loadSeconds, analysisSeconds) = loadAndAnalyze(relations: relations)
    let start = DispatchTime.now()
    let diagram: Diagram
    let svg: Data
    do {
        diagram = try DiagramBuilder.build(analysis)
        svg = try Renderer().render(diagram, as: .svg)
    } catch {
        print("error: \(error)")
        exit(1)
    }
    let renderSeconds = seconds(since: start)
    print(String(format: "%9d relations  %7d assets  %4d nodes drawn  %4d edges  layout %@  parse+resolve %6.3f s  analysis %6.3f s  build+layout+SVG %6.3f s  total %6.3f s  peak RSS %7.1f MB",
                 model.relationCount, model.assets.count, diagram.nodeCount, diagram.edges.count,
                 LayoutEngine.forSize(diagram.nodeCount).rawValue, loadSeconds, analysisSeconds, renderSeconds,
                 loadSeconds + analysisSeconds + renderSeconds, peakMB()))
    _ = svg
}

/// Runs this executable once per size, so that each peak memory belongs to one size.
func runChildren(_ arguments: [[String]]) {
    for argument in arguments {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = argument
        do {
            try child.run()
            child.waitUntilExit()
        } catch {
            print("error: \(error)")
        }
    }
}

/// Times the release `cuiscope` on a generated model: `check` of it, and `diff` against a copy with 1% of
/// its relations changed (their encryption, data or MFA). Median of three runs each.
func measureDiff(relations: Int) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cuiscope-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let base = SyntheticModel(relations: relations).text()
    var relationLine = 0
    let head = base.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
        guard ["flow ", "link ", "access ", "protects "].contains(where: { line.hasPrefix($0) }) else { return line }
        relationLine += 1
        guard relationLine % 100 == 0 else { return line }
        if line.contains("mfa yes") { return Substring(line.replacingOccurrences(of: "mfa yes", with: "mfa no")) }
        if line.contains("carries d") { return Substring(line.replacingOccurrences(of: "carries d", with: "carries d1")) }
        return line + " { separation logical }"
    }.joined(separator: "\n")
    let basePath = directory.appendingPathComponent("base.scope").path, headPath = directory.appendingPathComponent("head.scope").path
    try? Data(base.utf8).write(to: URL(fileURLWithPath: basePath))
    try? Data(head.utf8).write(to: URL(fileURLWithPath: headPath))
    let cli = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cuiscope")
    func median(_ arguments: [String]) -> Double {
        let times = (0..<3).map { _ -> Double in
            let process = Process()
            process.executableURL = cli
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let start = DispatchTime.now()
            try? process.run()
            process.waitUntilExit()
            return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        }
        return times.sorted()[1]
    }
    let check = median(["check", headPath, "--format", "json", "--fail-on", "never"])
    let diff = median(["diff", basePath, headPath, "--format", "json", "--fail-on", "never"])
    print(String(format: "%8d relations, %d changed: check %.3f s, diff %.3f s, diff/check %.2f", relations, relationLine / 100,
                 check, diff, diff / check))
}

/// The advisor on a generated model: candidates, the minimum cut and the verifications, after one load and analysis.
func measureAdvice(relations: Int) {
    let (model, analysis, loadSeconds, analysisSeconds) = loadAndAnalyze(relations: relations)
    let adviceStart = DispatchTime.now()
    let advice = Advice(analysis)
    let adviceSeconds = seconds(since: adviceStart)
    print(String(format: "%9d relations  %8d assets  parse+resolve %7.3f s  analysis %7.3f s  advice %7.3f s  total %7.3f s  %3d suggestions  peak RSS %7.1f MB",
                 model.relationCount, model.assets.count, loadSeconds, analysisSeconds, adviceSeconds,
                 loadSeconds + analysisSeconds + adviceSeconds, advice.suggestions.count, peakMB()))
}

// Usage: ScopeBench [SIZE] | ScopeBench render [RELATIONS] | ScopeBench diff | ScopeBench advise [RELATIONS] | ScopeBench model RELATIONS FILE.
// Without a size each mode measures all its sizes.
let arguments = Array(CommandLine.arguments.dropFirst())
// Unbuffered, so a header comes before the children's lines.
func header(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
if arguments.first == "model", arguments.count == 3, let relations = Int(arguments[1]) {
    // Writes a generated model to a file, to look at it or feed it to the CLI.
    do {
        try Data(SyntheticModel(relations: relations).text().utf8).write(to: URL(fileURLWithPath: arguments[2]))
    } catch {
        FileHandle.standardError.write(Data("ScopeBench: cannot write \(arguments[2]): \(error)\n".utf8))
        exit(3)
    }
} else if arguments.first == "advise" {
    if let relations = arguments.dropFirst().first.flatMap({ Int($0) }) {
        measureAdvice(relations: relations)
    } else {
        header("cuiscope benchmark: advise, after one load and analysis (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
        runChildren([4_000, 10_000, 100_000, 1_000_000].map { ["advise", String($0)] })
    }
} else if arguments.first == "diff" {
    header("cuiscope benchmark: diff of two models against one check (release CLI, median of 3)")
    measureDiff(relations: 100_000)
} else if arguments.first == "render" {
    if let relations = arguments.dropFirst().first.flatMap({ Int($0) }) {
        measureRender(relations: relations)
    } else {
        header("cuiscope benchmark: boundary diagram through libgvc (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
        runChildren([400, 4_000, 10_000, 100_000, 400_000, 1_000_000].map { ["render", String($0)] })
    }
} else if let size = arguments.first.flatMap({ Int($0) }) {
    measure(relations: size)
} else {
    header("cuiscope benchmark: parse+resolve, then analysis (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
    runChildren(sizes.map { [String($0)] })
}
