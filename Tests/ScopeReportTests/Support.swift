import Foundation
import ScopeAnalysis
import ScopeModel
import Testing

/// Loads and analyzes `text`, which must have no model errors.
func analyze(_ text: String, path: String = "m.scope", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Analysis {
    let result = ModelLoader(loader: InMemoryLoader([:])).load(root: SourceFile(path: path, text: text))
    #expect(!result.hasErrors, "\(result.diagnostics.map { "\($0.location): \($0.message)" })", sourceLocation: sourceLocation)
    return Analysis(model: try #require(result.model, sourceLocation: sourceLocation))
}

/// A JSON object from a reporter's output.
func object(_ json: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], sourceLocation: sourceLocation)
}
