import Foundation
import Testing
@testable import ScopeModel

/// Loads `text` as `m.scope`, with `files` beside it for includes.
func load(_ text: String, path: String = "m.scope", files: [String: String] = [:]) -> ModelLoader.Result {
    var all = files
    all[path] = text
    return ModelLoader(loader: InMemoryLoader(all)).load(root: SourceFile(path: path, text: text))
}

/// The model of `text`, which must load without errors.
func model(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Model {
    let result = load(text)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(summary))", sourceLocation: sourceLocation)
    return try #require(result.model, sourceLocation: sourceLocation)
}

/// `LINE:COLUMN: MESSAGE` for each diagnostic of `text`, in order.
func errors(_ text: String, files: [String: String] = [:]) -> [String] {
    load(text, files: files).diagnostics.map(summary)
}

func summary(_ diagnostic: Diagnostic) -> String {
    let location = diagnostic.location
    return "\(location.line):\(location.column): \(diagnostic.message)"
}

/// The hints of `text`'s diagnostics, in order.
func hints(_ text: String, files: [String: String] = [:]) -> [String?] {
    load(text, files: files).diagnostics.map(\.hint)
}

/// The model's content without source positions, so that two parses of differently laid-out text compare.
func semanticDump(_ model: Model) -> String { dump(model) }

private func dump(_ value: Any) -> String {
    if value is SourceSpan || value is SourceFile { return "_" }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .struct, .class:
        let fields = mirror.children.filter { $0.label != "span" && $0.label != "files" }
        return "{" + fields.map { "\($0.label ?? "?")=\(dump($0.value))" }.joined(separator: ",") + "}"
    case .collection, .set:
        return "[" + mirror.children.map { dump($0.value) }.sorted(by: { mirror.displayStyle == .set && $0 < $1 }).joined(separator: ",") + "]"
    case .dictionary:
        return "[" + mirror.children.map { child -> String in
            let pair = Mirror(reflecting: child.value).children.map { dump($0.value) }
            return pair.joined(separator: ":")
        }.sorted().joined(separator: ",") + "]"
    case .optional:
        return mirror.children.first.map { dump($0.value) } ?? "nil"
    case .enum:
        let payload = mirror.children.map { dump($0.value) }.joined(separator: ",")
        return "\(value)".prefix { $0 != "(" } + (payload.isEmpty ? "" : "(\(payload))")
    default:
        return "\(value)"
    }
}

/// A deterministic pseudo-random generator (SplitMix64), so every generated case can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The example models shipped in `Models/`.
enum Examples {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Models")

    static var paths: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".scope") }.sorted().map { directory.appendingPathComponent($0).path }
    }
}
