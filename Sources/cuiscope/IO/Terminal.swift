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
    private var buffer = ""
    private static let capacity = 1 << 16

    func write(_ string: String) {
        buffer += string
        if buffer.utf8.count >= Self.capacity { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        Terminal.write(buffer)
        buffer = ""
    }

    deinit { flush() }
}
