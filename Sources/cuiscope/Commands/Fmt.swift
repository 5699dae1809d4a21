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
        if path == "-", !check {
            let output = StandardOutput()
            CanonicalPrinter.format(tree) { output.write($0) }
            return true
        }
        var comparison = CanonicalComparison(original: file.bytes, keepsText: !check)
        CanonicalPrinter.format(tree) { comparison.compare($0) }
        if !comparison.isCanonical, !check {
            if OutputFile.isReadOnly(path) { throw CommandFailure("\(path) is read-only; fmt does not rewrite it") }
            try OutputFile.write(Data(comparison.text), to: path)
        }
        Parallel.release(tree)
        return comparison.isCanonical
    }
}

/// The canonical text as it is printed, compared with the file's own bytes. Nothing is kept while the two
/// agree, so checking a canonical file holds no second copy of it; from the first difference on, the text
/// is kept if asked (`keepsText`), starting with the bytes that agreed.
private struct CanonicalComparison {
    let original: [UInt8]
    let keepsText: Bool
    /// How many leading bytes agree so far.
    private var agreed = 0
    private var differs = false
    private var kept: [UInt8] = []

    init(original: [UInt8], keepsText: Bool) {
        self.original = original
        self.keepsText = keepsText
    }

    /// Compares the next printed bytes with the file's.
    mutating func compare(_ printed: [UInt8]) {
        var matched = 0
        if !differs {
            // A piece that agrees whole, the usual case, is one `memcmp`.
            if agreed + printed.count <= original.count,
               original.withUnsafeBufferPointer({ memcmp($0.baseAddress! + agreed, printed, printed.count) }) == 0 {
                agreed += printed.count
                return
            }
            while matched < printed.count, agreed < original.count, original[agreed] == printed[matched] {
                agreed += 1
                matched += 1
            }
            differs = true
            if keepsText { kept = Array(original[..<agreed]) }
        }
        if keepsText { kept.append(contentsOf: printed[matched...]) }
    }

    var isCanonical: Bool { !differs && agreed == original.count }

    /// The canonical text, when `keepsText`.
    var text: [UInt8] { differs ? kept : Array(original[..<agreed]) }
}
