import ScopeAnalysis

/// `cuiscope rules`: the catalogue, each rule with its levels, trigger, citations and remedy.
public struct RulesTextReporter: Reporter {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func write(_ rules: [Rule], to output: inout some TextOutputStream) {
        for rule in rules {
            output.write(style.bold(rule.id) + " " + style.severityWord(rule.severity) + " "
                + style.dim("(level \(rule.levels.sorted().map(String.init).joined(separator: ", ")))") + "\n")
            output.write("  fires when \(rule.summary)\n")
            let cites = rule.requirements.citations + [rule.basis]
            output.write("  cites: " + cites.joined(separator: "; ") + "\n")
            output.write("  remedy: \(rule.remedy)\n\n")
        }
    }
}
