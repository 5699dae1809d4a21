import ScopeModel

/// Pass 3 (docs/scoping.md §4, step 3): the Security Protection fixed point. An asset or provider that protects,
/// administers, or holds security data of an in-scope asset is itself in scope, and so is the host of a
/// Security Protection Asset; what protects it is then protecting the scope too. So are the `via` devices
/// of links and flows with a CUI-holding end. Hosting a CRMA or a Specialized Asset gives no role. Each
/// asset and zone enters the worklist once, so the pass is linear. Level 1 has no SPAs.
struct SecurityProtection {
    /// Why each asset provides security to the scope, if it does. A reason of security data is kept without its
    /// witness, found when asked for (`reason(forAsset:)`): at a million relations 100k assets are SPAs for
    /// the security data they hold, and `check` prints few of their reasons.
    private var assetReasons: [Reason?]
    /// Whether each asset is an SPA: the worklist's flags, which categorization asks of every asset. Read
    /// through the reasons, each optional was copied, and its witness retained, a quarter of a million times.
    private let isSPAFlags: [Bool]
    /// Why each provider supports the scope, if it does.
    private(set) var providerReasons: [Reason?]
    private let holdings: Holdings

    init(graph: ScopeGraph, holdings: Holdings, reachability: Reachability, level: Int) {
        var worklist = Worklist(graph: graph, holdings: holdings)
        if level > 1 {
            let model = graph.model
            for a in model.assets.indices
            where !graph.outsideCMMC[a] && (holdings.holdsCountedCUI[a] || reachability.isReachable(a)) {
                worklist.enterScope(asset: a)
            }
            worklist.seedBoundaryDevices()
            worklist.run()
        }
        assetReasons = worklist.assetReasons
        isSPAFlags = worklist.isSPA
        providerReasons = worklist.providerReasons
        self.holdings = holdings
    }

    func isSPA(_ asset: Int) -> Bool { isSPAFlags[asset] }

    /// Why `asset` provides security to the scope, with its witness; nil if it does not.
    func reason(forAsset asset: Int) -> Reason? {
        guard var reason = assetReasons[asset] else { return nil }
        if case .holdsSecurityData(let item, _) = reason.kind, reason.steps.isEmpty { reason.steps = holdings.witness(asset, item) }
        return reason
    }
}

/// The fixed point's state: who is an SPA so far, and the in-scope assets and zones whose protectors are
/// still to look at.
private struct Worklist {
    let graph: ScopeGraph
    let holdings: Holdings
    var assetReasons: [Reason?]
    var providerReasons: [Reason?]
    /// Whether each asset is an SPA yet: asked of every protector found, and these flags stay in the cache
    /// where the reasons do not.
    var isSPA: [Bool]
    /// Assets and zones already queued: each is queued once.
    var assetQueued: [Bool]
    var zoneQueued: [Bool]
    var queue: [Int] = []
    /// Who protects or administers each asset or zone node: (protector, step).
    let protectors: Adjacency
    let protectorSteps: [Step]
    /// For each SPD item: the nodes holding it, how many in-scope assets hold it, and the first of them.
    let spdHolders: [[Int]]
    var inScopeSPDHolderCount: [Int]
    var firstInScopeSPDHolder: [Int]

    init(graph: ScopeGraph, holdings: Holdings) {
        self.graph = graph
        self.holdings = holdings
        let model = graph.model
        assetReasons = [Reason?](repeating: nil, count: graph.assetCount)
        isSPA = [Bool](repeating: false, count: graph.assetCount)
        providerReasons = [Reason?](repeating: nil, count: graph.providerCount)
        assetQueued = [Bool](repeating: false, count: graph.assetCount)
        zoneQueued = [Bool](repeating: false, count: graph.zoneCount)
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
        protectors = Adjacency(nodeCount: graph.nodeCount, edges: edges)
        protectorSteps = steps
        spdHolders = model.data.indices.map { item in
            model.data[item].dataClass == .spd ? (0..<(graph.assetCount + graph.providerCount)).filter { holdings.holds($0, item) } : []
        }
        inScopeSPDHolderCount = [Int](repeating: 0, count: model.data.count)
        firstInScopeSPDHolder = [Int](repeating: -1, count: model.data.count)
    }

    mutating func enterScope(asset: Int) {
        guard !assetQueued[asset] else { return }
        assetQueued[asset] = true
        queue.append(asset)
        guard graph.isOnNetwork(asset) else { return }
        // A loop rather than `graph.markZones`: its closure would mutate self while self.graph is read, and
        // Swift then copies the whole graph for every asset.
        for zone in graph.model.zoneChain(from: graph.zone[asset]) {
            guard !zoneQueued[zone] else { return }
            zoneQueued[zone] = true
            queue.append(graph.node(zone: zone))
        }
    }

    /// The `via` devices of links and flows with a CUI-holding end (asset, provider, or zone holding CUI inside).
    mutating func seedBoundaryDevices() {
        let model = graph.model
        func holdsCUI(_ endpoint: Endpoint) -> Bool { holdings.holdsAny(graph.node(endpoint), of: graph.cuiMask) }
        // By index: a copy of each link and flow retains its lists, six hundred thousand times at 1M relations.
        for l in model.links.indices where holdsCUI(model.links[l].a) || holdsCUI(model.links[l].b) {
            for device in model.links[l].via { makeSPA(asset: device, Reason(.boundaryDevice, [.linkVia(link: l, device: device)])) }
        }
        for f in model.flows.indices where holdsCUI(model.flows[f].from) || holdsCUI(model.flows[f].to) {
            for device in model.flows[f].via { makeSPA(asset: device, Reason(.passesCUIFlow, [.flow(f)])) }
        }
    }

    /// Makes an asset an SPA, and its host too: a host controls its guest as fully as an administrator
    /// does. (A host of CUI holds that CUI already, through hosting.) `reason` is built only if it becomes one.
    mutating func makeSPA(asset: Int, _ reason: @autoclosure () -> Reason) {
        guard !isSPA[asset], !graph.outsideCMMC[asset] else { return }
        isSPA[asset] = true
        assetReasons[asset] = reason()
        enterScope(asset: asset)
        switch graph.model.assets[asset].hostedOn {
        case .asset(let host)?: makeSPA(asset: host, Reason(.hostsSPA(asset: asset), [.hosting(asset: asset)]))
        case .provider(let provider)?: makeSPA(node: graph.node(provider: provider), Reason(.hostsSPA(asset: asset), [.hosting(asset: asset)]))
        case nil: break
        }
    }

    mutating func makeSPA(node: Int, _ reason: @autoclosure () -> Reason) {
        if node < graph.assetCount {
            makeSPA(asset: node, reason())
        } else if node < graph.assetCount + graph.providerCount, providerReasons[node - graph.assetCount] == nil {
            providerReasons[node - graph.assetCount] = reason()
        }
    }

    mutating func run() {
        let model = graph.model, assetCount = graph.assetCount
        let holdings = self.holdings
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            let target: ElementRef = node < graph.assetCount ? .asset(node) : .zone(node - graph.assetCount - graph.providerCount)
            for slot in protectors.edges(of: node) {
                let step = protectorSteps[Int(protectors.payloads[slot])]
                let kind: Reason.Kind = if case .protects = step { .protects(target) } else { .administers(target) }
                makeSPA(node: Int(protectors.targets[slot]), Reason(kind, [step]))
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
                    let kind = Reason.Kind.holdsSecurityData(data: item, alsoHeldBy: source)
                    makeSPA(node: holder, holder < assetCount ? Reason(kind) : Reason(kind, holdings.witness(holder, item)))
                }
            }
        }
    }
}
