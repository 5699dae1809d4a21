import ScopeModel

/// Pass 2 (SCOPING.md §2.6): which assets can reach CUI over the network, and along which path.
/// Level 1 has no reach: only what holds FCI is in scope there.
///
/// The fabric is transitive: assets join their zone, zones their parent, links their ends, unless
/// separation is declared. A multi-source BFS from every CUI-holding network asset finds, for every
/// other asset, the nearest holder sharing its fabric. Channels (flows, a device's access, hosting between
/// assets) are not transitive: they connect exactly their ends. People and facilities are not network nodes.
struct Reachability {
    /// What made an asset CUI-reachable.
    enum Path {
        /// A channel straight to a CUI-holding asset.
        case channel(Step, holder: Int)
        /// A device with access to the asset's zone holds CUI, or the asset reaches a zone holding CUI.
        case zoneChannel(Step, holder: Int)
        /// Shares the fabric: follow `fabricParent` to the holder.
        case fabric
    }

    private(set) var paths: [Path?]
    /// Fabric nodes: assets, then zones, then the organization's root zone.
    private var fabricParent: [Int32]
    private var fabricStep: [Step?]
    private let assetCount: Int

    init(graph: ScopeGraph, holdings: Holdings, level: Int) {
        let model = graph.model
        assetCount = graph.assetCount
        // The CUI that counts: held by network nodes, not classified, not only in a VDI session.
        let isSource = model.assets.indices.map { a in
            level > 1 && holdings.holdsCountedCUI[a] && model.assets[a].type.isNetworkNode
        }
        let root = graph.assetCount + graph.zoneCount
        let nodeCount = root + 1
        func isNetworkAsset(_ a: Int) -> Bool { model.assets[a].type.isNetworkNode }
        func fabricNode(_ endpoint: Endpoint) -> Int? {
            switch endpoint {
            case .asset(let a): isNetworkAsset(a) ? a : nil
            case .zone(let z): graph.assetCount + z
            case .provider: nil
            }
        }

        // The fabric, undirected: both directions of each join.
        var steps: [Step] = []
        var edges: [(from: Int32, to: Int32, payload: Int32)] = []
        func join(_ a: Int, _ b: Int, _ step: Step) {
            edges.append((Int32(a), Int32(b), Int32(steps.count)))
            edges.append((Int32(b), Int32(a), Int32(steps.count)))
            steps.append(step)
        }
        for a in model.assets.indices where isNetworkAsset(a) && graph.isOnNetwork(a) {
            join(a, graph.zone[a].map { graph.assetCount + $0 } ?? root, .membership(asset: a))
        }
        for (z, zone) in model.zones.enumerated() where !zone.separation.separates {
            join(graph.assetCount + z, zone.parent.map { graph.assetCount + $0 } ?? root, .zoneParent(zone: z))
        }
        for (l, link) in model.links.enumerated() where !link.separation.separates {
            guard let a = fabricNode(link.a), let b = fabricNode(link.b) else { continue }
            join(a, b, .link(l))
            for device in link.via where isNetworkAsset(device) {
                join(device, a, .linkVia(link: l, device: device))
                join(device, b, .linkVia(link: l, device: device))
            }
        }
        let fabric = Adjacency(nodeCount: nodeCount, edges: edges)

        fabricParent = [Int32](repeating: -2, count: nodeCount)
        fabricStep = [Step?](repeating: nil, count: nodeCount)
        var queue: [Int32] = []
        for a in 0..<graph.assetCount where isSource[a] {
            fabricParent[a] = -1
            queue.append(Int32(a))
        }
        var head = 0
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            for slot in fabric.edges(of: node) {
                let next = Int(fabric.targets[slot])
                guard fabricParent[next] == -2 else { continue }
                fabricParent[next] = Int32(node)
                fabricStep[next] = steps[Int(fabric.payloads[slot])]
                queue.append(Int32(next))
            }
        }

        // Channels between two network assets, in model order so the first holder found is stable.
        var channels: [(from: Int32, to: Int32, payload: Int32)] = []
        var channelSteps: [Step] = []
        func connect(_ a: Int, _ b: Int, _ step: Step) {
            guard a != b, isNetworkAsset(a), isNetworkAsset(b) else { return }
            channels.append((Int32(a), Int32(b), Int32(channelSteps.count)))
            channels.append((Int32(b), Int32(a), Int32(channelSteps.count)))
            channelSteps.append(step)
        }
        // Accesses from a device to a zone: the device reaches everything inside it, and back.
        var zoneAccesses: [(device: Int, zone: Int, access: Int)] = []
        for (f, flow) in model.flows.enumerated() {
            var ends: [Int] = []
            if case .asset(let a) = flow.from { ends.append(a) }
            if case .asset(let b) = flow.to { ends.append(b) }
            if ends.count == 2 { connect(ends[0], ends[1], .flow(f)) }
            for device in flow.via { for end in ends { connect(device, end, .flow(f)) } }
        }
        for (i, access) in model.accesses.enumerated() {
            // A KVM-only VDI client's session is pixels, not a network path.
            guard case .asset(let device) = access.from, model.assets[device].vdi != .kvmOnly else { continue }
            switch access.to {
            case .asset(let target): connect(device, target, .access(i))
            case .zone(let zone): if isNetworkAsset(device) { zoneAccesses.append((device, zone, i)) }
            case .provider: break
            }
        }
        for (a, asset) in model.assets.enumerated() {
            if case .asset(let host)? = asset.hostedOn { connect(a, host, .hosting(asset: a)) }
        }
        let channelGraph = Adjacency(nodeCount: graph.assetCount, edges: channels)

        // A holder somewhere inside each zone (nested zones included), and the device access reaching each zone.
        var holderInZone = [Int?](repeating: nil, count: graph.zoneCount)
        for a in 0..<graph.assetCount where isSource[a] {
            graph.markZones(from: graph.zone[a]) { zone in
                guard holderInZone[zone] == nil else { return false }
                holderInZone[zone] = a
                return true
            }
        }
        var holderAccess = [(access: Int, device: Int)?](repeating: nil, count: graph.zoneCount)
        for entry in zoneAccesses where isSource[entry.device] && holderAccess[entry.zone] == nil {
            holderAccess[entry.zone] = (entry.access, entry.device)
        }
        for z in model.zones.indices where holderAccess[z] == nil {
            if let parent = model.zones[z].parent { holderAccess[z] = holderAccess[parent] }
        }

        // The first zone access of each device that reaches a holder.
        var deviceReachesZone = [(access: Int, holder: Int)?](repeating: nil, count: graph.assetCount)
        for entry in zoneAccesses where deviceReachesZone[entry.device] == nil {
            if let holder = holderInZone[entry.zone] { deviceReachesZone[entry.device] = (entry.access, holder) }
        }

        var paths = [Path?](repeating: nil, count: graph.assetCount)
        for a in 0..<graph.assetCount where !isSource[a] && isNetworkAsset(a) {
            if let slot = channelGraph.edges(of: a).first(where: { isSource[Int(channelGraph.targets[$0])] }) {
                paths[a] = .channel(channelSteps[Int(channelGraph.payloads[slot])], holder: Int(channelGraph.targets[slot]))
            } else if let entry = deviceReachesZone[a] {
                paths[a] = .zoneChannel(.access(entry.access), holder: entry.holder)
            } else if let zone = graph.zone[a], let entry = holderAccess[zone] {
                paths[a] = .zoneChannel(.access(entry.access), holder: entry.device)
            } else if fabricParent[a] >= 0 {
                paths[a] = .fabric
            }
        }
        self.paths = paths
    }

    func isReachable(_ asset: Int) -> Bool { paths[asset] != nil }

    /// "can reach CUI on HOLDER", with the path; nil when `asset` reaches no CUI.
    func reason(_ asset: Int) -> Reason? {
        witness(asset).map { Reason(.reachesCUI(holder: $0.holder), $0.steps) }
    }

    /// The steps from `asset` to the CUI holder it reaches, and that holder.
    func witness(_ asset: Int) -> (steps: [Step], holder: Int)? {
        switch paths[asset] {
        case nil: return nil
        case .channel(let step, let holder)?, .zoneChannel(let step, let holder)?: return ([step], holder)
        case .fabric?:
            var steps: [Step] = []
            var node = asset
            while fabricParent[node] >= 0, let step = fabricStep[node] {
                steps.append(step)
                node = Int(fabricParent[node])
            }
            return (steps, node)
        }
    }
}
