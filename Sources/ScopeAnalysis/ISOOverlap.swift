import ScopeModel

/// Where the CMMC scope and an existing ISO/IEC 27001 certificate scope (`organization { iso27001 ... }`)
/// disagree: in-scope assets the certificate does not cover (evidence still to build), and covered assets
/// outside the CMMC scope. An asset is covered when it is listed, or placed (docs/scoping.md §3) in a listed
/// zone or a zone inside one.
public struct ISOOverlap: Sendable {
    /// Asset indices, in declaration order.
    public let inScopeNotCertified: [Int]
    public let certifiedOutOfScope: [Int]

    /// Nil when the organization lists no ISO 27001 scope.
    public init?(_ analysis: Analysis) {
        let model = analysis.model
        guard !model.organization.iso27001.isEmpty else { return nil }
        var coveredZones = Set<Int>(), coveredAssets = Set<Int>()
        for element in model.organization.iso27001 {
            switch element {
            case .zone(let z): coveredZones.insert(z)
            case .asset(let a): coveredAssets.insert(a)
            case .provider, .data: break
            }
        }
        let covered = model.assets.indices.map { a in
            coveredAssets.contains(a) || model.zoneChain(from: model.zone(placing: a)).contains(where: coveredZones.contains)
        }
        let inScope = analysis.assetCategories.map(\.inScope)
        inScopeNotCertified = model.assets.indices.filter { inScope[$0] && !covered[$0] }
        certifiedOutOfScope = model.assets.indices.filter { !inScope[$0] && covered[$0] }
    }
}
