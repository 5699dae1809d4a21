import ArgumentParser
import Foundation
import ScopeModel

struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite model files in canonical form.",
        discussion: "`fmt -` formats standard input to standard output. Includes are not followed: each file is formatted on its own."
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
        var hadErrors = false
        var unformatted: [String] = []
        for path in files {
            let isStandardInput = path == "-"
            let file = try ModelInput.source(path)
            let bytes = file.bytes
            let (tree, diagnostics) = Parser.parse(file)
            if diagnostics.contains(where: { $0.severity == .error }) {
                Terminal.report(diagnostics, noColor: color.noColor)
                hadErrors = true
                continue
            }
            let formatted = CanonicalPrinter.format(tree)
            if isStandardInput {
                if check {
                    if Array(formatted.utf8) != bytes { unformatted.append(path) }
                } else {
                    Terminal.write(formatted)
                }
            } else if Array(formatted.utf8) != bytes {
                unformatted.append(path)
                if !check { try AtomicFile.write(Data(formatted.utf8), to: path) }
            }
        }
        if hadErrors { throw ExitStatus.modelErrors.exitCode }
        if check, !unformatted.isEmpty {
            Terminal.write(unformatted.map { "\($0): not canonical\n" }.joined())
            throw ExitStatus.findings.exitCode
        }
    }
}
