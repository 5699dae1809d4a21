import Foundation
import ScopeAnalysis
import ScopeModel

// Usage: ScopeBench [SIZE ...]. Without a size it measures 10k, 100k and 1M relations, each in a child
// process of its own so that peak memory belongs to one size.
let sizes = [10_000, 100_000, 1_000_000]

func measure(relations: Int) {
    let text = SyntheticModel(relations: relations).text()
    let bytes = Array(text.utf8)
    let start = DispatchTime.now()
    let result = ModelLoader(loader: InMemoryLoader([:])).load(root: SourceFile(path: "synthetic.scope", bytes: bytes))
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    guard let model = result.model else {
        print("error: the synthetic model has \(result.diagnostics.count) diagnostics; first: \(result.diagnostics[0].message)")
        exit(1)
    }
    let analysisStart = DispatchTime.now()
    let analysis = Analysis(model: model)
    let analysisSeconds = Double(DispatchTime.now().uptimeNanoseconds - analysisStart.uptimeNanoseconds) / 1e9
    let inScope = analysis.assetCategories.count { $0.inScope }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let peakMB = Double(usage.ru_maxrss) / 1024
    let line = String(format: "%9d relations  %8d assets  %6.1f MB text  parse+resolve %7.3f s  analysis %7.3f s  %7d in scope  %6d findings  peak RSS %7.1f MB",
                      model.relationCount, model.assets.count, Double(bytes.count) / 1e6, seconds, analysisSeconds,
                      inScope, analysis.findings.count, peakMB)
    print(line)
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
if let size = arguments.first {
    measure(relations: size)
} else {
    // Unbuffered, so the header comes before the children's lines.
    FileHandle.standardOutput.write(Data("cuiscope benchmark: parse+resolve, then analysis (\(ProcessInfo.processInfo.activeProcessorCount) cores)\n".utf8))
    for size in sizes {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = [String(size)]
        try child.run()
        child.waitUntilExit()
    }
}
