import ScopeAnalysis
import ScopeModel

/// What a diff diagram marks on the head's boundary view.
public struct DiagramChanges: Sendable {
    /// Assets and providers new in the head.
    public var addedAssets: Set<String>
    /// Assets whose category changed, with the category they had.
    public var changedAssets: [String: AssetCategory]
    /// Assets gone from the head, drawn as ghosts: id and the category they had.
    public var removedAssets: [(id: String, category: AssetCategory)]
    /// Relations new in the head.
    public var addedRelations: Set<RelationRef>
    /// Relations gone from the head: as written, and their ends' ids in the base.
    public var removedRelations: [(relation: String, from: String, to: String)]

    public init(_ diff: ScopeDiff) {
        addedAssets = Set(diff.assets.filter { $0.before == nil }.map(\.id) + diff.providers.filter { $0.before == nil }.map(\.id))
        changedAssets = Dictionary(uniqueKeysWithValues: diff.assets.compactMap { change in
            guard let before = change.before, change.after != nil else { return nil }
            return (change.id, before)
        })
        removedAssets = diff.assets.compactMap { change in
            change.after == nil ? change.before.map { (change.id, $0) } : nil
        }
        addedRelations = Set(diff.relations.filter { $0.kind == .added }.compactMap(\.headRelation))
        let base = Explainer(model: diff.base.model)
        removedRelations = diff.relations.filter { $0.kind == .removed }.compactMap(\.baseRelation).map { relation in
            let ends = diff.base.model.ends(of: relation)
            return (base.relationText(relation), base.name(ends.from), base.name(ends.to))
        }
    }
}

extension DiagramChanges {
    static let addedColor = "#1e8449"
    static let removedColor = "#a6acaf"
}
