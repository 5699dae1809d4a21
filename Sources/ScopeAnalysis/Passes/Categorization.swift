import ScopeModel

/// Pass 4 (docs/scoping.md §4, §5): each asset's category and roles, each provider's role, and the rung of the
/// ladder that decided each category, recorded here so that explanations read it instead of deciding again.
///
/// Level 2 order, first match wins: classified or run on behalf of the Government → outside CMMC; holds
/// CUI → CUI Asset (specialized type → Specialized); provides security to the scope → SPA; CUI-reachable →
/// Specialized, CRMA with a policy, else CUI Asset; otherwise Out. Level 1 has only `fci`, `out` and
/// outside CMMC; level 3 counts a CRMA as a CUI Asset.
struct Categorization {
    /// The rung of the ladder that decided an asset's category.
    enum Rung: Equatable {
        case outsideCMMC
        /// Holds the data that sets the scope (CUI; FCI or CUI at level 1).
        case holdsData
        case securityProtection
        /// CUI-reachable, and so Specialized, a CRMA (kept free by policy), or a CUI Asset for want of one.
        case reachable(Reach)
        case nothing
    }

    enum Reach: Equatable { case specialized, policy, noPolicy }

    private(set) var categories: [AssetCategory]
    private(set) var roles: [[AssetCategory]]
    private(set) var rungs: [Rung]
    private(set) var providerRoles: [ProviderRole]
    /// Why a provider supports the scope: the security pass's reason, or hosting an SPA.
    private(set) var providerReasons: [Reason?]
    /// Whether a CUI Asset or an SPA sits inside each zone (nested zones included): the assets assessed
    /// against every requirement, MFA among them.
    private(set) var zoneHoldsAssessed: [Bool]

    init(graph: ScopeGraph, holdings: Holdings, reachability: Reachability, security: SecurityProtection, level: Int) {
        let model = graph.model
        let count = graph.assetCount
        categories = [AssetCategory](repeating: .out, count: count)
        roles = [[AssetCategory]](repeating: [], count: count)
        rungs = [Rung](repeating: .nothing, count: count)
        providerRoles = [ProviderRole](repeating: .notESP, count: graph.providerCount)
        providerReasons = security.providerReasons
        zoneHoldsAssessed = [Bool](repeating: false, count: graph.zoneCount)

        // By index, reading two fields: a copy of each asset would retain and release all it holds.
        for a in model.assets.indices {
            let isSpecialized = model.assets[a].type.isSpecialized, hasPolicy = model.assets[a].policy != nil
            let outside = graph.outsideCMMC[a]
            if level == 1 {
                let holdsFCI = holdings.holdsAny(a, of: graph.cuiOrFCIMask)
                rungs[a] = outside ? .outsideCMMC : holdsFCI ? .holdsData : .nothing
                categories[a] = outside ? .outsideCMMC : holdsFCI && !isSpecialized ? .fci : .out
                roles[a] = categories[a] == .fci ? [.fci] : []
                continue
            }
            let holdsCUI = holdings.holdsAny(a, of: graph.cuiMask)
            let isSPA = security.isSPA(a)
            let reachable = reachability.isReachable(a)
            var assetRoles: [AssetCategory] = []
            if holdsCUI { assetRoles.append(.cui) }
            if isSPA { assetRoles.append(.spa) }
            if reachable && hasPolicy && !holdsCUI { assetRoles.append(.crma) }
            if isSpecialized && (holdsCUI || reachable) { assetRoles.append(.specialized) }

            let rung: Rung
            let category: AssetCategory
            if outside {
                (rung, category) = (.outsideCMMC, .outsideCMMC)
                assetRoles = []
            } else if holdsCUI {
                (rung, category) = (.holdsData, isSpecialized ? .specialized : .cui)
            } else if isSPA {
                (rung, category) = (.securityProtection, .spa)
            } else if reachable {
                if isSpecialized {
                    (rung, category) = (.reachable(.specialized), .specialized)
                } else if hasPolicy {
                    (rung, category) = (.reachable(.policy), level == 3 ? .cui : .crma)
                } else {
                    (rung, category) = (.reachable(.noPolicy), .cui)
                    assetRoles.append(.cui)
                }
            } else {
                (rung, category) = (.nothing, .out)
            }
            rungs[a] = rung
            categories[a] = category
            roles[a] = assetRoles
        }
        for a in model.assets.indices where (categories[a] == .cui || categories[a] == .spa) && graph.isOnNetwork(a) {
            graph.markZones(from: graph.zone[a]) { zone in
                defer { zoneHoldsAssessed[zone] = true }
                return !zoneHoldsAssessed[zone]
            }
        }
        assignProviderRoles(graph: graph, holdings: holdings, level: level)
    }

    /// docs/scoping.md §5, Table 4 of 32 CFR 170.19.
    private mutating func assignProviderRoles(graph: ScopeGraph, holdings: Holdings, level: Int) {
        let model = graph.model
        for (p, provider) in model.providers.enumerated() {
            let holdsCUI = holdings.holdsAny(graph.node(provider: p), of: graph.cuiMask)
            let supportsScope = level > 1 && providerReasons[p] != nil
            switch provider.type {
            case .csp: providerRoles[p] = holdsCUI ? .cspCUI : supportsScope ? .espSPA : .notESP
            case .msp, .mssp, .vendor: providerRoles[p] = holdsCUI ? .espCUI : supportsScope ? .espSPA : .notESP
            case .subcontractor: providerRoles[p] = .subcontractor
            case .prime: providerRoles[p] = .prime
            case .government: providerRoles[p] = .government
            }
        }
    }
}
