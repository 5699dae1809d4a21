import Foundation
import ScopeModel

/// Where output goes, and whether it may be colored.
enum Terminal {
    /// Color only on a terminal, never with `--no-color` or `NO_COLOR` set (https://no-color.org).
    static func colorEnabled(noColorFlag: Bool, handle: Int32 = STDOUT_FILENO) -> Bool {
        !noColorFlag && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true && isatty(handle) == 1
    }

    static func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }

    static func writeError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    /// Prints model diagnostics on stderr, compiler style.
    static func report(_ diagnostics: [Diagnostic], noColor: Bool) {
        guard !diagnostics.isEmpty else { return }
        let printer = DiagnosticPrinter(colored: colorEnabled(noColorFlag: noColor, handle: STDERR_FILENO))
        writeError(printer.render(diagnostics))
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        writeError(parts.joined(separator: ", ") + "\n")
    }
}

/// Writes files so that a failed run never leaves a half-written one: a temporary file in the target
/// directory, then a rename over the target.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch let failure as CommandFailure {
            try? FileManager.default.removeItem(at: temporary)
            throw failure
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure("cannot write \(path): \((error as NSError).localizedDescription)")
        }
    }
}

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
