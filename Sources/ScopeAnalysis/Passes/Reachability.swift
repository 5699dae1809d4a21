import ScopeModel

/// Pass 2 (docs/scoping.md §3): which assets can reach CUI over the network, and along which path.
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
    /// The CUI holders the reach starts from: network assets inside CMMC holding CUI that counts.
    let sources: [Bool]
    /// How many ways each asset reaches CUI (channels to holders, zone accesses, the fabric), counted up to 2:
    /// an asset with one way leaves scope when that way is cut.
    let ways: [UInt8]
    /// The network fabric, and the way from every node to its nearest CUI holder.
    let fabric: Fabric
    private let holderForest: Fabric.Forest
    private let assetCount: Int

    /// What reachability needs of the graph alone, built beside the holdings (`Analysis.init`): the fabric,
    /// the channels between two network assets, and the device accesses to zones.
    struct Network {
        let fabric: Fabric
        /// Each channel is two edges, whose payload is the channel's index, doubled, plus one for the way back.
        let channels: Adjacency
        let channelSteps: [Step]
        /// Accesses from a device to a zone: the device reaches everything inside it, and back.
        let zoneAccesses: [(device: Int, zone: Int, access: Int)]

        init(graph: ScopeGraph) {
            fabric = Fabric(graph: graph)
            // In model order, so the first holder found is stable.
            var edges: [(from: Int32, to: Int32, payload: Int32)] = []
            var steps: [Step] = []
            edges.reserveCapacity(2 * graph.channelCountBound)
            steps.reserveCapacity(graph.channelCountBound)
            graph.forEachChannel { a, b, step in
                let payload = Int32(2 * steps.count)
                edges.append((Int32(a), Int32(b), payload))
                edges.append((Int32(b), Int32(a), payload + 1))
                steps.append(step)
            }
            channels = Adjacency(nodeCount: graph.assetCount, edges: edges)
            channelSteps = steps
            zoneAccesses = graph.zoneAccesses
        }
    }

    init(graph: ScopeGraph, holdings: Holdings, network: Network, level: Int) {
        let model = graph.model
        assetCount = graph.assetCount
        // The CUI that counts: held by network nodes inside CMMC.
        let isSource = model.assets.indices.map { a in
            level > 1 && holdings.holdsCountedCUI[a] && graph.isNetworkNode[a]
        }
        fabric = network.fabric
        holderForest = fabric.forest(from: model.assets.indices.filter { isSource[$0] })
        let channelGraph = network.channels, channelSteps = network.channelSteps, zoneAccesses = network.zoneAccesses
        // The far end counts only if it holds CUI of its own when it is a host, seen from its guest.
        func needsOwnCUI(_ payload: Int32) -> Bool {
            if payload & 1 == 0, case .hosting = channelSteps[Int(payload >> 1)] { true } else { false }
        }

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
        var ways = [UInt8](repeating: 0, count: graph.assetCount)
        for a in 0..<graph.assetCount where !isSource[a] && graph.isNetworkNode[a] {
            let holder = { (slot: Int) -> Bool in
                let target = Int(channelGraph.targets[slot])
                return isSource[target] && (!needsOwnCUI(channelGraph.payloads[slot]) || holdings.holdsOwnCUI[target])
            }
            let channels = channelGraph.edges(of: a).lazy.filter(holder).prefix(2).count
            let zoneAccesses = (deviceReachesZone[a] == nil ? 0 : 1) + (graph.zone[a].flatMap { holderAccess[$0] } == nil ? 0 : 1)
            ways[a] = UInt8(min(2, channels + zoneAccesses + (holderForest.parent[a] >= 0 ? 1 : 0)))
            if let slot = channelGraph.edges(of: a).first(where: holder) {
                paths[a] = .channel(channelSteps[Int(channelGraph.payloads[slot] >> 1)], holder: Int(channelGraph.targets[slot]))
            } else if let entry = deviceReachesZone[a] {
                paths[a] = .zoneChannel(.access(entry.access), holder: entry.holder)
            } else if let zone = graph.zone[a], let entry = holderAccess[zone] {
                paths[a] = .zoneChannel(.access(entry.access), holder: entry.device)
            } else if holderForest.parent[a] >= 0 {
                paths[a] = .fabric
            }
        }
        self.paths = paths
        self.ways = ways
        sources = isSource
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
        case .fabric?: return holderForest.path(from: asset).map { ($0.steps, $0.source) }
        }
    }
}
