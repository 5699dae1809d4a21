import ScopeAnalysis

/// `cuiscope advise --format markdown`: the suggestions for a design review or a pull-request comment.
public struct AdviceMarkdownReporter: Reporter {
    public init() {}

    public func write(_ report: AdviceReport, to output: inout some TextOutputStream) {
        let advice = report.advice
        output.write("### cuiscope advise: \(advice.scopeUnits) units in scope today\n\n\(Markdown.code(report.path))\n")
        if let target = advice.target {
            output.write("\nTarget \(target.requested) units: " + (target.reached ? "reached" : "not reachable")
                + ", \(target.unitsAfter) units with the best change found.\n")
        }
        if advice.suggestions.isEmpty { output.write("\nNo design change verified to shrink the scope.\n") }
        for (suggestion, patch) in zip(advice.suggestions, report.patches) {
            let text = AdviceText(suggestion: suggestion)
            output.write("\n#### \(suggestion.rank). \(Markdown.text(text.title))\n\n")
            output.write("- effect: \(Markdown.text(text.effect))\n")
            if !text.assetChanges.isEmpty { output.write("- assets: " + text.assetChanges.map(Markdown.code).joined(separator: ", ") + "\n") }
            if !text.resolved.isEmpty { output.write("- resolves: " + text.resolved.map(Markdown.code).joined(separator: ", ") + "\n") }
            if !text.introduced.isEmpty { output.write("- introduces: " + text.introduced.map(Markdown.code).joined(separator: ", ") + "\n") }
            for caveat in text.caveats { output.write("- caveat: \(Markdown.text(caveat, keepingCode: true))\n") }
            output.write("\n```diff\n")
            for line in patch.split(separator: "\n") { output.write(Markdown.fencedLine(String(line)) + "\n") }
            output.write("```\n")
        }
        let fixes = advice.fixes
        if !fixes.isEmpty {
            let explainer = Explainer(model: advice.analysis.model)
            output.write("\n#### Fixes that change findings, not scope\n\n| points | rule | findings | remedy |\n|---|---|---|---|\n")
            for fix in fixes {
                output.write("| \(fix.points) | \(Markdown.code(fix.rule)) | \(fix.findings.count): \(Markdown.text(AdviceText.subjects(of: fix, explainer))) | "
                    + Markdown.text(fix.remedy, keepingCode: true) + " |\n")
            }
        }
    }
}
