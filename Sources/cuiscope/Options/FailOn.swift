import ArgumentParser
import ScopeAnalysis

/// `--fail-on`: the severity from which findings make the exit code 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case error, warning, never

    func fails(_ findings: [Finding]) -> Bool {
        switch self {
        case .never: false
        case .error: findings.contains { !$0.isSuppressed && $0.severity == .error }
        case .warning: findings.contains { !$0.isSuppressed && $0.severity >= .warning }
        }
    }
}
