import ScopeModel

/// What a design change does to the scope: two analyses compared element by element (matched by id),
/// finding by finding (matched by rule and subject, not by line, which shifts), relation by relation.
/// Every change refers into the base or the head model; reporters turn it into words.
public struct ScopeDiff: Sendable {
    public let base: Analysis
    public let head: Analysis

    /// An asset whose category changed, or that was added or removed (nil on that side).
    public struct AssetChange: Sendable {
        public let id: String
        /// The asset's index in the base and in the head model.
        public let baseAsset: Int?
        public let headAsset: Int?
        public let before: AssetCategory?
        public let after: AssetCategory?
    }

    public struct ProviderChange: Sendable {
        public let id: String
        public let before: ProviderRole?
        public let after: ProviderRole?
    }

    /// A relation added, removed, or with changed attributes, matched by its keyword and ends.
    public struct RelationChange: Sendable {
        public enum Kind: String, Sendable { case added, removed, changed }
        public let kind: Kind
        /// The relation in the base model (removed or changed) and in the head model (added or changed).
        public let baseRelation: RelationRef?
        public let headRelation: RelationRef?
    }

    /// An attribute added, removed or changed on a declaration present on both sides, or a zone or data
    /// item declared on one side only: the causes, beside which asset and finding changes are consequences.
    public struct DeclarationChange: Sendable {
        /// The element in the base and in the head (nil where it does not exist); both nil for the organization.
        public let baseElement: ElementRef?
        public let headElement: ElementRef?
        /// The attribute, and its values as written (nil where unset); nil for a whole declaration added or removed.
        public let attribute: String?
        public let before: String?
        public let after: String?
    }

    public let declarations: [DeclarationChange]
    public let assets: [AssetChange]
    public let providers: [ProviderChange]
    /// Unsuppressed findings of the head that the base did not have, and the reverse (findings of the base).
    public let newFindings: [Finding]
    public let resolvedFindings: [Finding]
    public let relations: [RelationChange]

    /// Compares `base` with `head`. With `causes: false`, only the consequences (assets, providers, findings)
    /// are compared and `declarations` and `relations` stay empty: for a caller that made the edit itself
    /// (the advisor), spared a pass over every statement of both models.
    public init(base: Analysis, head: Analysis, causes: Bool = true) {
        self.base = base
        self.head = head
        declarations = causes ? ScopeDiff.declarationChanges(base.model, head.model) : []
        assets = ScopeDiff.assetChanges(base, head)
        providers = ScopeDiff.providerChanges(base, head)
        newFindings = ScopeDiff.unmatched(head, against: base)
        resolvedFindings = ScopeDiff.unmatched(base, against: head)
        relations = causes ? ScopeDiff.relationChanges(base.model, head.model) : []
    }

    /// Assets in scope in the head and not in the base (added ones included), and the reverse.
    public var entering: [AssetChange] { assets.filter { !($0.before?.inScope ?? false) && ($0.after?.inScope ?? false) } }
    public var leaving: [AssetChange] { assets.filter { ($0.before?.inScope ?? false) && !($0.after?.inScope ?? false) } }

    public var isEmpty: Bool {
        declarations.isEmpty && assets.isEmpty && providers.isEmpty && newFindings.isEmpty && resolvedFindings.isEmpty && relations.isEmpty
    }

    /// One line for a reviewer, causes first, then consequences:
    /// `zone office: separation logical removed; boundary grows by 3 assets; 2 new errors`.
    public var verdict: String {
        if isEmpty { return "no change to scope or findings" }
        var parts: [String] = []
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        if let only = declarations.first, declarations.count == 1 {
            parts.append(declarationText(only))
        } else if !declarations.isEmpty {
            parts.append(count(declarations.count, "declaration change"))
        }
        if !relations.isEmpty { parts.append(count(relations.count, "relation change")) }
        switch (entering.count, leaving.count) {
        case (0, 0): parts.append("boundary unchanged")
        case (let n, 0): parts.append("boundary grows by " + count(n, "asset"))
        case (0, let n): parts.append("boundary shrinks by " + count(n, "asset"))
        case (let n, let m): parts.append("\(count(n, "asset")) enter and \(m) leave the boundary")
        }
        let recategorized = assets.count { ($0.before?.inScope ?? false) && ($0.after?.inScope ?? false) }
        if recategorized > 0 { parts.append(count(recategorized, "asset") + (recategorized == 1 ? " changes" : " change") + " category") }
        let roles = providers.count
        if roles > 0 { parts.append(count(roles, "provider") + (roles == 1 ? " changes" : " change") + " role") }
        for severity in Severity.allCases {
            let n = newFindings.count { $0.severity == severity }
            if n > 0 { parts.append("\(n) new \(severity.rawValue)\(n == 1 ? "" : "s")") }
        }
        if !resolvedFindings.isEmpty { parts.append(count(resolvedFindings.count, "finding") + " resolved") }
        return parts.joined(separator: "; ")
    }

    /// `zone office: separation logical removed`, `asset pc: encryption none -> fips`, `zone lab added`.
    public func declarationText(_ change: DeclarationChange) -> String {
        let (model, element) = change.headElement.map { (head.model, $0) } ?? change.baseElement.map { (base.model, $0) } ?? (head.model, nil)
        let name = element.map { "\($0.keyword) \(model.id(of: $0))" } ?? "organization"
        guard let attribute = change.attribute else { return name + (change.headElement == nil ? " removed" : " added") }
        switch (change.before, change.after) {
        case (nil, let after?): return "\(name): \(attribute) \(after) added"
        case (let before?, nil): return "\(name): \(attribute) \(before) removed"
        default: return "\(name): \(attribute) \(change.before ?? "") -> \(change.after ?? "")"
        }
    }

    // MARK: Matching

    private static func declarationChanges(_ base: Model, _ head: Model) -> [DeclarationChange] {
        let (baseText, headText) = (Explainer(model: base), Explainer(model: head))
        func compare(_ b: ElementRef?, _ h: ElementRef?) -> [DeclarationChange] {
            let before = Dictionary(baseText.declaredAttributes(of: b).map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            let after = headText.declaredAttributes(of: h)
            var changes = after.compactMap { name, value -> DeclarationChange? in
                before[name] == value ? nil : DeclarationChange(baseElement: b, headElement: h, attribute: name, before: before[name], after: value)
            }
            let written = Set(after.map(\.name))
            changes += baseText.declaredAttributes(of: b).filter { !written.contains($0.name) }.map {
                DeclarationChange(baseElement: b, headElement: h, attribute: $0.name, before: $0.value, after: nil)
            }
            return changes
        }
        var changes = compare(nil, nil)
        // Elements on both sides, matched by id, in the head's declaration order; then what one side alone has.
        for (id, element) in head.declarationsInOrder {
            guard let old = base.names[id] else {
                if case .asset = element { continue }
                if case .provider = element { continue }
                changes.append(DeclarationChange(baseElement: nil, headElement: element, attribute: nil, before: nil, after: nil))
                continue
            }
            guard old.keyword == element.keyword else { continue }
            changes += compare(old, element)
        }
        for (id, element) in base.declarationsInOrder where head.names[id] == nil {
            if case .asset = element { continue }
            if case .provider = element { continue }
            changes.append(DeclarationChange(baseElement: element, headElement: nil, attribute: nil, before: nil, after: nil))
        }
        return changes
    }

    private static func assetChanges(_ base: Analysis, _ head: Analysis) -> [AssetChange] {
        let baseIndex = Dictionary(uniqueKeysWithValues: base.model.assets.enumerated().map { ($1.id, $0) })
        var changes: [AssetChange] = []
        var seen = Set<String>()
        for (h, asset) in head.model.assets.enumerated() {
            seen.insert(asset.id)
            let b = baseIndex[asset.id]
            let before = b.map { base.assetCategories[$0] }
            guard before != head.assetCategories[h] else { continue }
            changes.append(AssetChange(id: asset.id, baseAsset: b, headAsset: h, before: before, after: head.assetCategories[h]))
        }
        for (b, asset) in base.model.assets.enumerated() where !seen.contains(asset.id) {
            changes.append(AssetChange(id: asset.id, baseAsset: b, headAsset: nil, before: base.assetCategories[b], after: nil))
        }
        return changes
    }

    private static func providerChanges(_ base: Analysis, _ head: Analysis) -> [ProviderChange] {
        let baseRoles = Dictionary(uniqueKeysWithValues: base.model.providers.enumerated().map { ($1.id, base.providerRoles[$0]) })
        var changes = head.model.providers.enumerated().compactMap { p, provider -> ProviderChange? in
            let before = baseRoles[provider.id]
            return before == head.providerRoles[p] ? nil : ProviderChange(id: provider.id, before: before, after: head.providerRoles[p])
        }
        let headIDs = Set(head.model.providers.map(\.id))
        changes += base.model.providers.enumerated().filter { !headIDs.contains($1.id) }.map {
            ProviderChange(id: $1.id, before: base.providerRoles[$0], after: nil)
        }
        return changes
    }

    /// The unsuppressed findings of `analysis` that `other` has no counterpart for, matched as multisets of
    /// (rule, subject by name): lines move in every edit, ids do not.
    private static func unmatched(_ analysis: Analysis, against other: Analysis) -> [Finding] {
        var remaining: [FindingKey: Int] = [:]
        for finding in other.findings where !finding.isSuppressed {
            remaining[FindingKey(finding, in: other.model), default: 0] += 1
        }
        return analysis.findings.filter { finding in
            guard !finding.isSuppressed else { return false }
            let key = FindingKey(finding, in: analysis.model)
            guard let count = remaining[key], count > 0 else { return true }
            remaining[key] = count - 1
            return false
        }
    }

    private static func relationChanges(_ base: Model, _ head: Model) -> [RelationChange] {
        let (baseText, headText) = (Explainer(model: base), Explainer(model: head))
        // The n-th relation written the same way on each side is the same relation.
        var baseByKey: [RelationKey: [RelationRef]] = [:]
        for relation in base.relations { baseByKey[RelationKey(relation, in: base), default: []].append(relation) }
        var changes: [RelationChange] = []
        var used: [RelationKey: Int] = [:]
        for relation in head.relations {
            let key = RelationKey(relation, in: head)
            let n = used[key, default: 0]
            used[key] = n + 1
            guard let old = baseByKey[key], n < old.count else {
                changes.append(RelationChange(kind: .added, baseRelation: nil, headRelation: relation))
                continue
            }
            if baseText.attributes(of: old[n]) != headText.attributes(of: relation) {
                changes.append(RelationChange(kind: .changed, baseRelation: old[n], headRelation: relation))
            }
        }
        var removed: [RelationRef] = []
        for (key, list) in baseByKey where list.count > used[key, default: 0] { removed += list[used[key, default: 0]...] }
        // Additions and changes in the order they are written in the head, then removals as in the base.
        changes.sort { head.writtenOrder($0.headRelation) < head.writtenOrder($1.headRelation) }
        removed.sort { base.writtenOrder($0) < base.writtenOrder($1) }
        return changes + removed.map { RelationChange(kind: .removed, baseRelation: $0, headRelation: nil) }
    }
}

/// A finding's identity across two versions of a model: its rule and its subject's names.
private struct FindingKey: Hashable {
    let rule: String
    let subject: SubjectKey

    init(_ finding: Finding, in model: Model) {
        rule = finding.rule
        subject = switch finding.subject {
        case .element(let element): .element(model.id(of: element))
        case .relation(let relation): .relation(RelationKey(relation, in: model))
        }
    }

    enum SubjectKey: Hashable {
        case element(String)
        case relation(RelationKey)
    }
}

/// A relation's identity across two versions of a model: its keyword, its ends' ids and its arrow.
private struct RelationKey: Hashable {
    let keyword: String
    let from: String
    let arrow: Arrow
    let to: String

    init(_ relation: RelationRef, in model: Model) {
        let ends = model.ends(of: relation)
        keyword = relation.keyword
        from = model.id(of: ends.from.element)
        arrow = ends.arrow
        to = model.id(of: ends.to.element)
    }
}

private extension Model {
    /// Where a relation is written, as (file in include order, byte offset): sorts relations as they read.
    func writtenOrder(_ relation: RelationRef?) -> (file: Int, offset: Int) {
        guard let relation else { return (files.count, 0) }
        let span = span(of: relation)
        return (files.firstIndex { $0 === span.file } ?? files.count, span.offset)
    }
}

private extension Model {
    /// Every declared element with its id: data, providers, zones, assets, each in declaration order.
    var declarationsInOrder: [(String, ElementRef)] {
        data.indices.map { (data[$0].id, ElementRef.data($0)) } + providers.indices.map { (providers[$0].id, .provider($0)) }
            + zones.indices.map { (zones[$0].id, .zone($0)) } + assets.indices.map { (assets[$0].id, .asset($0)) }
    }
}
