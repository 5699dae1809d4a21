import ScopeAnalysis

/// `cuiscope diff --format markdown`: a pull-request comment.
public struct DiffMarkdownReporter: Reporter {
    public init() {}

    public func write(_ report: DiffReport, to output: inout some TextOutputStream) {
        let diff = report.diff
        let text = DiffText(diff)
        output.write("### cuiscope: \(Markdown.text(diff.verdict))\n\n\(Markdown.code(report.base)) → \(Markdown.code(report.head))\n")
        // Causes first: the edited declarations; then the scope and findings that follow from them.
        if !diff.declarations.isEmpty {
            output.write("\n**Declaration changes (\(diff.declarations.count))**\n\n")
            for change in diff.declarations { output.write("- \(Markdown.code(text.line(change)))\n") }
        }
        if !diff.relations.isEmpty {
            output.write("\n<details><summary>Relation changes (\(diff.relations.count))</summary>\n\n```\n")
            for change in diff.relations { output.write(Markdown.fencedLine(text.line(change)) + "\n") }
            output.write("```\n\n</details>\n")
        }
        if !diff.assets.isEmpty {
            output.write("\n| asset | before | after | why |\n|---|---|---|---|\n")
            for change in diff.assets {
                let after = change.after.map { $0.inScope ? "**\($0.rawValue)**" : $0.rawValue } ?? "removed"
                output.write("| \(Markdown.code(change.id)) | \(change.before?.rawValue ?? "new") | \(after) | "
                    + text.why(change).map { Markdown.text($0) }.joined(separator: "<br>") + " |\n")
            }
        }
        if !diff.providers.isEmpty {
            output.write("\n| provider | before | after |\n|---|---|---|\n")
            for change in diff.providers {
                output.write("| \(Markdown.code(change.id)) | \(change.before?.rawValue ?? "new") | \(change.after?.rawValue ?? "removed") |\n")
            }
        }
        if !diff.newFindings.isEmpty {
            output.write("\n**New findings (\(diff.newFindings.count))**\n\n")
            for finding in diff.newFindings {
                let icon = finding.severity == .error ? "🛑" : finding.severity == .warning ? "⚠️" : "ℹ️"
                output.write("- \(icon) **\(finding.severity.rawValue)** \(Markdown.code(finding.rule)) on "
                    + "\(Markdown.code(text.head.text(finding.subject))): \(Markdown.text(finding.message, keepingCode: true))"
                    + " (\(Markdown.code(finding.location.fileAndLine)); \(finding.requirements.map(\.practice).joined(separator: ", ")))\n"
                    + "  - fix: \(Markdown.text(finding.remedy, keepingCode: true))\n")
            }
        }
        if !diff.resolvedFindings.isEmpty {
            output.write("\n**Resolved findings (\(diff.resolvedFindings.count))**\n\n")
            for finding in diff.resolvedFindings {
                output.write("- ✅ \(Markdown.code(finding.rule)) on \(Markdown.code(text.base.text(finding.subject)))\n")
            }
        }
    }
}
