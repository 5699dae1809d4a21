/// What a unit of scope in each category weighs when the advisor ranks changes, and what each kind of
/// change costs, in the same units (docs/advisor.md).
public struct AdvisorWeights: Sendable, Hashable {
    /// CUI Assets and SPAs are assessed against every requirement; CRMAs and Specialized Assets are documented
    /// and spot-checked: hence 3 against 1.
    public var categories: [AssetCategory: Int] = [.cui: 3, .spa: 3, .crma: 1, .specialized: 1, .fci: 1]
    /// The cost of one change of each kind, for the minimum cut and for `--target`: a separation or a policy
    /// is a configuration and a document; removing a flow or an access, or moving data, changes how people work.
    public var costs: [Move.Kind: Int] = [.separateZone: 1, .separateLink: 1, .labelFlow: 1, .addPolicy: 1,
                                          .removeFlow: 2, .removeAccess: 2, .moveData: 2]

    public init() {}

    /// `cui=3,spa=3,crma=1,specialized=1,fci=1`, or costs by kind (`separate-link=2`); unnamed keys keep
    /// their defaults. Throws, with the reason, when a key or a number is not understood.
    public init(parsing text: String) throws(WeightsError) {
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false).map { $0.filter { $0 != " " } }
            guard parts.count == 2, let value = Int(parts[1]), value >= 0, value <= 1_000 else {
                throw WeightsError("`\(pair)` is not KEY=N with N from 0 to 1000")
            }
            let key = parts[0]
            if let category = AssetCategory(rawValue: key), categories[category] != nil {
                categories[category] = value
            } else if let kind = Move.Kind(rawValue: key), kind != .combined {
                costs[kind] = value
            } else {
                throw WeightsError("unknown key `\(key)`: use cui, spa, crma, specialized, fci or a move kind such as separate-link")
            }
        }
    }

    /// What one unit of `category` weighs; nothing outside scope weighs anything.
    public func weight(_ category: AssetCategory) -> Int { categories[category] ?? 0 }

    /// What `asset` weighs in `analysis`: its units times its category's weight.
    func weight(ofAsset asset: Int, in analysis: Analysis) -> Int {
        analysis.model.assets[asset].count * weight(analysis.assetCategories[asset])
    }

    public func cost(_ moves: [Move]) -> Int { moves.reduce(0) { $0 + (costs[$1.kind] ?? 1) } }
}

public struct WeightsError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
