import ScopeModel

/// What a design change does to the scope: two analyses compared element by element (matched by id),
/// finding by finding (matched by rule and subject, not by line, which shifts), relation by relation.
public struct ScopeDiff: Sendable {
    public let base: Analysis
    public let head: Analysis

    /// An asset whose category changed, or that was added or removed (nil on that side).
    public struct AssetChange: Sendable {
        public let id: String
        public let before: AssetCategory?
        public let after: AssetCategory?
        /// Reasons in the base, then in the head, each prefixed `before:` or `after:`.
        public let why: [String]
    }

    public struct ProviderChange: Sendable {
        public let id: String
        public let before: ProviderRole?
        public let after: ProviderRole?
    }

    /// A relation added, removed, or with changed attributes, keyed by how it is written (`flow a -> b`).
    public struct RelationChange: Sendable {
        public enum Kind: String, Sendable { case added, removed, changed }
        public let relation: String
        public let kind: Kind
        public let before: String?
        public let after: String?
        /// Where it is written: in the head, or in the base for a removed one.
        public let location: SourceLocation
    }

    public let assets: [AssetChange]
    public let providers: [ProviderChange]
    /// Unsuppressed findings of the head that the base did not have, and the reverse.
    public let newFindings: [Finding]
    public let resolvedFindings: [Finding]
    public let relations: [RelationChange]

    public init(base: Analysis, head: Analysis) {
        self.base = base
        self.head = head
        assets = ScopeDiff.assetChanges(base, head)
        providers = ScopeDiff.providerChanges(base, head)
        (newFindings, resolvedFindings) = ScopeDiff.findingChanges(base, head)
        relations = ScopeDiff.relationChanges(base.model, head.model)
    }

    /// Assets in scope in the head and not in the base (added ones included), and the reverse.
    public var entering: [AssetChange] { assets.filter { !($0.before?.inScope ?? false) && ($0.after?.inScope ?? false) } }
    public var leaving: [AssetChange] { assets.filter { ($0.before?.inScope ?? false) && !($0.after?.inScope ?? false) } }

    public var isEmpty: Bool { assets.isEmpty && providers.isEmpty && newFindings.isEmpty && resolvedFindings.isEmpty && relations.isEmpty }

    /// One line for a reviewer: `boundary grows by 3 assets; 2 new errors`.
    public var verdict: String {
        var parts: [String] = []
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
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
        if isEmpty { return "no change to scope or findings" }
        return parts.joined(separator: "; ")
    }

    // MARK: Matching

    private static func assetChanges(_ base: Analysis, _ head: Analysis) -> [AssetChange] {
        let explainer = (before: Explainer(model: base.model), after: Explainer(model: head.model))
        func why(_ analysis: Analysis, _ index: Int?, _ prefix: String, _ explainer: Explainer) -> [String] {
            index.map { analysis.reasons(forAsset: $0).map { prefix + explainer.text($0) } } ?? []
        }
        let baseIndex = Dictionary(uniqueKeysWithValues: base.model.assets.enumerated().map { ($1.id, $0) })
        var changes: [AssetChange] = []
        var seen = Set<String>()
        for (h, asset) in head.model.assets.enumerated() {
            seen.insert(asset.id)
            let b = baseIndex[asset.id]
            let before = b.map { base.assetCategories[$0] }
            let after = head.assetCategories[h]
            guard before != after else { continue }
            changes.append(AssetChange(id: asset.id, before: before, after: after,
                                       why: why(base, b, "before: ", explainer.before) + why(head, h, "after: ", explainer.after)))
        }
        for (b, asset) in base.model.assets.enumerated() where !seen.contains(asset.id) {
            changes.append(AssetChange(id: asset.id, before: base.assetCategories[b], after: nil,
                                       why: why(base, b, "before: ", explainer.before)))
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

    /// Matched as multisets of (rule, subject): lines move in every edit, ids do not.
    private static func findingChanges(_ base: Analysis, _ head: Analysis) -> ([Finding], [Finding]) {
        (unmatched(head.findings, against: base.findings), unmatched(base.findings, against: head.findings))
    }

    /// The unsuppressed findings of `findings` that `other` has no counterpart for.
    private static func unmatched(_ findings: [Finding], against other: [Finding]) -> [Finding] {
        func key(_ finding: Finding) -> String { finding.rule + "\u{1}" + finding.subject }
        var remaining: [String: Int] = [:]
        for finding in other where !finding.isSuppressed { remaining[key(finding), default: 0] += 1 }
        return findings.filter { finding in
            guard !finding.isSuppressed else { return false }
            guard let count = remaining[key(finding)], count > 0 else { return true }
            remaining[key(finding)] = count - 1
            return false
        }
    }

    private static func relationChanges(_ base: Model, _ head: Model) -> [RelationChange] {
        let before = RelationText.all(in: base), after = RelationText.all(in: head)
        // The n-th relation written the same way on each side is the same relation.
        var baseByKey: [String: [RelationText]] = [:]
        for relation in before { baseByKey[relation.key, default: []].append(relation) }
        var changes: [RelationChange] = []
        var used: [String: Int] = [:]
        for relation in after {
            let n = used[relation.key, default: 0]
            used[relation.key] = n + 1
            guard let old = baseByKey[relation.key], n < old.count else {
                changes.append(RelationChange(relation: relation.key, kind: .added, before: nil, after: relation.attributes,
                                              location: relation.location))
                continue
            }
            if old[n].attributes != relation.attributes {
                changes.append(RelationChange(relation: relation.key, kind: .changed, before: old[n].attributes,
                                              after: relation.attributes, location: relation.location))
            }
        }
        for (key, list) in baseByKey where list.count > used[key, default: 0] {
            for relation in list[used[key, default: 0]...] {
                changes.append(RelationChange(relation: key, kind: .removed, before: relation.attributes, after: nil,
                                              location: relation.location))
            }
        }
        return changes.sorted { ($0.kind == .removed ? 1 : 0, $0.location.line) < ($1.kind == .removed ? 1 : 0, $1.location.line) }
    }
}

/// A relation as text: `flow a -> b` and its attributes, `carries drawings via fw { encryption fips }`.
struct RelationText {
    let key: String
    let attributes: String
    let location: SourceLocation
    let ref: RelationRef

    static func all(in model: Model) -> [RelationText] {
        let explainer = Explainer(model: model)
        func names(_ items: [Int]) -> String { items.map { model.data[$0].id }.joined(separator: ", ") }
        func devices(_ items: [Int]) -> String { items.isEmpty ? "" : " via " + items.map { model.assets[$0].id }.joined(separator: ", ") }
        func block(_ pairs: [(String, String?)]) -> String {
            let set = pairs.compactMap { key, value in value.map { "\(key) \($0)" } }
            return set.isEmpty ? "" : " { " + set.joined(separator: "; ") + " }"
        }
        func flag(_ value: Bool) -> String? { value ? "yes" : nil }
        var result: [RelationText] = []
        for (i, flow) in model.flows.enumerated() {
            let carries = switch flow.carries {
            case .unlabeled: "unlabeled"
            case .data(let items): items.isEmpty ? "carries none" : "carries " + names(items)
            }
            let attributes = carries + devices(flow.via) + (flow.label.map { " \"\($0)\"" } ?? "")
                + block([("encryption", flow.encryption == .unknown ? nil : flow.encryption.rawValue), ("remote", flag(flow.remote)),
                         ("mfa", flag(flow.mfa)), ("protocol", flow.protocol.map { "\"\($0)\"" })])
            result.append(RelationText(key: explainer.relationText(.flow(i)), attributes: attributes, location: flow.span.location, ref: .flow(i)))
        }
        for (i, link) in model.links.enumerated() {
            let attributes = devices(link.via)
                + block([("separation", link.separation == .none ? nil : link.separation.rawValue), ("wireless", flag(link.wireless))])
            result.append(RelationText(key: explainer.relationText(.link(i)), attributes: attributes.trimmingPrefixSpace,
                                       location: link.span.location, ref: .link(i)))
        }
        for (i, access) in model.accesses.enumerated() {
            let attributes = block([("admin", flag(access.admin)), ("mfa", flag(access.mfa)), ("remote", flag(access.remote)),
                                    ("keys", flag(access.keys))])
            result.append(RelationText(key: explainer.relationText(.access(i)), attributes: attributes.trimmingPrefixSpace,
                                       location: access.span.location, ref: .access(i)))
        }
        for (i, protection) in model.protections.enumerated() {
            result.append(RelationText(key: explainer.relationText(.protects(i)), attributes: "", location: protection.span.location,
                                       ref: .protects(i)))
        }
        return result
    }
}

private extension String {
    var trimmingPrefixSpace: String { hasPrefix(" ") ? String(dropFirst()) : self }
}
