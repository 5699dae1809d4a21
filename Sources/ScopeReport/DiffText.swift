import ScopeAnalysis
import ScopeModel

/// The words for a diff's changes, shared by its text, JSON and Markdown reporters.
struct DiffText {
    let diff: ScopeDiff
    let base: Explainer
    let head: Explainer

    init(_ diff: ScopeDiff) {
        self.diff = diff
        base = Explainer(model: diff.base.model)
        head = Explainer(model: diff.head.model)
    }

    /// The reasons in the base, then in the head, each prefixed `before:` or `after:`.
    func why(_ change: ScopeDiff.AssetChange) -> [String] {
        let before = change.baseAsset.map { diff.base.reasons(forAsset: $0).map { "before: " + base.text($0) } } ?? []
        let after = change.headAsset.map { diff.head.reasons(forAsset: $0).map { "after: " + head.text($0) } } ?? []
        return before + after
    }

    /// The relation as written (`flow a -> b`), on the side where it exists (the head, unless removed).
    func relation(_ change: ScopeDiff.RelationChange) -> String {
        side(change).map { $0.explainer.relationText($0.relation) } ?? ""
    }

    /// Its attributes in the base and in the head (nil on the side where it does not exist).
    func attributes(_ change: ScopeDiff.RelationChange) -> (before: String?, after: String?) {
        (change.baseRelation.map(base.attributes), change.headRelation.map(head.attributes))
    }

    func location(_ change: ScopeDiff.RelationChange) -> SourceLocation? {
        side(change).map { $0.explainer.model.span(of: $0.relation).location }
    }

    /// Where a changed declaration is written: in the base and in the head.
    func locations(_ change: ScopeDiff.DeclarationChange) -> (before: SourceLocation?, after: SourceLocation?) {
        func location(_ model: Model, _ element: ElementRef?) -> SourceLocation? {
            element.map { model.span(of: $0).location } ?? model.organization.span?.location
        }
        let before = change.baseElement != nil || change.headElement == nil ? location(diff.base.model, change.baseElement) : nil
        let after = change.headElement != nil || change.baseElement == nil ? location(diff.head.model, change.headElement) : nil
        return (before, after)
    }

    /// `~ zone office: separation logical removed (base.scope:3, head.scope:3)`.
    func line(_ change: ScopeDiff.DeclarationChange) -> String {
        let (before, after) = locations(change)
        let places = [before, after].compactMap { $0?.fileAndLine }
        let marker = change.attribute != nil ? "~" : change.headElement == nil ? "-" : "+"
        return "\(marker) \(diff.declarationText(change))" + (places.isEmpty ? "" : " (" + places.joined(separator: ", ") + ")")
    }

    /// `+ flow a -> b carries d (m.scope:4)`, `- ...`, or `~ flow a -> b: before -> after (m.scope:4)`.
    func line(_ change: ScopeDiff.RelationChange) -> String {
        let place = location(change).map { " (\($0.fileAndLine))" } ?? ""
        let (before, after) = attributes(change)
        func spaced(_ text: String?) -> String { text.map { $0.isEmpty ? "" : " " + $0 } ?? "" }
        func shown(_ text: String?) -> String { text.flatMap { $0.isEmpty ? nil : $0 } ?? "(no attributes)" }
        switch change.kind {
        case .added: return "+ " + relation(change) + spaced(after) + place
        case .removed: return "- " + relation(change) + spaced(before) + place
        case .changed: return "~ " + relation(change) + ": \(shown(before)) -> \(shown(after))" + place
        }
    }

    private func side(_ change: ScopeDiff.RelationChange) -> (explainer: Explainer, relation: RelationRef)? {
        if let relation = change.headRelation { return (head, relation) }
        return change.baseRelation.map { (base, $0) }
    }
}
