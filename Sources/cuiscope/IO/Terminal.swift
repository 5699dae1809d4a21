import Foundation
import ScopeModel

/// Where output goes, and whether it may be colored.
enum Terminal {
    /// Color only on a terminal, never with `--no-color` or `NO_COLOR` set (https://no-color.org).
    static func colorEnabled(noColorFlag: Bool, handle: Int32 = STDOUT_FILENO) -> Bool {
        !noColorFlag && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true && isatty(handle) == 1
    }

    static func write(_ text: String) { write(text, to: STDOUT_FILENO, shown: "standard output") }

    static func writeError(_ text: String) { write(text, to: STDERR_FILENO, shown: "standard error") }

    /// A stream's reader cannot be told that a write failed (a full disk, a closed pipe), so the run stops
    /// here with exit 3 and says why on standard error, as for any file it cannot write.
    private static func write(_ text: String, to descriptor: Int32, shown: String) {
        do {
            try OutputFile.writeAll(Data(text.utf8), to: descriptor, path: shown)
        } catch {
            if descriptor == STDERR_FILENO { exit(ExitStatus.usageOrIO.rawValue) }
            stop(error)
        }
    }

    /// Ends the run for output that cannot be written: exit 3, and why on standard error.
    static func stop(_ error: Error) -> Never {
        try? OutputFile.writeAll(Data("cuiscope: \(error)\n".utf8), to: STDERR_FILENO, path: "standard error")
        exit(ExitStatus.usageOrIO.rawValue)
    }

    /// Prints model diagnostics on stderr, compiler style, then how many there were.
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

/// Standard output as a buffered text stream, for reporters: a report of a million findings is written
/// in 64 KiB pieces, not one system call per piece of text. What is left is written when the stream goes.
final class StandardOutput: TextOutputStream {
    private var output = FileOutput(descriptor: STDOUT_FILENO, path: "standard output")

    func write(_ string: String) { write(string.utf8) }

    /// UTF-8 text, as it is.
    func write(_ bytes: some Collection<UInt8>) {
        output.write(bytes)
        if output.failed { flush() }
    }

    func flush() {
        do { try output.flush() } catch { Terminal.stop(error) }
    }

    deinit { flush() }
}
