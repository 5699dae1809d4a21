import ScopeModel

/// The network fabric (docs/scoping.md §3), undirected and transitive: assets join their zone, zones their
/// parent, links their ends (and an unseparated link's `via` devices both ends), unless separation is
/// declared. Nodes are assets, then zones, then the organization's root network. People, facilities and
/// assets living with a provider are on no fabric.
struct Fabric {
    let adjacency: Adjacency
    /// Indexed by the edges' payloads: the relation or declaration behind each join.
    let steps: [Step]
    /// Which connected piece each asset belongs to; nil for an asset on no fabric.
    let component: [Int32?]

    init(graph: ScopeGraph) {
        let model = graph.model
        let root = graph.assetCount + graph.zoneCount
        func onFabric(_ a: Int) -> Bool { graph.isNetworkNode[a] && graph.isOnNetwork(a) }
        func node(_ endpoint: Endpoint) -> Int? {
            switch endpoint {
            case .asset(let a): graph.isNetworkNode[a] ? a : nil
            case .zone(let z): graph.assetCount + z
            case .provider: nil
            }
        }
        var steps: [Step] = []
        var edges: [(from: Int32, to: Int32, payload: Int32)] = []
        let links = model.links
        let joinBound = graph.assetCount + graph.zoneCount + links.indices.reduce(links.count) { $0 + 2 * links[$1].via.count }
        steps.reserveCapacity(joinBound)
        edges.reserveCapacity(2 * joinBound)
        func join(_ a: Int, _ b: Int, _ step: Step) {
            edges.append((Int32(a), Int32(b), Int32(steps.count)))
            edges.append((Int32(b), Int32(a), Int32(steps.count)))
            steps.append(step)
        }
        for a in model.assets.indices where onFabric(a) {
            join(a, graph.zone[a].map { graph.assetCount + $0 } ?? root, .membership(asset: a))
        }
        for (z, zone) in model.zones.enumerated() where !zone.separation.separates {
            join(graph.assetCount + z, zone.parent.map { graph.assetCount + $0 } ?? root, .zoneParent(zone: z))
        }
        for (l, link) in model.links.enumerated() where !link.separation.separates {
            guard let a = node(link.a), let b = node(link.b) else { continue }
            join(a, b, .link(l))
            for device in link.via where graph.isNetworkNode[device] {
                join(device, a, .linkVia(link: l, device: device))
                join(device, b, .linkVia(link: l, device: device))
            }
        }
        adjacency = Adjacency(nodeCount: root + 1, edges: edges)
        self.steps = steps
        // Connected pieces, labelled in one pass over every node.
        var label = [Int32](repeating: -1, count: root + 1)
        var stack: [Int32] = []
        for start in label.indices where label[start] < 0 {
            label[start] = Int32(start)
            stack.append(Int32(start))
            while let current = stack.popLast() {
                for slot in adjacency.edges(of: Int(current)) where label[Int(adjacency.targets[slot])] < 0 {
                    label[Int(adjacency.targets[slot])] = Int32(start)
                    stack.append(adjacency.targets[slot])
                }
            }
        }
        component = model.assets.indices.map { onFabric($0) ? label[$0] : nil }
    }

    /// For every node, the nearest of `sources` and the step towards it, by one breadth-first pass.
    struct Forest {
        /// -1 for a source, -2 for a node no source reaches, else the next node towards the source.
        var parent: [Int32]
        var step: [Step?]

        /// The steps from `node` to its source, and the source; nil when none reaches it.
        func path(from node: Int) -> (steps: [Step], source: Int)? {
            guard parent[node] != -2 else { return nil }
            var steps: [Step] = []
            var current = node
            while parent[current] >= 0, let next = step[current] {
                steps.append(next)
                current = Int(parent[current])
            }
            return (steps, current)
        }
    }

    func forest(from sources: [Int]) -> Forest {
        var forest = Forest(parent: [Int32](repeating: -2, count: adjacency.offsets.count - 1),
                            step: [Step?](repeating: nil, count: adjacency.offsets.count - 1))
        var queue = sources.map(Int32.init)
        for source in sources { forest.parent[source] = -1 }
        var head = 0
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            for slot in adjacency.edges(of: node) {
                let next = Int(adjacency.targets[slot])
                guard forest.parent[next] == -2 else { continue }
                forest.parent[next] = Int32(node)
                forest.step[next] = steps[Int(adjacency.payloads[slot])]
                queue.append(Int32(next))
            }
        }
        return forest
    }
}
