import Foundation
import ScopeModel

/// Loads a model for a command: diagnostics on stderr, exit 2 on model errors, exit 3 when unreadable.
enum ModelInput {
    /// The file at `path`, or standard input for `-` (named `<stdin>`; its includes are relative to the
    /// working directory). Unreadable is a usage or I/O error.
    static func source(_ path: String) throws -> SourceFile {
        if path == "-" { return SourceFile(path: "<stdin>", bytes: [UInt8](FileHandle.standardInput.readDataToEndOfFile())) }
        do {
            return SourceFile(path: path, bytes: try FileSystemLoader().load(path))
        } catch {
            throw CommandFailure("cannot read \(path): \(error)")
        }
    }

    static func load(_ path: String, noColor: Bool) throws -> Model {
        let result = ModelLoader().load(root: try source(path))
        Terminal.report(result.diagnostics, noColor: noColor)
        guard let model = result.model else { throw ExitStatus.modelErrors.exitCode }
        return model
    }
}
