import ScopeModel

/// The best enclave as one combined change (docs/advisor.md): the set of separations and removed channels that
/// minimizes the cost of the moves plus the weight of what stays reachable, found as a minimum cut.
///
/// The network: a source feeds every CUI holder; the fabric's joins carry flow freely; each zone join, link,
/// flow and device access that a move can cut is a node pair whose inner edge costs that move; every
/// reachable asset drains to the sink with its weight. Channels enter an asset's drain only, so reach does not
/// pass through them (docs/scoping.md §3). The cut's moves are then verified like any other suggestion.
enum MinimumCut {
    static func moves(_ analysis: Analysis, weights: AdvisorWeights) -> [Move] {
        guard analysis.level > 1 else { return [] }
        let model = analysis.model, graph = analysis.graph, reachability = analysis.reachability
        let fabric = reachability.fabric
        let fabricNodes = fabric.adjacency.offsets.count - 1
        let assetCount = model.assets.count, zoneCount = model.zones.count
        // Node layout: fabric nodes, each asset's drain, each zone's members and holders, source, sink, then hubs.
        let drain = fabricNodes, members = drain + assetCount, holdersIn = members + zoneCount
        let source = holdersIn + zoneCount, sink = source + 1
        var network = FlowNetwork(nodeCount: sink + 1)
        // Each cuttable move's node pair, made on first use; indexed by what the move edits, not hashed.
        var hubs: [(move: Move, inner: Int)] = []
        var zoneHubs = [Int](repeating: -1, count: zoneCount), linkHubs = [Int](repeating: -1, count: model.links.count)
        var flowHubs = [Int](repeating: -1, count: model.flows.count), accessHubs = [Int](repeating: -1, count: model.accesses.count)
        func hub(_ move: Move) -> Int {
            func made(_ slot: inout Int) -> Int {
                if slot < 0 {
                    slot = network.addNodes(2)
                    hubs.append((move, slot))
                    network.add(slot, slot + 1, weights.cost([move]))
                }
                return slot
            }
            switch move {
            case .separateZone(let z): return made(&zoneHubs[z])
            case .separateLink(let l): return made(&linkHubs[l])
            case .removeFlow(let f): return made(&flowHubs[f])
            case .removeAccess(let i): return made(&accessHubs[i])
            case .labelFlow, .addPolicy, .moveData: preconditionFailure("\(move.kind) cuts no channel")
            }
        }
        let infinite = FlowNetwork.infinite
        let editable = { (move: Move) in move.span(in: model).file === model.files.first }

        for a in 0..<assetCount {
            if reachability.sources[a] { network.add(source, a, infinite) }
            if case .reachable = analysis.categorization.rungs[a] {
                let weight = weights.weight(ofAsset: a, in: analysis)
                if weight > 0 {
                    network.add(a, drain + a, infinite)
                    network.add(drain + a, sink, weight)
                }
            }
        }
        fabric.forEachJoin { node, target, separation in
            guard let separation, editable(separation) else { return network.add(node, target, infinite) }
            let inner = hub(separation)
            network.add(node, inner, infinite)
            network.add(inner + 1, node, infinite)
        }
        // A channel from a holder to an asset's drain, through the hub of the move that removes it.
        func channel(from holder: Int, to target: Int, _ move: Move?) {
            guard let move, editable(move) else { return network.add(holder, target, infinite) }
            let inner = hub(move)
            network.add(holder, inner, infinite)
            network.add(inner + 1, target, infinite)
        }
        graph.forEachChannel { a, b, step in
            let move: Move? = switch step {
            case .flow(let f): .removeFlow(f)
            case .access(let i): .removeAccess(i)
            default: nil
            }
            if reachability.sources[a] { channel(from: a, to: drain + b, move) }
            if reachability.sources[b] { channel(from: b, to: drain + a, move) }
        }
        for a in graph.isNetworkNode.indices where graph.isNetworkNode[a] {
            guard let zone = graph.zone[a] else { continue }
            network.add(members + zone, drain + a, infinite)
            if reachability.sources[a] { network.add(a, holdersIn + zone, infinite) }
        }
        for (z, zone) in model.zones.enumerated() {
            guard let parent = zone.parent else { continue }
            network.add(members + parent, members + z, infinite)
            network.add(holdersIn + z, holdersIn + parent, infinite)
        }
        for (device, zone, i) in graph.zoneAccesses {
            // A holder's access reaches every asset of the zone; a zone holding CUI reaches the device.
            if reachability.sources[device] { channel(from: device, to: members + zone, .removeAccess(i)) }
            channel(from: holdersIn + zone, to: drain + device, .removeAccess(i))
        }
        let sourceSide = network.minimumCut(from: source, to: sink)
        return hubs.filter { sourceSide[$0.inner] && !sourceSide[$0.inner + 1] }.map(\.move).sorted()
    }
}

/// A flow network with integer capacities, solved by Dinic's algorithm (level graph, then blocking flows).
struct FlowNetwork {
    static let infinite = 1 << 50
    private var first: [Int32]
    private var next: [Int32] = [], to: [Int32] = [], capacity: [Int] = []

    init(nodeCount: Int) { first = [Int32](repeating: -1, count: nodeCount) }

    /// Adds `count` nodes; the index of the first.
    mutating func addNodes(_ count: Int) -> Int {
        first += [Int32](repeating: -1, count: count)
        return first.count - count
    }

    /// A directed edge and its residual twin (edge `e ^ 1`).
    mutating func add(_ from: Int, _ target: Int, _ amount: Int) {
        for (tail, head, cap) in [(from, target, amount), (target, from, 0)] {
            next.append(first[tail])
            to.append(Int32(head))
            capacity.append(cap)
            first[tail] = Int32(to.count - 1)
        }
    }

    /// Pushes a maximum flow, then returns which nodes the source still reaches: the source side of a minimum cut.
    mutating func minimumCut(from source: Int, to sink: Int) -> [Bool] {
        // Nodes that cannot reach the sink never will: flow only runs through nodes that can, so no residual
        // edge leads out of the others. Each phase skips them.
        var alive = [Bool](repeating: false, count: first.count)
        alive[sink] = true
        var pending = [sink]
        while let node = pending.popLast() {
            var edge = first[node]
            while edge >= 0 {
                // An odd edge is the twin of an edge from its target into `node`.
                let e = Int(edge), tail = Int(to[e])
                if e & 1 == 1, capacity[e ^ 1] > 0, !alive[tail] {
                    alive[tail] = true
                    pending.append(tail)
                }
                edge = next[e]
            }
        }
        var level = [Int32](repeating: -1, count: first.count)
        var cursor = first
        func buildLevels() -> Bool {
            for i in level.indices { level[i] = -1 }
            level[source] = 0
            var queue = [Int32(source)], head = 0
            while head < queue.count {
                let node = Int(queue[head]); head += 1
                // Nodes as far as the sink, or farther, lead to no shortest path.
                if level[sink] >= 0, level[node] >= level[sink] { break }
                var edge = first[node]
                while edge >= 0 {
                    let e = Int(edge), target = Int(to[e])
                    if capacity[e] > 0, alive[target], level[target] < 0 {
                        level[target] = level[node] + 1
                        queue.append(to[e])
                    }
                    edge = next[e]
                }
            }
            return level[sink] >= 0
        }
        // One augmenting path along the level graph, found without recursion; its bottleneck, or 0.
        func augment() -> Int {
            var path: [Int] = [], node = source
            while node != sink {
                var advanced = false
                while cursor[node] >= 0 {
                    let e = Int(cursor[node]), target = Int(to[e])
                    if capacity[e] > 0, level[target] == level[node] + 1 {
                        path.append(e)
                        node = target
                        advanced = true
                        break
                    }
                    cursor[node] = next[e]
                }
                if advanced { continue }
                // Dead end: retreat, and skip the edge that led here.
                guard let last = path.popLast() else { return 0 }
                node = Int(to[last ^ 1])
                level[Int(to[last])] = -1
                cursor[node] = next[last]
            }
            let bottleneck = path.reduce(Int.max) { min($0, capacity[$1]) }
            for e in path {
                capacity[e] -= bottleneck
                capacity[e ^ 1] += bottleneck
            }
            return bottleneck
        }
        while buildLevels() {
            cursor = first
            while augment() > 0 {}
        }
        var reached = [Bool](repeating: false, count: first.count)
        reached[source] = true
        var stack = [source]
        while let node = stack.popLast() {
            var edge = first[node]
            while edge >= 0 {
                let e = Int(edge), target = Int(to[e])
                if capacity[e] > 0, !reached[target] {
                    reached[target] = true
                    stack.append(target)
                }
                edge = next[e]
            }
        }
        return reached
    }
}
