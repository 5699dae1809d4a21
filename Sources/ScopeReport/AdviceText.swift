import ScopeAnalysis
import ScopeModel

/// What `advise` reports read: the advice, the model's path as the user gave it, and each suggestion's edit
/// as a unified diff of the model file.
public struct AdviceReport: Sendable {
    public let advice: Advice
    public let path: String
    /// Per suggestion, in order: its unified diff.
    public let patches: [String]

    public init(_ advice: Advice, path: String) {
        self.advice = advice
        self.path = path
        let model = advice.analysis.model
        let editor = model.files.first.map(ModelEditor.init)
        patches = advice.suggestions.map { suggestion in
            guard let editor else { return "" }
            return UnifiedDiff.text(of: editor.replacements(suggestion.edits), in: editor.file)
        }
    }
}

/// The words for a suggestion, shared by the advice's text, JSON and Markdown reporters.
struct AdviceText {
    let suggestion: AdvisedChange

    /// `separate-zone zone corp`, or `combined: separate-link link a -- b, separate-link link c -- d`.
    var title: String {
        let model = suggestion.diff.base.model
        let moves = suggestion.moves.map { "\($0.kind.rawValue) \($0.target(in: model))" }.joined(separator: ", ")
        return suggestion.moves.count == 1 ? moves : "combined: " + moves
    }

    /// `84 -> 21 units in scope; units leaving their category: cui 40, crma 23; SPRS +3`.
    var effect: String {
        let leaving = Self.categories.compactMap { category in
            suggestion.unitsLeaving[category].map { "\(category.rawValue) \($0)" }
        }
        var text = "\(suggestion.scopeUnitsBefore) -> \(suggestion.scopeUnitsAfter) units in scope"
        if !leaving.isEmpty { text += "; units leaving their category: " + leaving.joined(separator: ", ") }
        if suggestion.sprsDelta != 0 { text += "; SPRS \(suggestion.sprsDelta > 0 ? "+" : "")\(suggestion.sprsDelta)" }
        return text
    }

    /// `office-ws: crma -> out`, for every asset whose category changes.
    var assetChanges: [String] {
        suggestion.diff.assets.map { "\($0.id): \($0.before?.rawValue ?? "new") -> \($0.after?.rawValue ?? "removed")" }
    }

    /// `unscoped-touchpoint on kiosk`.
    func finding(_ finding: Finding, in model: Model) -> String {
        "\(finding.rule) on \(Explainer(model: model).text(finding.subject))"
    }

    var resolved: [String] { suggestion.diff.resolvedFindings.map { finding($0, in: suggestion.diff.base.model) } }
    var introduced: [String] { suggestion.diff.newFindings.map { finding($0, in: suggestion.diff.head.model) } }

    var caveats: [String] {
        let model = suggestion.diff.base.model
        return suggestion.moves.flatMap { $0.caveats(in: model) }
    }

    /// The first subjects of a fix, then how many more: a million-relation model has thousands of findings per rule.
    static func subjects(of fix: Advice.Fix, _ explainer: Explainer, first: Int = 10) -> String {
        let shown = fix.findings.prefix(first).map { explainer.text($0.subject) }.joined(separator: ", ")
        return fix.findings.count > first ? shown + ", and \(fix.findings.count - first) more" : shown
    }

    /// Report order of categories.
    static let categories: [AssetCategory] = [.cui, .spa, .crma, .specialized, .fci]
}
