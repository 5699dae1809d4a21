import ArgumentParser
import Foundation
import ScopeModel

struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite model files in canonical form.",
        discussion: """
        `fmt -` formats standard input to standard output. Includes are not followed: each file is formatted on \
        its own. Every file is processed; the exit code is the worst of them (1 not canonical with --check, 2 model \
        errors, 3 unreadable or unwritable).
        """
    )

    @Argument(help: "The files to format, or - for standard input.")
    var files: [String]

    @Flag(help: "Change nothing; exit 1 listing the files that are not canonical.")
    var check = false

    @OptionGroup var color: ColorOption

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file, or - for standard input") }
        if files.contains("-"), files.count > 1 { throw ValidationError("- (standard input) cannot be combined with files") }
    }

    func run() throws {
        var worst = ExitStatus.clean
        var unformatted: [String] = []
        for path in files {
            do {
                if try !format(path) { unformatted.append(path) }
            } catch let failure as CommandFailure {
                Terminal.writeError("cuiscope: \(failure)\n")
                worst = max(worst, .usageOrIO)
            } catch {
                worst = max(worst, .modelErrors)
            }
        }
        if check, !unformatted.isEmpty {
            Terminal.write(unformatted.map { "\($0): not canonical\n" }.joined())
            worst = max(worst, .findings)
        }
        if worst != .clean { throw worst.exitCode }
    }

    /// Formats one file (or checks it); whether it was canonical already. Model errors print and throw.
    private func format(_ path: String) throws -> Bool {
        let file = try ModelInput.source(path)
        let (tree, diagnostics) = Parser.parse(file)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            Terminal.report(diagnostics, noColor: color.noColor)
            throw ExitStatus.modelErrors.exitCode
        }
        let formatted = Array(CanonicalPrinter.format(tree).utf8)
        let canonical = formatted == file.bytes
        if path == "-" {
            if !check { Terminal.write(String(decoding: formatted, as: UTF8.self)) }
        } else if !canonical, !check {
            if OutputFile.isReadOnly(path) { throw CommandFailure("\(path) is read-only; fmt does not rewrite it") }
            try OutputFile.write(Data(formatted), to: path)
        }
        return canonical
    }
}
