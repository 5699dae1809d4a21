import ScopeAnalysis
import ScopeModel

// libFuzzer targets over the whole pipeline a stranger's model goes through (`make fuzz`):
// - `model` (the default): lexer, parser, resolver and analysis must never crash, hang or leak, and every
//   diagnostic must point inside the file;
// - `roundtrip` (CUISCOPE_FUZZ=roundtrip): a model that parses cleanly formats to a text that parses to the
//   same model (the same elements, relations, categories and findings), and formatting is idempotent.
// Built only with `-D FUZZING -sanitize=fuzzer`; otherwise it is a stub, so `swift build` stays plain.

#if FUZZING
import Foundation

private let roundTrip = ProcessInfo.processInfo.environment["CUISCOPE_FUZZ"] == "roundtrip"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if roundTrip { checkRoundTrip(bytes) } else { checkModel(bytes) }
    return 0
}

// SwiftPM links an executable's entry point as `<target>_main` (so that tests can link the target too);
// here it hands over to libFuzzer's driver, which parses the fuzzing options and runs the target.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("ScopeFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc, arguments = argv
    return runDriver(&count, &arguments, fuzzOneInput)
}

private func load(_ bytes: [UInt8], path: String = "fuzz.scope") -> ModelLoader.Result {
    ModelLoader(loader: InMemoryLoader([:])).load(root: SourceFile(path: path, bytes: bytes))
}

private func checkModel(_ bytes: [UInt8]) {
    let result = load(bytes)
    let lines = bytes.count { $0 == UInt8(ascii: "\n") } + 1
    for diagnostic in result.diagnostics {
        let location = diagnostic.location
        guard location.line >= 1, location.line <= lines, location.column >= 1 else {
            fatalError("diagnostic outside the file: \(location) \(diagnostic.message)")
        }
        _ = DiagnosticPrinter().render(diagnostic)
    }
    guard let model = result.model else { return }
    for level in 1...3 {
        let analysis = Analysis(model: model, level: level)
        for asset in model.assets.indices { _ = analysis.reasons(forAsset: asset) }
        let explainer = Explainer(model: model)
        for finding in analysis.findings { _ = finding.evidence.map(explainer.text) }
    }
}

private func checkRoundTrip(_ bytes: [UInt8]) {
    let (tree, diagnostics) = Parser.parse(SourceFile(path: "fuzz.scope", bytes: bytes))
    guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
    let formatted = CanonicalPrinter.format(tree)
    let (again, againDiagnostics) = Parser.parse(SourceFile(path: "fuzz.scope", text: formatted))
    guard !againDiagnostics.contains(where: { $0.severity == .error }) else { fatalError("fmt output does not parse:\n\(formatted)") }
    guard CanonicalPrinter.format(again) == formatted else { fatalError("fmt is not idempotent:\n\(formatted)") }
    let original = load(bytes), reformatted = load(Array(formatted.utf8))
    guard (original.model == nil) == (reformatted.model == nil) else { fatalError("fmt changed whether the model resolves:\n\(formatted)") }
    guard let before = original.model, let after = reformatted.model else { return }
    guard fingerprint(before) == fingerprint(after) else { fatalError("fmt changed the model:\n\(formatted)") }
}

/// The model's meaning without positions: its elements, relations, and what the analysis makes of them.
private func fingerprint(_ model: Model) -> [String] {
    let analysis = Analysis(model: model)
    let explainer = Explainer(model: model)
    return model.assets.map { "\($0.id) \($0.type) \($0.zone ?? -1) \($0.stores) \($0.processes) \($0.policy ?? "") \($0.count)" }
        + model.zones.map { "\($0.id) \($0.parent ?? -1) \($0.separation)" }
        + model.relations.map { explainer.relationText($0) + " " + explainer.attributes(of: $0) }
        + analysis.assetCategories.map(\.rawValue)
        + analysis.findings.map { "\($0.rule) \(explainer.text($0.subject)) \($0.isSuppressed)" }
}
#else
@main
enum ScopeFuzz {
    static func main() { print("ScopeFuzz is a libFuzzer target: run it with `make fuzz`") }
}
#endif
