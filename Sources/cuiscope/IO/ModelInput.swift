import ArgumentParser
import Foundation
import ScopeAnalysis
import ScopeModel
import ScopeReport

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

    static func load(_ path: String, includeRoot: String?, noColor: Bool, errorsAs format: MachineFormat?) throws -> Model {
        let result = ModelLoader(includeRoot: includeRoot, ruleIDs: Rule.catalogue.map(\.id)).load(root: try source(path))
        Terminal.report(result.diagnostics, noColor: noColor)
        guard let model = result.model else { throw failure(result.diagnostics, path: path, format: format) }
        return model
    }

    /// Exit 2 for a model with errors; with `--format json` or `sarif`, the diagnostics on stdout too, so
    /// that a CI step reading the output sees them with their codes and notes.
    static func failure(_ diagnostics: [Diagnostic], path: String, format: MachineFormat?) -> ExitCode {
        var output = StandardOutput()
        switch format {
        case .json?: DiagnosticsJSONReporter().write(.init(path: path, diagnostics: diagnostics), to: &output)
        case .sarif?: SARIFReporter(artifactURI: RepositoryURI.mapper()).write(.init(model: nil, findings: [], diagnostics: diagnostics), to: &output)
        case nil: break
        }
        return ExitStatus.modelErrors.exitCode
    }
}

/// The output formats a machine reads, which carry model errors too.
enum MachineFormat: String { case json, sarif }
