import ArgumentParser

/// The exit codes of docs/output.md, in order of gravity: a run that meets several exits with the worst.
enum ExitStatus: Int32, Comparable {
    case clean = 0, findings = 1, modelErrors = 2, usageOrIO = 3

    var exitCode: ExitCode { ExitCode(rawValue) }

    static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
