import ArgumentParser

/// The exit codes of docs/output.md.
enum ExitStatus: Int32 {
    case clean = 0, findings = 1, modelErrors = 2, usageOrIO = 3

    var exitCode: ExitCode { ExitCode(rawValue) }
}
