import ScopeAnalysis

/// `cuiscope advise`: today's scope, then each verified suggestion with its effect, caveats and edit, then
/// the fixes that change findings but not scope.
public struct AdviceTextReporter: Reporter {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func write(_ report: AdviceReport, to output: inout some TextOutputStream) {
        let advice = report.advice
        output.write(style.bold("\(style.literal(report.path)): \(advice.scopeUnits) units in scope today") + "\n")
        if let target = advice.target { writeTarget(target, advice: advice, to: &output) }
        if advice.suggestions.isEmpty {
            output.write("\nNo design change verified to shrink the scope" + (advice.analysis.level == 1 ? " (level 1 has no reach to cut)" : "") + ".\n")
        }
        for (suggestion, patch) in zip(advice.suggestions, report.patches) {
            let text = AdviceText(suggestion: suggestion)
            output.write("\n" + style.bold("\(suggestion.rank). \(style.literal(text.title))") + "\n")
            output.write("   effect: \(text.effect)\n")
            for change in text.assetChanges { output.write("     \(style.literal(change))\n") }
            if !text.resolved.isEmpty { output.write("   resolves: " + style.literal(text.resolved.joined(separator: ", ")) + "\n") }
            if !text.introduced.isEmpty { output.write("   introduces: " + style.literal(text.introduced.joined(separator: ", ")) + "\n") }
            for caveat in text.caveats { output.write("   caveat: " + style.literal(caveat) + "\n") }
            output.write("   edit:\n")
            for line in patch.split(separator: "\n") { output.write("     " + style.literal(String(line)) + "\n") }
            output.write(style.dim("   apply: cuiscope advise \(style.literal(report.path)) --apply \(suggestion.rank) -o NEW.scope") + "\n")
        }
        let fixes = advice.fixes
        if !fixes.isEmpty {
            output.write("\n" + style.bold("Fixes that change findings, not scope (\(fixes.count) rules)") + "\n")
            let explainer = Explainer(model: advice.analysis.model)
            for fix in fixes {
                let subjects = AdviceText.subjects(of: fix, explainer)
                output.write("  \(fix.points) pts  [\(fix.rule)] ×\(fix.findings.count): " + style.literal(subjects) + "\n")
                output.write("      " + style.dim(style.literal(fix.remedy)) + "\n")
            }
        }
    }

    private func writeTarget(_ target: TargetOutcome, advice: Advice, to output: inout some TextOutputStream) {
        let model = advice.analysis.model
        switch (target.reached, advice.suggestions.isEmpty) {
        case (true, true): return output.write("target \(target.requested) units: met today\n")
        case (true, false): return output.write("target \(target.requested) units: reached, \(target.unitsAfter) units with suggestion 1\n")
        default: output.write("target \(target.requested) units: not reachable; the best found is \(target.unitsAfter) units\n")
        }
        for (assets, why) in [(target.holders, "hold CUI themselves"), (target.protectors, "protect the scope (Security Protection Assets)"),
                              (target.reaching, "still reach CUI, and no verified change separates them")] where !assets.isEmpty {
            output.write("  \(target.units(of: assets, in: model)) units \(why): "
                + style.literal(assets.map { model.assets[$0].id }.joined(separator: ", ")) + "\n")
        }
    }
}
