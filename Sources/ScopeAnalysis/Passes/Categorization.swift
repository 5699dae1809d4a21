import ScopeModel

/// Pass 3 (SCOPING.md §3, §4): each asset's category and roles, each provider's role, and the reasons.
///
/// Level 2 order, first match wins: classified → outside CMMC; holds CUI → CUI Asset (specialized type →
/// Specialized; KVM-only VDI session → Out); provides security to the scope → SPA, as a fixed point
/// (protecting an SPA is protecting the scope); CUI-reachable → Specialized, CRMA with a policy, else CUI
/// Asset; otherwise Out. Level 1 has only `fci` and `out`; level 3 counts a CRMA as a CUI Asset.
struct Categorization {
    private(set) var categories: [AssetCategory]
    private(set) var roles: [[AssetCategory]]
    /// Why an asset provides security to the scope, if it does.
    private(set) var securityReasons: [Reason?]
    private(set) var providerRoles: [ProviderRole]
    private(set) var providerReasons: [Reason?]
    /// Holds CUI only through its KVM-only VDI session (SCOPING.md §1: Out-of-Scope).
    private(set) var vdiException: [Bool]
    /// Reachable from CUI, without holding any (forced to CUI Asset when it has no policy).
    private(set) var forcedByReach: [Bool]

    init(graph: ScopeGraph, holdings: Holdings, level: Int, reachabilityFor: ([Bool]) -> Reachability) {
        let model = graph.model
        let count = graph.assetCount
        let holdsCUI = (0..<count).map { holdings.holdsAny($0, of: graph.cuiMask) }
        vdiException = (0..<count).map { a in
            guard model.assets[a].vdi == .kvmOnly, holdsCUI[a] else { return false }
            return holdings.items(a).filter { model.data[$0].dataClass == .cui }.allSatisfy { item in
                if case .flow? = holdings.witness(a, item).last { true } else { false }
            }
        }
        categories = [AssetCategory](repeating: .out, count: count)
        roles = [[AssetCategory]](repeating: [], count: count)
        securityReasons = [Reason?](repeating: nil, count: count)
        providerRoles = [ProviderRole](repeating: .notESP, count: graph.providerCount)
        providerReasons = [Reason?](repeating: nil, count: graph.providerCount)
        forcedByReach = [Bool](repeating: false, count: count)

        if level == 1 {
            let holdsFCI = (0..<count).map { holdings.holdsAny($0, of: graph.cuiOrFCIMask) }
            for (a, asset) in model.assets.enumerated() {
                categories[a] = asset.classified ? .outsideCMMC : holdsFCI[a] && !asset.type.isSpecialized ? .fci : .out
                roles[a] = categories[a] == .fci ? [.fci] : []
            }
            assignProviderRoles(graph: graph, holdings: holdings, level: level)
            return
        }

        let vdi = vdiException
        let isSource = (0..<count).map { a in
            holdsCUI[a] && !model.assets[a].classified && !vdi[a] && model.assets[a].type.isNetworkNode
        }
        let reachability = reachabilityFor(isSource)
        var security = SecurityFixedPoint(graph: graph, holdings: holdings)
        for a in 0..<count where !model.assets[a].classified && ((holdsCUI[a] && !vdi[a]) || reachability.isReachable(a)) {
            security.enterScope(asset: a)
        }
        security.seedBoundaryDevices(holdsCUI: holdsCUI)
        security.run()
        securityReasons = security.assetReasons

        for (a, asset) in model.assets.enumerated() {
            let isSPA = securityReasons[a] != nil
            let reachable = reachability.isReachable(a)
            var assetRoles: [AssetCategory] = []
            if holdsCUI[a] && !vdi[a] { assetRoles.append(.cui) }
            if isSPA { assetRoles.append(.spa) }
            if reachable && asset.policy != nil && !holdsCUI[a] { assetRoles.append(.crma) }
            if asset.type.isSpecialized && (holdsCUI[a] || reachable) { assetRoles.append(.specialized) }

            let category: AssetCategory
            if asset.classified {
                category = .outsideCMMC
                assetRoles = []
            } else if holdsCUI[a] {
                category = vdi[a] ? .out : asset.type.isSpecialized ? .specialized : .cui
            } else if isSPA {
                category = .spa
            } else if reachable {
                if asset.type.isSpecialized {
                    category = .specialized
                } else if asset.policy != nil {
                    category = level == 3 ? .cui : .crma
                } else {
                    category = .cui
                    forcedByReach[a] = true
                    assetRoles.append(.cui)
                }
            } else {
                category = .out
            }
            categories[a] = category
            roles[a] = assetRoles
        }
        providerReasons = security.providerReasons
        assignProviderRoles(graph: graph, holdings: holdings, level: level)
    }

    /// SCOPING.md §4, Table 4 of 32 CFR 170.19.
    private mutating func assignProviderRoles(graph: ScopeGraph, holdings: Holdings, level: Int) {
        let model = graph.model
        var hostsSPA = [Bool](repeating: false, count: graph.providerCount)
        for (a, asset) in model.assets.enumerated() where categories[a] == .spa {
            if case .provider(let p)? = asset.hostedOn { hostsSPA[p] = true }
        }
        for (p, provider) in model.providers.enumerated() {
            let holdsCUI = holdings.holdsAny(graph.node(provider: p), of: graph.cuiMask)
            let supportsScope = level > 1 && (providerReasons[p] != nil || hostsSPA[p])
            if hostsSPA[p], providerReasons[p] == nil {
                let hosted = model.assets.indices.first { categories[$0] == .spa && model.assets[$0].hostedOn == .provider(p) }!
                providerReasons[p] = Reason("hosts the Security Protection Asset \(model.assets[hosted].id)", [.hosting(asset: hosted)])
            }
            switch provider.type {
            case .csp: providerRoles[p] = holdsCUI ? .cspCUI : supportsScope ? .espSPA : .notESP
            case .msp, .mssp, .vendor: providerRoles[p] = holdsCUI ? .espCUI : supportsScope ? .espSPA : .notESP
            case .subcontractor: providerRoles[p] = .subcontractor
            case .government: providerRoles[p] = .government
            }
        }
    }
}

/// The SPA fixed point: an asset or provider that protects, administers, or holds security data of an
/// in-scope asset is itself in scope; what protects it is then protecting the scope too. Each asset and
/// zone enters the scope once, so the pass is linear.
struct SecurityFixedPoint {
    private let graph: ScopeGraph
    private let holdings: Holdings
    private(set) var assetReasons: [Reason?]
    private(set) var providerReasons: [Reason?]
    private var assetInScope: [Bool]
    private var zoneInScope: [Bool]
    /// Asset and zone nodes that entered the scope and whose protectors are not yet looked at.
    private var queue: [Int] = []
    /// Who protects or administers each asset or zone node: (protector, step).
    private let protectors: Adjacency
    private let protectorSteps: [Step]
    /// For each SPD item: the nodes holding it, how many in-scope assets hold it, and the first of them.
    private var spdHolders: [[Int]]
    private var inScopeSPDHolderCount: [Int]
    private var firstInScopeSPDHolder: [Int]

    init(graph: ScopeGraph, holdings: Holdings) {
        self.graph = graph
        self.holdings = holdings
        let model = graph.model
        assetReasons = [Reason?](repeating: nil, count: graph.assetCount)
        providerReasons = [Reason?](repeating: nil, count: graph.providerCount)
        assetInScope = [Bool](repeating: false, count: graph.assetCount)
        zoneInScope = [Bool](repeating: false, count: graph.zoneCount)
        var edges: [(from: Int32, to: Int32, payload: Int32)] = []
        var steps: [Step] = []
        for (i, protection) in model.protections.enumerated() {
            edges.append((Int32(graph.node(protection.to)), Int32(graph.node(protection.from)), Int32(steps.count)))
            steps.append(.protects(i))
        }
        for (i, access) in model.accesses.enumerated() where access.admin {
            edges.append((Int32(graph.node(access.to)), Int32(graph.node(access.from)), Int32(steps.count)))
            steps.append(.access(i))
        }
        // A host controls its guests as fully as an administrator does: hosting an in-scope asset is
        // supporting the scope. (A host of CUI holds that CUI already, through hosting.)
        for (a, asset) in model.assets.enumerated() {
            guard case .asset(let host)? = asset.hostedOn else { continue }
            edges.append((Int32(graph.node(asset: a)), Int32(graph.node(asset: host)), Int32(steps.count)))
            steps.append(.hosting(asset: a))
        }
        protectors = Adjacency(nodeCount: graph.nodeCount, edges: edges)
        protectorSteps = steps
        spdHolders = model.data.indices.map { item in
            model.data[item].dataClass == .spd ? (0..<(graph.assetCount + graph.providerCount)).filter { holdings.holds($0, item) } : []
        }
        inScopeSPDHolderCount = [Int](repeating: 0, count: model.data.count)
        firstInScopeSPDHolder = [Int](repeating: -1, count: model.data.count)
    }

    mutating func enterScope(asset: Int) {
        guard !assetInScope[asset] else { return }
        assetInScope[asset] = true
        queue.append(asset)
        guard !graph.inNoZone[asset] else { return }
        graph.enterZones(from: graph.effectiveZone[asset]) { zone in
            guard !zoneInScope[zone] else { return false }
            zoneInScope[zone] = true
            queue.append(graph.node(zone: zone))
            return true
        }
    }

    /// The `via` devices of links and flows with a CUI-holding end (asset, or zone holding CUI inside).
    mutating func seedBoundaryDevices(holdsCUI: [Bool]) {
        let model = graph.model
        func holdsCUIEnd(_ endpoint: Endpoint) -> Bool {
            switch endpoint {
            case .asset(let a): holdsCUI[a]
            case .zone(let z): holdings.holdsAny(graph.node(zone: z), of: graph.cuiMask)
            case .provider(let p): holdings.holdsAny(graph.node(provider: p), of: graph.cuiMask)
            }
        }
        for (l, link) in model.links.enumerated() where holdsCUIEnd(link.a) || holdsCUIEnd(link.b) {
            for device in link.via {
                makeSPA(asset: device, Reason("boundary device of a CUI network", [.linkVia(link: l, device: device)]))
            }
        }
        for (f, flow) in model.flows.enumerated() where holdsCUIEnd(flow.from) || holdsCUIEnd(flow.to) {
            for device in flow.via { makeSPA(asset: device, Reason("passes a CUI flow", [.flow(f)])) }
        }
    }

    /// Makes an asset an SPA; `reason` is built only if it becomes one (most protectors already are).
    private mutating func makeSPA(asset: Int, _ reason: @autoclosure () -> Reason) {
        guard assetReasons[asset] == nil, !graph.model.assets[asset].classified else { return }
        assetReasons[asset] = reason()
        enterScope(asset: asset)
    }

    private mutating func makeSPA(node: Int, _ reason: @autoclosure () -> Reason) {
        if node < graph.assetCount {
            makeSPA(asset: node, reason())
        } else if node < graph.assetCount + graph.providerCount, providerReasons[node - graph.assetCount] == nil {
            providerReasons[node - graph.assetCount] = reason()
        }
    }

    mutating func run() {
        let model = graph.model
        let holdings = self.holdings
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            let isAsset = node < graph.assetCount
            for slot in protectors.edges(of: node) {
                let step = protectorSteps[Int(protectors.payloads[slot])]
                let verb = switch step {
                case .protects: "protects"
                case .hosting: "hosts"
                default: "administers"
                }
                let target = isAsset ? model.assets[node].id : model.zones[node - graph.assetCount - graph.providerCount].id
                makeSPA(node: Int(protectors.targets[slot]), Reason("\(verb) \(target)", [step]))
            }
            guard node < graph.assetCount, holdings.holdsAny(node, of: graph.spdMask) else { continue }
            // Security data held by an in-scope asset makes every other holder of it a security asset. Only
            // the first two in-scope holders change anything: after them, every holder already qualifies.
            for item in holdings.items(node) where model.data[item].dataClass == .spd {
                inScopeSPDHolderCount[item] += 1
                if firstInScopeSPDHolder[item] < 0 { firstInScopeSPDHolder[item] = node }
                guard inScopeSPDHolderCount[item] <= 2 else { continue }
                for holder in spdHolders[item] {
                    let source = holder == firstInScopeSPDHolder[item] ? (inScopeSPDHolderCount[item] == 2 ? node : nil)
                        : firstInScopeSPDHolder[item]
                    guard let source else { continue }
                    makeSPA(node: holder, Reason("holds \(model.data[item].id), security data of in-scope \(model.assets[source].id)",
                                                 holdings.witness(holder, item)))
                }
            }
        }
    }
}
