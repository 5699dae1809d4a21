import ScopeModel

/// The single moves worth verifying, found from the structure of an analyzed model in linear time, each
/// with an estimate of the weight it takes out of scope (docs/advisor.md). Estimates only rank the
/// candidates; every number the advisor prints comes from re-running the analysis.
struct Candidates {
    private(set) var estimates: [Move: Int] = [:]

    /// The `budget` most promising, the best of each kind first, then the next of each kind, so that no
    /// kind's optimistic estimates crowd out the others.
    func best(_ budget: Int) -> [Move] {
        let byKind = Dictionary(grouping: estimates, by: \.key.kind).mapValues { $0.sorted { ($0.value, $1.key) > ($1.value, $0.key) } }
        let depth = byKind.values.map(\.count).max() ?? 0
        return (0..<depth).lazy.flatMap { round in
            byKind.values.compactMap { $0.count > round ? $0[round] : nil }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        }.prefix(budget).map { $0 }
    }

    init(_ analysis: Analysis, weights: AdvisorWeights) {
        guard analysis.level > 1 else { return }
        let model = analysis.model, reachability = analysis.reachability
        func weight(_ a: Int) -> Int { weights.weight(ofAsset: a, in: analysis) }
        // What each asset weighs when the fabric is its only way to CUI: what cutting the fabric frees.
        let fabricOnly = model.assets.indices.map { a -> Int in
            guard reachability.ways[a] == 1, case .fabric? = reachability.paths[a], case .reachable = analysis.categorization.rungs[a] else { return 0 }
            return weight(a)
        }
        func add(_ move: Move, _ estimate: Int) {
            // Only what the root file declares can be edited and applied.
            guard move.span(in: model).file === model.files.first, estimate > 0 else { return }
            estimates[move, default: 0] += estimate
        }

        // What each fabric piece holds: its CUI holders, and the weight of the assets it alone puts in scope.
        let fabric = reachability.fabric
        var holders: [Int32: Int] = [:], fabricWeight: [Int32: Int] = [:]
        for a in model.assets.indices {
            guard let piece = fabric.component[a] else { continue }
            if reachability.sources[a] { holders[piece, default: 0] += 1 }
            fabricWeight[piece, default: 0] += fabricOnly[a]
        }
        // A holder that stops holding CUI frees its piece of the fabric when it was the piece's only holder.
        func freed(_ a: Int) -> Int {
            guard let piece = fabric.component[a], reachability.sources[a], holders[piece] == 1 else { return 0 }
            return fabricWeight[piece] ?? 0
        }

        // The only channel or device access that makes an asset reachable; a policy for a reachable asset without one.
        for a in model.assets.indices {
            guard case .reachable(let reach) = analysis.categorization.rungs[a] else { continue }
            switch reachability.ways[a] == 1 ? reachability.paths[a] : nil {
            case .channel(.flow(let f), _)?: add(.removeFlow(f), weight(a))
            case .channel(.access(let i), _)?, .zoneChannel(.access(let i), _)?: add(.removeAccess(i), weight(a))
            default: break
            }
            if reach == .noPolicy {
                add(.addPolicy(asset: a), model.assets[a].count * (weights.weight(.cui) - weights.weight(.crma)))
            }
        }
        // An unlabeled flow presumed to carry CUI into an asset.
        for (f, flow) in model.flows.enumerated() where flow.carries == .unlabeled {
            let carried = analysis.carried(byFlow: f)
            guard carried.items.contains(where: { model.data[$0].dataClass == .cui }) else { continue }
            let ends = [flow.to] + (flow.bidirectional ? [flow.from] : [])
            for case .asset(let a) in ends where analysis.categorization.rungs[a] == .holdsData { add(.labelFlow(f), weight(a) + freed(a)) }
        }
        // The only CUI on an asset its owner says must not hold any, stored or processed there by declaration.
        for (a, asset) in model.assets.enumerated() where asset.policy != nil || asset.claimedCategory.map({ $0 != .cui }) ?? false {
            let held = analysis.holdings(ofAsset: a).filter { model.data[$0].dataClass == .cui }
            guard held.count == 1, asset.stores.contains(held[0]) || asset.processes.contains(held[0]) else { continue }
            add(.moveData(asset: a, item: held[0]), weight(a) + freed(a))
        }
        for (move, estimate) in Candidates.separations(analysis, fabricOnly: fabricOnly) { add(move, estimate) }
    }

    /// The separations that cut CUI reach: the zone joins and links whose removal splits the fabric
    /// (articulation points of the fabric with each zone join and link as a node of its own, found by one
    /// depth-first pass, Tarjan's), estimated by the weight of the pieces they leave without a CUI holder.
    private static func separations(_ analysis: Analysis, fabricOnly: [Int]) -> [(Move, Int)] {
        let model = analysis.model, reachability = analysis.reachability, fabric = reachability.fabric
        let fabricNodes = fabric.adjacency.offsets.count - 1
        var hubs: [Move] = [], hubOf: [Move: Int] = [:]
        var edges: [(from: Int32, to: Int32, payload: Int32)] = []
        func join(_ a: Int, _ b: Int) {
            edges.append((Int32(a), Int32(b), 0))
            edges.append((Int32(b), Int32(a), 0))
        }
        fabric.forEachJoin { node, target, separation in
            guard let separation else {
                if node < target { join(node, target) }
                return
            }
            if hubOf[separation] == nil {
                hubs.append(separation)
                hubOf[separation] = fabricNodes + hubs.count - 1
            }
            join(node, hubOf[separation]!)
        }
        let graph = Adjacency(nodeCount: fabricNodes + hubs.count, edges: edges)
        let count = fabricNodes + hubs.count

        // Per node: CUI holders and weight held by fabric reach.
        var holders = [Int](repeating: 0, count: count), weights = [Int](repeating: 0, count: count)
        for a in model.assets.indices where fabric.component[a] != nil {
            if reachability.sources[a] { holders[a] = 1 }
            weights[a] = fabricOnly[a]
        }

        var order = [Int32](repeating: -1, count: count), low = [Int32](repeating: 0, count: count)
        var subHolders = holders, subWeights = weights
        var estimates: [(Move, Int)] = []
        var time: Int32 = 0
        for root in 0..<count where order[root] < 0 {
            // Iterative DFS: (node, parent, next edge slot).
            var stack: [(node: Int, parent: Int, slot: Int)] = [(root, -1, graph.edges(of: root).lowerBound)]
            order[root] = time; low[root] = time; time += 1
            var pieces: [Int: [(holders: Int, weight: Int)]] = [:]
            while let top = stack.last {
                let edgesOfTop = graph.edges(of: top.node)
                if top.slot < edgesOfTop.upperBound {
                    stack[stack.count - 1].slot += 1
                    let next = Int(graph.targets[top.slot])
                    if order[next] < 0 {
                        order[next] = time; low[next] = time; time += 1
                        stack.append((next, top.node, graph.edges(of: next).lowerBound))
                    } else if next != top.parent {
                        low[top.node] = min(low[top.node], order[next])
                    }
                    continue
                }
                stack.removeLast()
                guard let parent = stack.last?.node else { continue }
                low[parent] = min(low[parent], low[top.node])
                subHolders[parent] += subHolders[top.node]
                subWeights[parent] += subWeights[top.node]
                // A hub whose child's subtree has no other way back: removing the hub cuts it off.
                if parent >= fabricNodes, low[top.node] >= order[parent] {
                    pieces[parent, default: []].append((subHolders[top.node], subWeights[top.node]))
                }
            }
            let (totalHolders, totalWeight) = (subHolders[root], subWeights[root])
            guard totalHolders > 0 else { continue }
            for (hub, cut) in pieces {
                // The root of the search is cut apart only between its own children.
                let isRoot = hub == root
                guard !isRoot || cut.count > 1 else { continue }
                var estimate = cut.filter { $0.holders == 0 }.reduce(0) { $0 + $1.weight }
                if !isRoot {
                    let rest = (holders: totalHolders - cut.reduce(0) { $0 + $1.holders }, weight: totalWeight - cut.reduce(0) { $0 + $1.weight })
                    if rest.holders == 0 { estimate += rest.weight }
                }
                estimates.append((hubs[hub - fabricNodes], estimate))
            }
        }
        return estimates
    }
}
