import Foundation
import ScopeAnalysis
import ScopeModel

/// Loads a model for a command: diagnostics on stderr, exit 2 on model errors, exit 3 when unreadable.
enum ModelInput {
    /// The file at `path`, or standard input for `-` (named `<stdin>`; its includes are relative to the
    /// working directory). Unreadable, or larger than `FileReader.maximumSize`, is a usage or I/O error.
    static func source(_ path: String) throws -> SourceFile {
        do {
            if path == "-" { return SourceFile(path: "<stdin>", bytes: try FileReader.readStandardInput()) }
            return SourceFile(path: path, bytes: try FileReader.read(path))
        } catch {
            throw CommandFailure("cannot read \(path == "-" ? "standard input" : path): \(error)")
        }
    }

    static func load(_ path: String, includeRoot: String?, noColor: Bool) throws -> Model {
        let result = ModelLoader(includeRoot: includeRoot, ruleIDs: Rule.catalogue.map(\.id)).load(root: try source(path))
        Terminal.report(result.diagnostics, noColor: noColor)
        guard let model = result.model else { throw ExitStatus.modelErrors.exitCode }
        return model
    }
}
