import ScopeModel

/// Pass 4 (SCOPING.md §3, §4): each asset's category and roles, each provider's role, and the rung of the
/// ladder that decided each category, recorded here so that explanations read it instead of deciding again.
///
/// Level 2 order, first match wins: classified → outside CMMC; holds CUI → CUI Asset (specialized type →
/// Specialized; only in a KVM-only VDI session → Out); provides security to the scope → SPA; CUI-reachable →
/// Specialized, CRMA with a policy, else CUI Asset; otherwise Out. Level 1 has only `fci` and `out`; level 3
/// counts a CRMA as a CUI Asset.
struct Categorization {
    /// The rung of the ladder that decided an asset's category.
    enum Rung: Equatable {
        case classified
        /// Holds the data that sets the scope (CUI; FCI or CUI at level 1).
        case holdsData
        /// Holds CUI only in a KVM-only VDI session: Out-of-Scope.
        case vdiSession
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
    /// Whether some asset inside each zone (nested zones included) is in scope.
    private(set) var zoneInScope: [Bool]

    init(graph: ScopeGraph, holdings: Holdings, reachability: Reachability, security: SecurityProtection, level: Int) {
        let model = graph.model
        let count = graph.assetCount
        categories = [AssetCategory](repeating: .out, count: count)
        roles = [[AssetCategory]](repeating: [], count: count)
        rungs = [Rung](repeating: .nothing, count: count)
        providerRoles = [ProviderRole](repeating: .notESP, count: graph.providerCount)
        providerReasons = security.providerReasons
        zoneInScope = [Bool](repeating: false, count: graph.zoneCount)

        for (a, asset) in model.assets.enumerated() {
            if level == 1 {
                let holdsFCI = holdings.holdsAny(a, of: graph.cuiOrFCIMask)
                rungs[a] = asset.classified ? .classified : holdsFCI ? .holdsData : .nothing
                categories[a] = asset.classified ? .outsideCMMC : holdsFCI && !asset.type.isSpecialized ? .fci : .out
                roles[a] = categories[a] == .fci ? [.fci] : []
                continue
            }
            let holdsCUI = holdings.holdsAny(a, of: graph.cuiMask)
            let vdiSession = holdings.inVDISessionOnly[a]
            let isSPA = security.assetReasons[a] != nil
            let reachable = reachability.isReachable(a)
            var assetRoles: [AssetCategory] = []
            if holdsCUI && !vdiSession { assetRoles.append(.cui) }
            if isSPA { assetRoles.append(.spa) }
            if reachable && asset.policy != nil && !holdsCUI { assetRoles.append(.crma) }
            if asset.type.isSpecialized && (holdsCUI || reachable) { assetRoles.append(.specialized) }

            let rung: Rung
            let category: AssetCategory
            if asset.classified {
                (rung, category) = (.classified, .outsideCMMC)
                assetRoles = []
            } else if holdsCUI {
                (rung, category) = vdiSession ? (.vdiSession, .out) : (.holdsData, asset.type.isSpecialized ? .specialized : .cui)
            } else if isSPA {
                (rung, category) = (.securityProtection, .spa)
            } else if reachable {
                if asset.type.isSpecialized {
                    (rung, category) = (.reachable(.specialized), .specialized)
                } else if asset.policy != nil {
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
        for a in model.assets.indices where categories[a].inScope && graph.isOnNetwork(a) {
            graph.markZones(from: graph.zone[a]) { zone in
                defer { zoneInScope[zone] = true }
                return !zoneInScope[zone]
            }
        }
        assignProviderRoles(graph: graph, holdings: holdings, level: level)
    }

    /// SCOPING.md §4, Table 4 of 32 CFR 170.19.
    private mutating func assignProviderRoles(graph: ScopeGraph, holdings: Holdings, level: Int) {
        let model = graph.model
        var hostedSPA = [Int?](repeating: nil, count: graph.providerCount)
        for (a, asset) in model.assets.enumerated() where categories[a] == .spa {
            if case .provider(let p)? = asset.hostedOn, hostedSPA[p] == nil { hostedSPA[p] = a }
        }
        for (p, provider) in model.providers.enumerated() {
            let holdsCUI = holdings.holdsAny(graph.node(provider: p), of: graph.cuiMask)
            if providerReasons[p] == nil, let hosted = hostedSPA[p] {
                providerReasons[p] = Reason(.hostsSPA(asset: hosted), [.hosting(asset: hosted)])
            }
            let supportsScope = level > 1 && providerReasons[p] != nil
            switch provider.type {
            case .csp: providerRoles[p] = holdsCUI ? .cspCUI : supportsScope ? .espSPA : .notESP
            case .msp, .mssp, .vendor: providerRoles[p] = holdsCUI ? .espCUI : supportsScope ? .espSPA : .notESP
            case .subcontractor: providerRoles[p] = .subcontractor
            case .government: providerRoles[p] = .government
            }
        }
    }
}
