import ScopeAnalysis
import ScopeModel

/// Where the CMMC scope and an existing ISO/IEC 27001 certificate scope (`organization { iso27001 ... }`)
/// disagree: in-scope assets the certificate does not cover (evidence still to build), and covered assets
/// outside the CMMC scope.
public struct ISOOverlap: Sendable {
    public let inScopeNotCertified: [String]
    public let certifiedOutOfScope: [String]

    /// Nil when the organization lists no ISO 27001 scope.
    public init?(_ analysis: Analysis) {
        let model = analysis.model
        guard !model.organization.iso27001.isEmpty else { return nil }
        var coveredZones = Set<Int>(), coveredAssets = Set<Int>()
        for element in model.organization.iso27001 {
            switch element {
            case .zone(let z): coveredZones.insert(z)
            case .asset(let a): coveredAssets.insert(a)
            default: break
            }
        }
        func covered(_ asset: Int) -> Bool {
            if coveredAssets.contains(asset) { return true }
            var zone = model.assets[asset].zone
            while let z = zone {
                if coveredZones.contains(z) { return true }
                zone = model.zones[z].parent
            }
            return false
        }
        let inScope = model.assets.indices.map { analysis.assetCategories[$0].inScope }
        inScopeNotCertified = model.assets.indices.filter { inScope[$0] && !covered($0) }.map { model.assets[$0].id }
        certifiedOutOfScope = model.assets.indices.filter { !inScope[$0] && covered($0) }.map { model.assets[$0].id }
    }
}
