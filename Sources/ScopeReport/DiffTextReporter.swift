import ScopeAnalysis

/// `cuiscope diff`: the verdict, then what changed in scope, roles, findings and relations.
public struct DiffTextReporter: Reporter {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func write(_ report: DiffReport, to output: inout some TextOutputStream) {
        let diff = report.diff
        let text = DiffText(diff)
        output.write(style.bold("\(report.base) -> \(report.head): \(diff.verdict)") + "\n")
        // Causes first: what was edited; then what follows from it.
        if !diff.declarations.isEmpty {
            output.write("\n" + style.bold("Declaration changes (\(diff.declarations.count))") + "\n")
            for change in diff.declarations { output.write("  " + style.literal(text.line(change)) + "\n") }
        }
        if !diff.relations.isEmpty {
            output.write("\n" + style.bold("Relation changes (\(diff.relations.count))") + "\n")
            for change in diff.relations { output.write("  " + style.literal(text.line(change)) + "\n") }
        }
        if !diff.assets.isEmpty {
            output.write("\n" + style.bold("Scope changes") + "\n")
            for change in diff.assets {
                let marker = change.before == nil ? "+" : change.after == nil ? "-" : "~"
                output.write("  \(marker) \(change.id): \(change.before?.rawValue ?? "(new)") -> \(change.after?.rawValue ?? "(removed)")\n")
                for line in text.why(change) { output.write("      " + style.dim(style.literal(line)) + "\n") }
            }
        }
        if !diff.providers.isEmpty {
            output.write("\n" + style.bold("Provider roles") + "\n")
            for change in diff.providers {
                output.write("  \(change.id): \(change.before?.rawValue ?? "(new)") -> \(change.after?.rawValue ?? "(removed)")\n")
            }
        }
        if !diff.newFindings.isEmpty {
            output.write("\n" + style.bold("New findings (\(diff.newFindings.count))") + "\n")
            let findingText = FindingText(style: style, explainer: text.head, findings: diff.newFindings)
            for finding in diff.newFindings { findingText.write(finding, to: &output) }
        }
        if !diff.resolvedFindings.isEmpty {
            output.write("\n" + style.bold("Resolved findings (\(diff.resolvedFindings.count))") + "\n")
            for finding in diff.resolvedFindings {
                output.write("  [\(finding.rule)] \(text.base.text(finding.subject)): \(finding.message)\n")
            }
        }
    }
}
