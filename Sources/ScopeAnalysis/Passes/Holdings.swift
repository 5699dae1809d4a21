import ScopeModel

/// Pass 1 (docs/scoping.md §2): which data each asset, provider and zone holds, the shortest chain of
/// relations behind every item, and which assets' CUI counts for scope.
///
/// Seeds are what is written down: `stores`/`processes`, and labelled flows, which make their source, their
/// target and every `via` device hold what they carry. Propagation then follows unlabeled flows (CUI and
/// FCI of their source), hosting (everything, up the chain), people's non-admin access (CUI and FCI of what
/// they reach; a zone stands for everything inside it) and a `vdi full` client's access (everything its
/// targets hold). A `vdi kvm-only` client's access is a session of pixels: it holds nothing through it. The
/// pass runs breadth-first in rounds over bitsets, so the first time an item reaches a node is along a
/// shortest chain: that is its witness.
struct Holdings {
    private(set) var held: BitMatrix
    /// For each (node, item): the step that brought it, an index into `steps`.
    private var parentStep: [Int32]
    private(set) var steps: [Step] = []
    /// The node each step brought its items from: -1 for a seed. Each propagation step is one edge, so
    /// this is all a witness needs, without a node per (node, item) beside `parentStep`.
    private var stepSources: [Int32] = []
    private let dataCount: Int
    /// Assets whose CUI counts for scope: they hold CUI and are not outside CMMC.
    private(set) var holdsCountedCUI: [Bool] = []
    /// Assets holding CUI that did not reach them only from guests they host: a hypervisor's own CUI.
    /// Hypervisor isolation (docs/scoping.md §3): guest-derived holdings make no co-resident guest reachable.
    private(set) var holdsOwnCUI: [Bool] = []

    init(graph: ScopeGraph) {
        let model = graph.model
        dataCount = model.data.count
        held = BitMatrix(rows: graph.nodeCount, bits: dataCount)
        parentStep = [Int32](repeating: -1, count: graph.nodeCount * max(1, dataCount))
        defer { classifyCUIHolders(graph) }
        guard dataCount > 0 else { return }

        var frontier: [Int32] = []
        func seed(_ node: Int, _ item: Int, _ step: Step) {
            guard !held.contains(node, item) else { return }
            // A node joins the first frontier with its first item.
            if held.row(node).allSatisfy({ $0 == 0 }) { frontier.append(Int32(node)) }
            held.insert(node, item)
            steps.append(step)
            stepSources.append(-1)
            parentStep[node * dataCount + item] = Int32(steps.count - 1)
        }
        // By index, and without joined lists: a copy of each asset or flow, or a list per flow, costs a
        // million allocations at a million relations.
        for a in model.assets.indices {
            for item in model.assets[a].stores { seed(a, item, .holds(asset: a, data: item)) }
            for item in model.assets[a].processes { seed(a, item, .holds(asset: a, data: item)) }
        }
        for f in model.flows.indices {
            guard case .data(let items) = model.flows[f].carries else { continue }
            let from = graph.node(model.flows[f].from), to = graph.node(model.flows[f].to)
            for item in items {
                seed(from, item, .flow(f))
                seed(to, item, .flow(f))
                for device in model.flows[f].via { seed(graph.node(asset: device), item, .flow(f)) }
            }
        }

        // What the first round spreads is every seed: a copy made once, where each seed wrote a second matrix at
        // random.
        var delta = held
        let (edges, carriesEverything) = Holdings.propagationEdges(graph, steps: &steps, sources: &stepSources)
        propagate(edges: edges, carriesEverything: carriesEverything, graph: graph, delta: &delta, frontier: frontier)
    }

    /// The propagation graph. Its payloads index `steps`, which it extends, and `sources`, with each edge's
    /// source; `carriesEverything[step]` says whether an edge carries every item (hosting, zone membership)
    /// or only CUI and FCI.
    private static func propagationEdges(_ graph: ScopeGraph, steps: inout [Step], sources: inout [Int32]) -> (Adjacency, [Bool]) {
        let model = graph.model
        var edges: [(from: Int32, to: Int32, payload: Int32)] = []
        var carriesEverything = [Bool](repeating: true, count: steps.count)
        func add(_ from: Int, _ to: Int, _ step: Step, all: Bool) {
            edges.append((Int32(from), Int32(to), Int32(steps.count)))
            steps.append(step)
            sources.append(Int32(from))
            carriesEverything.append(all)
        }
        for f in model.flows.indices where model.flows[f].carries == .unlabeled {
            let from = graph.node(model.flows[f].from), to = graph.node(model.flows[f].to)
            add(from, to, .flow(f), all: false)
            for device in model.flows[f].via { add(from, graph.node(asset: device), .flow(f), all: false) }
            if model.flows[f].bidirectional {
                add(to, from, .flow(f), all: false)
                for device in model.flows[f].via { add(to, graph.node(asset: device), .flow(f), all: false) }
            }
        }
        for a in model.assets.indices {
            switch model.assets[a].hostedOn {
            case .asset(let host)?: add(a, graph.node(asset: host), .hosting(asset: a), all: true)
            case .provider(let host)?: add(a, graph.node(provider: host), .hosting(asset: a), all: true)
            case nil: break
            }
            // Zones gather what their assets hold, only so that people's access to a zone can reach it.
            if let zone = model.assets[a].zone { add(a, graph.node(zone: zone), .membership(asset: a), all: true) }
        }
        for (z, zone) in model.zones.enumerated() {
            if let parent = zone.parent { add(graph.node(zone: z), graph.node(zone: parent), .zoneParent(zone: z), all: true) }
        }
        for (i, access) in model.accesses.enumerated() {
            guard case .asset(let from) = access.from else { continue }
            if model.assets[from].vdi == .full {
                add(graph.node(access.to), graph.node(asset: from), .access(i), all: true)
            } else if model.assets[from].type.isPeople, !access.admin {
                add(graph.node(access.to), graph.node(asset: from), .access(i), all: false)
            }
        }
        return (Adjacency(nodeCount: graph.nodeCount, edges: edges), carriesEverything)
    }

    private mutating func propagate(edges: Adjacency, carriesEverything: [Bool], graph: ScopeGraph,
                                    delta: inout BitMatrix, frontier: [Int32]) {
        let width = held.width
        var frontier = frontier
        var next = BitMatrix(rows: graph.nodeCount, bits: dataCount)
        var nextFrontier: [Int32] = []
        var incoming = [UInt64](repeating: 0, count: width)
        while !frontier.isEmpty {
            for source in frontier.map(Int.init) {
                for slot in edges.edges(of: source) {
                    let target = Int(edges.targets[slot])
                    let step = Int(edges.payloads[slot])
                    let mask = carriesEverything[step] ? graph.allMask : graph.cuiOrFCIMask
                    var gained = false
                    for word in 0..<width {
                        incoming[word] = delta.words[source * width + word] & mask[word] & ~held.words[target * width + word]
                        if incoming[word] != 0 { gained = true }
                    }
                    guard gained else { continue }
                    if next.row(target).allSatisfy({ $0 == 0 }) { nextFrontier.append(Int32(target)) }
                    for word in 0..<width {
                        var bits = incoming[word]
                        while bits != 0 {
                            let item = word * 64 + bits.trailingZeroBitCount
                            bits &= bits - 1
                            held.insert(target, item)
                            next.insert(target, item)
                            parentStep[target * dataCount + item] = Int32(step)
                        }
                    }
                }
            }
            for source in frontier { for word in 0..<width { delta.words[Int(source) * width + word] = 0 } }
            swap(&delta, &next)
            swap(&frontier, &nextFrontier)
            nextFrontier.removeAll(keepingCapacity: true)
        }
    }

    private mutating func classifyCUIHolders(_ graph: ScopeGraph) {
        let model = graph.model
        holdsCountedCUI = model.assets.indices.map { holdsAny($0, of: graph.cuiMask) && !graph.outsideCMMC[$0] }
        holdsOwnCUI = model.assets.indices.map { a in
            var own = false
            // Bit by bit rather than through `items`: a list per CUI holder was a third of this pass.
            if holdsCountedCUI[a] {
                held.forEachBit(a, in: graph.cuiMask) { item in
                    // CUI that came up from a guest it hosts is the guest's; any other is its own.
                    if case .hosting(let guest)? = lastStep(a, item), model.assets[guest].hostedOn == .asset(a) { return true }
                    own = true
                    return false
                }
            }
            return own
        }
    }

    func holds(_ node: Int, _ item: Int) -> Bool { held.contains(node, item) }

    func holdsAny(_ node: Int, of mask: [UInt64]) -> Bool { held.intersects(node, mask) }

    func items(_ node: Int) -> [Int] { held.bits(node) }

    /// What `flow` carries: the items it is labelled with, or, unlabeled, the CUI and FCI its source holds
    /// (both ends' for a two-way flow), presumed (docs/scoping.md §2).
    func carried(_ flow: Flow, graph: ScopeGraph) -> (items: [Int], presumed: Bool) {
        switch flow.carries {
        case .data(let items): return (items, false)
        case .unlabeled:
            var sources = [graph.node(flow.from)]
            if flow.bidirectional { sources.append(graph.node(flow.to)) }
            let items = Set(sources.flatMap(items)).sorted()
            return (items.filter { [.cui, .fci].contains(graph.model.data[$0].dataClass) }, true)
        }
    }

    /// "holds ITEM", with the shortest chain that brought it to `node`.
    func reason(_ node: Int, _ item: Int) -> Reason { Reason(.holds(data: item), witness(node, item)) }

    /// One reason per item of `mask` that `node` holds.
    func reasons(_ node: Int, mask: [UInt64]) -> [Reason] {
        items(node).filter { mask[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }.map { reason(node, $0) }
    }

    /// The shortest chain that brought `item` to `node`, from its seed.
    func witness(_ node: Int, _ item: Int) -> [Step] {
        var chain: [Step] = []
        var current = node
        while current >= 0, chain.count <= steps.count, let step = stepIndex(current, item) {
            chain.append(steps[step])
            current = Int(stepSources[step])
        }
        return chain.reversed()
    }

    /// The step that brought `item` to `node`, the last of its witness; nil for an item it does not hold.
    private func lastStep(_ node: Int, _ item: Int) -> Step? { stepIndex(node, item).map { steps[$0] } }

    /// The index in `steps` of the step that brought `item` to `node`.
    private func stepIndex(_ node: Int, _ item: Int) -> Int? {
        let step = Int(parentStep[node * dataCount + item])
        return step >= 0 ? step : nil
    }
}
