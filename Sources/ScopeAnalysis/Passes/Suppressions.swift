import ScopeModel

/// Pass 6 (docs/scoping.md §7): `suppress RULE on ID "why"` silences the findings of RULE about ID or about a
/// relation with ID at one end, `suppress RULE on A -> B` those about that relation; the justification stays
/// on them. A suppression that matches nothing is a warning (an unknown rule is the loader's error).
struct Suppressions {
    private(set) var findings: [Finding]
    private(set) var diagnostics: [Diagnostic]

    init(_ suppressions: [Suppression], findings: [Finding], in model: Model) {
        var findings = findings
        var diagnostics = DiagnosticBag()
        for suppression in suppressions {
            var matched = false
            for index in findings.indices where findings[index].rule == suppression.rule && !findings[index].isSuppressed
                && Suppressions.target(suppression.target, matches: findings[index].subject, in: model) {
                findings[index].suppression = suppression
                matched = true
            }
            if !matched {
                diagnostics.warning(.unmatchedSuppression, "`suppress \(suppression.rule) on \(Suppressions.text(suppression.target, in: model))` matches no finding",
                                    at: suppression.span, hint: "remove it, or check the rule id and the subject")
            }
        }
        self.findings = findings
        self.diagnostics = diagnostics.all
    }

    /// `on plm` matches the findings about plm; `on a -> b` those about a relation written with those ends and arrow.
    private static func target(_ target: Suppression.Target, matches subject: Subject, in model: Model) -> Bool {
        switch (target, subject) {
        case (.element(let element), .element(let other)): return element == other
        case (.element(let element), .relation(let relation)):
            let ends = model.ends(of: relation)
            return ends.from.element == element || ends.to.element == element
        case (.relation(let from, let arrow, let to), .relation(let relation)):
            let ends = model.ends(of: relation)
            return ends.from.element == from && ends.arrow == arrow && ends.to.element == to
        default: return false
        }
    }

    private static func text(_ target: Suppression.Target, in model: Model) -> String {
        switch target {
        case .element(let element): model.id(of: element)
        case .relation(let from, let arrow, let to): "\(model.id(of: from)) \(arrow.rawValue) \(model.id(of: to))"
        }
    }
}
